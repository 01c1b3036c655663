import { useQuery } from '@tanstack/react-query';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { RequireRole } from '../../components/RequireRole';
import { type SurveyResults, surveyResultsQuery, surveyWorkbookHref } from '../../queries/surveys';
import { useLastSegment } from '../../router';
import { useTranslation } from '../../translation';
import { SurveyPoster } from './SurveyPoster';
import { Breakdown, QuestionCharts } from './SurveyFigureTables';
import { SurveyComments } from './SurveyComments';

const ASPECTS = ['waiting', 'usefulness', 'engagement'] as const;
function Results({ results }: { results: SurveyResults }) {
  const { t } = useTranslation();
  const questions = [
    ...ASPECTS.map((id) => ({ id, label: t(`survey.aspect.${id}`) })),
    ...results.survey.ownQuestions.map((q) => ({ id: q.id, label: q.text.pl })),
  ];
  const min = results.minAnswers;
  return (
    <>
      <p>{t('survey.staff.explain', { min })}</p>
      <p>{t('survey.staff.countsLag')}</p>
      <Breakdown
        id="sv-overall"
        caption={t('survey.staff.overall')}
        rows={[{ label: t('survey.staff.all'), ...results.all }]}
        questions={questions}
        min={min}
      />
      <QuestionCharts overall={results.all.questions} months={results.months} minAnswers={min} questions={questions} />
      <Breakdown
        id="sv-months"
        caption={t('survey.staff.byMonth')}
        rows={results.months.map((m) => ({ label: m.month, n: m.n, questions: m.questions }))}
        questions={questions}
        min={min}
      />
      <Breakdown
        id="sv-matters"
        caption={t('survey.staff.byMatter')}
        rows={results.matters.map((m) => ({
          label: t(`survey.matter.${m.matter as 'other'}`),
          n: m.n,
          questions: m.questions,
        }))}
        questions={questions}
        min={min}
      />
      <Breakdown
        id="sv-channels"
        caption={t('survey.staff.byChannel')}
        rows={results.channels.map((c) => ({
          label: t(`survey.channel.${c.channel as 'phone'}`),
          n: c.n,
          questions: c.questions,
        }))}
        questions={questions}
        min={min}
      />
    </>
  );
}

function SurveyFigures({ institutionId, surveyId }: { institutionId: string; surveyId: string }) {
  const { t } = useTranslation();
  const results = useQuery(surveyResultsQuery(institutionId, surveyId));
  if (results.isPending) return <Loading />;
  if (results.isError) return <ErrorNotice error={results.error} />;
  return (
    <>
      <h2>{results.data.survey.title.pl}</h2>
      {results.data.all.n === 0 ? (
        <>
          <p className="empty">{t('survey.staff.noAnswers')}</p>
          <p>{t('survey.staff.countsLag')}</p>
        </>
      ) : (
        <>
          <p>
            <a href={surveyWorkbookHref(institutionId, surveyId)} download>
              {t('survey.staff.downloadXlsx')}
            </a>
          </p>
          <Results results={results.data} />
          <SurveyComments institutionId={institutionId} surveyId={surveyId} />
        </>
      )}
      <SurveyPoster institutionId={institutionId} surveyId={surveyId} />
      <p>
        <a href="/institution/surveys">{t('survey.staff.back')}</a>
      </p>
    </>
  );
}

/** A survey's figures for the office's monthly review (issue 18 §3), as tables a screen reader can read. */
export function SurveyResultsPage() {
  const { t } = useTranslation();
  const surveyId = useLastSegment();
  return (
    <>
      <PageTitle>{t('survey.staff.resultsTitle')}</PageTitle>
      <RequireRole roles={['institution']}>
        {({ user }) =>
          user.institutionId ? (
            <SurveyFigures institutionId={user.institutionId} surveyId={surveyId} />
          ) : (
            <p>{t('institution.none')}</p>
          )
        }
      </RequireRole>
    </>
  );
}
