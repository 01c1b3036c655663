import type { TFunction } from '../../translation';
import { useTranslation } from '../../translation';
import type { ConflictReason } from '../../../../shared/chapter/chapter';

/** What the chapter, conflict, assignment and expert screens share: reasons in words and an offset pager. */

/** One reason of a conflict in the UI's language ("ten sam powiat", "zgłoszony przez eksperta: …"). */
export function reasonText(reason: ConflictReason, t: TFunction): string {
  if (reason.source === 'rule') return t(`assignment.rule.${reason.rule}`);
  return t(`assignment.reason.${reason.source}`, { reason: reason.reason });
}

/** A reason's identity among a pair's reasons. */
const reasonKey = (reason: ConflictReason) =>
  reason.source === 'rule' ? `rule:${reason.rule}` : `${reason.source}:${reason.reason}`;

export function Reasons({ reasons }: { reasons: readonly ConflictReason[] }) {
  const { t } = useTranslation();
  if (reasons.length === 1 && reasons[0]) return <>{reasonText(reasons[0], t)}</>;
  return (
    <ul className="as-reasons">
      {reasons.map((r) => (
        <li key={reasonKey(r)}>{reasonText(r, t)}</li>
      ))}
    </ul>
  );
}

/**
 * "Previous page" / "Next page" and "page 2 of 5" under an offset-paged list, with the look of the
 * cursor Pager: buttons stay in place while a page loads (aria-disabled). Nothing on a single page.
 */
export function OffsetPager({
  offset,
  limit,
  total,
  loading,
  onPage,
}: {
  offset: number;
  limit: number;
  total: number;
  loading: boolean;
  onPage: (offset: number) => void;
}) {
  const { t } = useTranslation();
  if (total <= limit) return null;
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  return (
    <div className="pager">
      {page > 1 && (
        <button
          type="button"
          aria-disabled={loading || undefined}
          onClick={() => !loading && onPage(Math.max(0, offset - limit))}
        >
          {t('assignment.pager.previous')}
        </button>
      )}
      <span className="as-page-of">{t('assignment.pager.pageOf', { page, pages })}</span>
      {page < pages && (
        <button type="button" aria-disabled={loading || undefined} onClick={() => !loading && onPage(offset + limit)}>
          {t('common.nextPage')}
        </button>
      )}
    </div>
  );
}
