import { useTranslation } from '../translation';

/**
 * "First page" / "Next page" under a cursor-paged list. While a page loads the buttons stay in place
 * (aria-disabled, so focus is not lost) and ignore clicks. Renders nothing on a single page.
 */
export function Pager({
  page,
  loading,
  onFirst,
  onNext,
}: {
  page: { number: number; next: string | null };
  loading: boolean;
  onFirst: () => void;
  onNext: (cursor: string) => void;
}) {
  const { t } = useTranslation();
  if (page.number <= 1 && !page.next) return null;
  const next = page.next;
  return (
    <div className="pager">
      {page.number > 1 && (
        <button type="button" aria-disabled={loading || undefined} onClick={() => !loading && onFirst()}>
          {t('common.firstPage')}
        </button>
      )}
      {next && (
        <button type="button" aria-disabled={loading || undefined} onClick={() => !loading && onNext(next)}>
          {t('common.nextPage')}
        </button>
      )}
    </div>
  );
}
