import { useQuery } from '@tanstack/react-query';
import { feedbackCategories } from '../../../../shared/feedback/feedback';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { ScrollRegion } from '../../components/ScrollRegion';
import { feedbackStatsQuery } from '../../queries/feedback';
import { useTranslation } from '../../translation';

/**
 * The office's feedback analytics for its monthly review (issue 18 §6): count per category and month as a
 * table, the median days to answer and the share answered within 14 days.
 */
export function FeedbackStats({ institutionId }: { institutionId: string }) {
  const { t } = useTranslation();
  const stats = useQuery(feedbackStatsQuery(institutionId));
  if (stats.isPending) return <Loading label={t('survey.feedback.staff.loading')} />;
  if (stats.isError) return <ErrorNotice error={stats.error} />;
  const s = stats.data;
  const months = [...new Set(s.byMonth.map((r) => r.month))];
  const count = (month: string, category: string) =>
    s.byMonth.find((r) => r.month === month && r.category === category)?.count ?? 0;
  return (
    <section aria-labelledby="fb-stats-title">
      <h2 id="fb-stats-title">{t('survey.feedback.staff.statsTitle')}</h2>
      <p>
        {t('survey.feedback.staff.median', {
          days: s.medianDaysToAnswer === null ? '—' : s.medianDaysToAnswer.toLocaleString('pl-PL'),
        })}
        <br />
        {t('survey.feedback.staff.within14', {
          share: s.answeredWithin14Days === null ? '—' : `${Math.round(s.answeredWithin14Days * 100)} %`,
        })}
      </p>
      {months.length > 0 && (
        <ScrollRegion labelledBy="fb-by-month">
          <table>
            <caption id="fb-by-month">{t('survey.feedback.staff.byMonth')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('survey.feedback.staff.month')}</th>
                {feedbackCategories.map((c) => (
                  <th key={c} scope="col">
                    {t(`survey.feedback.category.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr key={m}>
                  <th scope="row">{m}</th>
                  {feedbackCategories.map((c) => (
                    <td key={c}>{count(m, c)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
