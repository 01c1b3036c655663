import { useTranslation } from '../../translation';
import { idPart } from './format';

/**
 * A category's score distribution: ten bins of 10 % as an inline SVG bar chart (one image with a
 * label that reads every bin) and, beside it, a table of the same numbers.
 */
export function DistributionChart({ code, name, bins }: { code: string; name: string; bins: readonly number[] }) {
  const { t } = useTranslation();
  const ranges = bins.map((count, i) => ({ from: i * 10, to: i * 10 + 10, count }));
  const label = t('results.org.distributionLabel', {
    name,
    bins: ranges.map((r) => t('results.org.distributionBin', r)).join('; '),
  });
  const most = Math.max(1, ...bins);
  const slot = 36;
  const chartHeight = 120;
  const width = ranges.length * slot + 16;
  const height = chartHeight + 44;
  const captionId = `rs-dist-${idPart(code)}`;
  return (
    <div className="rs-distribution" data-category={code}>
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${width} ${height}`}
        className="rs-chart"
        preserveAspectRatio="xMinYMin meet"
      >
        <line x1={8} y1={chartHeight + 14} x2={width - 8} y2={chartHeight + 14} className="as-axis" />
        {ranges.map((r, i) => {
          const h = Math.round((r.count / most) * chartHeight);
          const x = 8 + i * slot + 4;
          return (
            <g key={r.from}>
              <rect x={x} y={chartHeight + 14 - h} width={slot - 8} height={h} className="as-bar" />
              <text x={x + (slot - 8) / 2} y={chartHeight + 10 - h} textAnchor="middle" className="as-bar-value">
                {r.count}
              </text>
              <text x={x + (slot - 8) / 2} y={chartHeight + 32} textAnchor="middle" className="as-bar-label">
                {r.from}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="rs-distribution-table">
        <caption id={captionId}>{t('results.org.distributionCaption', { name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.org.distributionRange')}</th>
            <th scope="col" className="as-num">
              {t('results.org.distributionCount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {ranges.map((r) => (
            <tr key={r.from}>
              <th scope="row">
                {r.from}–{r.to}%
              </th>
              <td className="as-num">{r.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
