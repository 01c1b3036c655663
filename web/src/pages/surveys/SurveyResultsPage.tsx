import { useQuery } from '@tanstack/react-query';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { RequireRole } from '../../components/RequireRole';
import { ScrollRegion } from '../../components/ScrollRegion';
import {
  type QuestionFigures,
  type SurveyResults,
  surveyResultsQuery,
  surveyWorkbookHref,
} from '../../queries/surveys';
import { useLastSegment } from '../../router';
import { type TFunction, useTranslation } from '../../translation';
import { SurveyPoster } from './SurveyPoster';
import { DistributionChart, TrendChart } from './SurveyCharts';
import { SurveyComments } from './SurveyComments';

const ASPECTS = ['waiting', 'usefulness', 'engagement'] as const;
const percent = (x: number) => `${Math.round(x * 100)}%`;
const one = (x: number) => x.toLocaleString('pl-PL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** One cell: % satisfied with its interval and the mean, or only n when too few answered. */
function Figure({ f, min, t }: { f: QuestionFigures | undefined; min: number; t: TFunction }) {
  if (!f?.shown) return <span className="hint">{t('survey.staff.hidden', { n: f?.n ?? 0, min })}</span>;
  return (
    <>
      <strong>{percent(f.satisfied)}</strong>{' '}
      <span className="hint">
        ({percent(f.interval.low)}–{percent(f.interval.high)}) · {t('survey.staff.mean')} {one(f.mean)} · n = {f.n}
      </span>
    </>
  );
}

function Breakdown({
  id,
  caption,
  rows,
  questions,
  min,
}: {
  id: string;
  caption: string;
  rows: { label: string; n: number; questions: Record<string, QuestionFigures> }[];
  questions: { id: string; label: string }[];
  min: number;
}) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  return (
    <ScrollRegion labelledBy={id}>
      <table>
        <caption id={id}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('survey.staff.slice')}</th>
            <th scope="col">{t('survey.staff.answers')}</th>
            {questions.map((q) => (
              <th key={q.id} scope="col">
                {q.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td>{r.n}</td>
              {questions.map((q) => (
                <td key={q.id}>
                  <Figure f={r.questions[q.id]} min={min} t={t} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** Per question: its answers 1–5 (when shown) and the monthly trend of % satisfied, each with its table. */
function Charts({ results, questions }: { results: SurveyResults; questions: { id: string; label: string }[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="sv-charts">
      <h3 id="sv-charts">{t('survey.chart.heading')}</h3>
      {questions.map((q) => {
        const overall = results.all.questions[q.id];
        return (
          <section key={q.id} aria-labelledby={`sv-chart-${q.id}`} className="survey-charts">
            <h4 id={`sv-chart-${q.id}`}>{q.label}</h4>
            {overall?.shown ? (
              <DistributionChart label={q.label} figures={overall} />
            ) : (
              <p className="hint">{t('survey.staff.hidden', { n: overall?.n ?? 0, min: results.minAnswers })}</p>
            )}
            {results.months.length > 0 && (
              <TrendChart
                label={q.label}
                min={results.minAnswers}
                points={results.months.map((m) => ({ month: m.month, figures: m.questions[q.id] }))}
              />
            )}
          </section>
        );
      })}
    </section>
  );
}

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
      <Breakdown
        id="sv-overall"
        caption={t('survey.staff.overall')}
        rows={[{ label: t('survey.staff.all'), ...results.all }]}
        questions={questions}
        min={min}
      />
      <Charts results={results} questions={questions} />
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
        <p className="empty">{t('survey.staff.noAnswers')}</p>
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
