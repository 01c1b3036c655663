import { useId } from 'react';
import { useTranslation } from '../../translation';

/**
 * How many experts carry each load, as bars — for sighted users — and as a table with the same
 * numbers, so screen readers (and anyone who prefers numbers) get the data; the drawing is hidden
 * from assistive technology. Loads with no expert between 0 and the highest load show as empty bars.
 */
export function LoadHistogram({ histogram }: { histogram: readonly { load: number; experts: number }[] }) {
  const { t } = useTranslation();
  const captionId = useId();
  const top = histogram.reduce((m, h) => Math.max(m, h.load), 0);
  const counts = new Map(histogram.map((h) => [h.load, h.experts]));
  const rows = Array.from({ length: top + 1 }, (_, load) => ({ load, experts: counts.get(load) ?? 0 }));
  const most = Math.max(1, ...rows.map((r) => r.experts));
  const slot = 44;
  const chartHeight = 140;
  const width = rows.length * slot + 16;
  const height = chartHeight + 48;
  return (
    <figure className="as-histogram" aria-labelledby={captionId}>
      <figcaption id={captionId}>{t('assignment.histogram.caption')}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width={Math.min(width, 640)}
        height={height * (Math.min(width, 640) / width)}
        aria-hidden="true"
        focusable="false"
        className="as-chart"
      >
        <line x1={8} y1={chartHeight + 16} x2={width - 8} y2={chartHeight + 16} className="as-axis" />
        {rows.map((r, i) => {
          const h = Math.round((r.experts / most) * chartHeight);
          const x = 8 + i * slot + 6;
          return (
            <g key={r.load}>
              <rect x={x} y={chartHeight + 16 - h} width={slot - 12} height={h} className="as-bar" />
              <text x={x + (slot - 12) / 2} y={chartHeight + 12 - h} textAnchor="middle" className="as-bar-value">
                {r.experts}
              </text>
              <text x={x + (slot - 12) / 2} y={chartHeight + 36} textAnchor="middle" className="as-bar-label">
                {r.load}
              </text>
            </g>
          );
        })}
      </svg>
      <p className="as-axis-note" aria-hidden="true">
        {t('assignment.histogram.axis')}
      </p>
      <table className="as-histogram-table">
        <caption>{t('assignment.histogram.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('assignment.histogram.load')}</th>
            <th scope="col" className="as-num">
              {t('assignment.histogram.experts')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.load} data-load={r.load}>
              <th scope="row">{r.load}</th>
              <td className="as-num">{r.experts}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
