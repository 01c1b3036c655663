import { useTranslation } from '../../translation';
import type { MyReviewItem } from '../../queries/reviews';
import { formatPoints } from './SheetFields';

/** The expert's own sheet in the to-do list: nowa / szkic / złożona, with its total and a reopening's reason. */
export function SheetState({ item, maxTotal }: { item: MyReviewItem | undefined; maxTotal: number }) {
  const { t, i18n } = useTranslation();
  if (!item) return null;
  return (
    <span className="rv-state" data-sheet-status={item.status}>
      <span className={`ed-badge rv-badge-${item.status}`}>{t(`scoring.status.${item.status}`)}</span>
      {item.total !== null && (
        <span className="as-sub">
          {t('scoring.expert.totalOf', {
            total: formatPoints(item.total, i18n.language),
            max: formatPoints(maxTotal, i18n.language),
          })}
        </span>
      )}
      {item.reopened && (
        <span className="as-sub">{t('scoring.expert.reopened', { reason: item.reopened.reason })}</span>
      )}
    </span>
  );
}
