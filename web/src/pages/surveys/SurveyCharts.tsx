import { useId } from 'react';
import { ScrollRegion } from '../../components/ScrollRegion';
import type { QuestionFigures } from '../../queries/surveys';
import { useTranslation } from '../../translation';

/**
 * The results page's charts (issue 18 §3): small SVGs drawn by hand (no chart library), each an image
 * with a title that says what it shows in words, and a table beside it that is the accessible source
 * of the same figures. A figure hidden below the survey's minimum number of answers is not drawn.
 * They scale to the width they are given (viewBox, width 100 %), so they fit a 375 px phone.
 */

/** Dark enough on white for graphics (WCAG 1.4.11, ≥ 3:1): the accent blue and a dark grey. */
const BAR = '#00458a';
const INK = '#1a1a1a';
const GRID = '#767676';
const percent = (x: number) => `${Math.round(x * 100)}%`;
type Shown = Extract<QuestionFigures, { shown: true }>;

/** One question's answers by value 1–5, as horizontal bars with the count and share written beside each. */
export function DistributionChart({ label, figures }: { label: string; figures: Shown }) {
  const { t } = useTranslation();
  const titleId = useId();
  const captionId = useId();
  const counts = figures.distribution;
  const max = Math.max(1, ...counts);
  const summary = t('survey.chart.distributionTitle', {
    question: label,
    n: figures.n,
    values: counts.map((c, i) => `${i + 1}: ${c} (${percent(c / figures.n)})`).join(', '),
  });
  const row = 26;
  const left = 24;
  const width = 220;
  return (
    <div className="survey-chart">
      <svg
        role="img"
        aria-labelledby={titleId}
        viewBox={`0 0 320 ${counts.length * row + 8}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
        data-chart="distribution"
      >
        <title id={titleId}>{summary}</title>
        {counts.map((count, i) => {
          const y = 4 + i * row;
          const w = (count / max) * width;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: the scale's values 1–5 are the positions
            <g key={i}>
              <text x={left - 8} y={y + 15} textAnchor="end" fontSize="12" fill={INK}>
                {i + 1}
              </text>
              {count > 0 && <rect data-value={i + 1} x={left} y={y + 2} width={w} height={row - 8} fill={BAR} />}
              <text x={left + w + 6} y={y + 15} fontSize="12" fill={INK}>
                {count} ({percent(count / figures.n)})
              </text>
            </g>
          );
        })}
      </svg>
      <ScrollRegion labelledBy={captionId}>
        <table className="survey-chart-table">
          <caption id={captionId}>{t('survey.chart.distributionCaption', { question: label })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('survey.chart.value')}</th>
              <th scope="col">{t('survey.staff.answers')}</th>
              <th scope="col">{t('survey.chart.share')}</th>
            </tr>
          </thead>
          <tbody>
            {counts.map((count, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the scale's values 1–5 are the positions
              <tr key={i}>
                <th scope="row">{t(`survey.value.${(i + 1) as 1}`)}</th>
                <td>{count}</td>
                <td>{percent(count / figures.n)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}

export interface TrendPoint {
  month: string;
  figures: QuestionFigures | undefined;
}

/** % satisfied month by month with its 95 % Wilson interval as error bars; a hidden month leaves a gap. */
export function TrendChart({ label, points, min }: { label: string; points: TrendPoint[]; min: number }) {
  const { t } = useTranslation();
  const titleId = useId();
  const captionId = useId();
  const shown = points.filter((p): p is { month: string; figures: Shown } => p.figures?.shown === true);
  const top = 12;
  const height = 150;
  const left = 40;
  const plotWidth = 300;
  const step = plotWidth / Math.max(1, points.length);
  const x = (i: number) => left + step * (i + 0.5);
  const y = (v: number) => top + (1 - v) * height;
  const summary = t('survey.chart.trendTitle', {
    question: label,
    values:
      shown.map((p) => `${p.month}: ${percent(p.figures.satisfied)}`).join(', ') || t('survey.chart.nothingShown'),
    hidden: points.length - shown.length,
  });
  return (
    <div className="survey-chart">
      <svg
        role="img"
        aria-labelledby={titleId}
        viewBox={`0 0 ${left + plotWidth + 8} ${top + height + 28}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
        data-chart="trend"
      >
        <title id={titleId}>{summary}</title>
        {[0, 0.5, 1].map((v) => (
          <g key={v}>
            <line x1={left} x2={left + plotWidth} y1={y(v)} y2={y(v)} stroke={GRID} strokeWidth="0.5" />
            <text x={left - 6} y={y(v) + 4} textAnchor="end" fontSize="11" fill={INK}>
              {percent(v)}
            </text>
          </g>
        ))}
        {points.map((p, i) => (
          <text key={p.month} x={x(i)} y={top + height + 18} textAnchor="middle" fontSize="10" fill={INK}>
            {`${p.month.slice(5)}.${p.month.slice(2, 4)}`}
          </text>
        ))}
        {points.map((p, i) =>
          p.figures?.shown ? (
            <g key={p.month} data-month={p.month}>
              <line
                x1={x(i)}
                x2={x(i)}
                y1={y(p.figures.interval.high)}
                y2={y(p.figures.interval.low)}
                stroke={INK}
                strokeWidth="1.5"
              />
              {[p.figures.interval.low, p.figures.interval.high].map((v) => (
                <line key={v} x1={x(i) - 5} x2={x(i) + 5} y1={y(v)} y2={y(v)} stroke={INK} strokeWidth="1.5" />
              ))}
              <circle cx={x(i)} cy={y(p.figures.satisfied)} r="4" fill={BAR} />
            </g>
          ) : null,
        )}
      </svg>
      <ScrollRegion labelledBy={captionId}>
        <table className="survey-chart-table">
          <caption id={captionId}>{t('survey.chart.trendCaption', { question: label })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('survey.chart.month')}</th>
              <th scope="col">{t('survey.chart.satisfied')}</th>
              <th scope="col">{t('survey.chart.interval')}</th>
              <th scope="col">n</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.month}>
                <th scope="row">{p.month}</th>
                {p.figures?.shown ? (
                  <>
                    <td>{percent(p.figures.satisfied)}</td>
                    <td>
                      {percent(p.figures.interval.low)}–{percent(p.figures.interval.high)}
                    </td>
                  </>
                ) : (
                  <td colSpan={2} className="hint">
                    {t('survey.staff.hidden', { n: p.figures?.n ?? 0, min })}
                  </td>
                )}
                <td>{p.figures?.n ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
