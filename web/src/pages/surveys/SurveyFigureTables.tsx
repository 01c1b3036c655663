import { ScrollRegion } from '../../components/ScrollRegion';
import type { QuestionFigures } from '../../queries/surveys';
import { type TFunction, useTranslation } from '../../translation';
import { DistributionChart, TrendChart } from './SurveyCharts';

/**
 * The figures of a survey as the results page shows them — one cell per question (% satisfied, its
 * interval, the mean, n; or "hidden" below the minimum), breakdown tables and per-question charts —
 * shared by the office's results page and a results snapshot attached to an application (issue 18 §5).
 */

const percent = (x: number) => `${Math.round(x * 100)}%`;
const one = (x: number) => x.toLocaleString('pl-PL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** One cell: % satisfied with its interval and the mean, or only n when too few answered. */
export function Figure({ f, min, t }: { f: QuestionFigures | undefined; min: number; t: TFunction }) {
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

export function Breakdown({
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
export function QuestionCharts({
  overall,
  months,
  minAnswers,
  questions,
  idPrefix = 'sv',
}: {
  overall: Record<string, QuestionFigures>;
  months: { month: string; questions: Record<string, QuestionFigures> }[];
  minAnswers: number;
  questions: { id: string; label: string }[];
  /** Keeps element ids unique when several sets of charts share a page (snapshots in an application). */
  idPrefix?: string;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`${idPrefix}-charts`}>
      <h3 id={`${idPrefix}-charts`}>{t('survey.chart.heading')}</h3>
      {questions.map((q) => {
        const figures = overall[q.id];
        return (
          <section key={q.id} aria-labelledby={`${idPrefix}-chart-${q.id}`} className="survey-charts">
            <h4 id={`${idPrefix}-chart-${q.id}`}>{q.label}</h4>
            {figures?.shown ? (
              <DistributionChart label={q.label} figures={figures} />
            ) : (
              <p className="hint">{t('survey.staff.hidden', { n: figures?.n ?? 0, min: minAnswers })}</p>
            )}
            {months.length > 0 && (
              <TrendChart
                label={q.label}
                min={minAnswers}
                points={months.map((m) => ({ month: m.month, figures: m.questions[q.id] }))}
              />
            )}
          </section>
        );
      })}
    </section>
  );
}
