import { ApiError } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useFetchOnce } from '../../fetching';
import { readPublishedMeasurement } from '../../queries/measurement-public';
import { useLastSegment } from '../../router';
import { useTranslation } from '../../translation';
import { RankingTables } from './RankingTables';

/**
 * The published ranking of a year's standard measurement (issue 18 §4, seed 002):
 * `/badanie-satysfakcji/:year`, one table per institution type — rank, movement (an arrow with its text),
 * % satisfied overall and per aspect with the 95 % interval, n. Offices below the minimum are listed
 * without a rank. Public, in the small `survey` chunk.
 */
export function MeasurementRankingPage() {
  const { t } = useTranslation();
  const year = useLastSegment();
  const ranking = useFetchOnce(`measurement:${year}`, (signal) => readPublishedMeasurement(year, signal));
  if (ranking.isPending) return <Loading label={t('survey.measurement.loading')} />;
  if (ranking.isError || !ranking.data) {
    const missing = ranking.error instanceof ApiError && ranking.error.status === 404;
    return (
      <>
        <PageTitle>{t('survey.measurement.notPublished', { year })}</PageTitle>
        {!missing && <ErrorNotice error={ranking.error} />}
      </>
    );
  }
  const r = ranking.data;
  return (
    <>
      <PageTitle>{t('survey.measurement.publicTitle', { year: r.year })}</PageTitle>
      <p>{t('survey.measurement.publicIntro', { min: r.minAnswers })}</p>
      <p className="hint">{t('survey.measurement.publishedAt', { date: r.publishedAt.slice(0, 10) })}</p>
      <RankingTables ranking={r} />
    </>
  );
}
