import type { ReactNode } from 'react';
import { useTranslation } from '../../translation';
import { inLanguage } from '../../../../shared/editions/localized';
import { rubricCriteria } from '../../../../shared/reviews/scoring';
import { currentLanguage } from '../../i18n';
import type { ReviewView } from '../../queries/reviews';
import { ScrollRegion } from '../ScrollRegion';
import { formatPoints } from './SheetFields';

/**
 * The other experts' submitted sheets as "Ekspert 1, 2…" (never who), when the edition's visibility
 * rule lets the API send them; otherwise a sentence saying when they become visible.
 */
export function OthersSheets({ view }: { view: ReviewView }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage();
  const others = view.others;
  const criteria = rubricCriteria(view.edition.rubric);
  let body: ReactNode;
  if (others === null) {
    body = (
      <p>
        {view.edition.scoring.visibility === 'afterOwnSubmission'
          ? t('scoring.review.othersAfterOwn')
          : t('scoring.review.othersNever')}
      </p>
    );
  } else if (others.length === 0) {
    body = <p>{t('scoring.review.othersNone')}</p>;
  } else {
    body = (
      <>
        <ScrollRegion labelledBy="rv-others-title">
          <table className="rv-others">
            <caption className="visually-hidden">{t('scoring.review.othersTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('scoring.review.othersCriterion')}</th>
                {others.map((o) => (
                  <th scope="col" key={o.label.pl}>
                    {inLanguage(o.label, lang)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {criteria.map((c) => (
                <tr key={c.code}>
                  <th scope="row">
                    {c.code} {inLanguage(c.name, lang)}
                  </th>
                  {others.map((o) => (
                    <td key={o.label.pl} className="as-num">
                      {typeof o.scores[c.code] === 'number' ? formatPoints(o.scores[c.code] ?? 0, i18n.language) : '—'}
                    </td>
                  ))}
                </tr>
              ))}
              <tr>
                <th scope="row">{t('scoring.review.othersTotal')}</th>
                {others.map((o) => (
                  <td key={o.label.pl} className="as-num">
                    {formatPoints(o.total, i18n.language)}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </ScrollRegion>
        {others
          .filter((o) => o.feedback.trim() !== '')
          .map((o) => (
            <p key={o.label.pl}>
              <strong>
                {inLanguage(o.label, lang)} — {t('scoring.review.othersFeedback')}:
              </strong>{' '}
              {o.feedback}
            </p>
          ))}
      </>
    );
  }
  return (
    <section aria-labelledby="rv-others-title" className="rv-others-box">
      <h2 id="rv-others-title">{t('scoring.review.othersTitle')}</h2>
      {body}
    </section>
  );
}
