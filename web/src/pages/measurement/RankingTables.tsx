import { ScrollRegion } from '../../components/ScrollRegion';
import type { PublishedMeasurement } from '../../queries/measurement-public';
import { useTranslation } from '../../translation';

type Ranking = Omit<PublishedMeasurement, 'publishedAt'>;
type Entry = Ranking['types'][number]['entries'][number];
const aspects = ['waiting', 'usefulness', 'engagement'] as const;
const arrows = { up: '▲', down: '▼', same: '＝', new: '★' } as const;

/**
 * A year's ranking of the standard measurement as tables, one per institution type (the public page and
 * the organizer's preview): rank, movement (an arrow hidden from screen readers, and its words), % satisfied
 * overall and per aspect with the 95 % interval, n; offices below the minimum without a rank.
 */
export function RankingTables({ ranking: r }: { ranking: Ranking }) {
  const { t, i18n } = useTranslation();
  const percent = (share: number) =>
    new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'pl-PL', {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(share);
  const figure = (value: { satisfied: number; interval: { low: number; high: number } }) => (
    <>
      {percent(value.satisfied)}{' '}
      <span className="hint">
        ({t('survey.measurement.interval', { low: percent(value.interval.low), high: percent(value.interval.high) })})
      </span>
    </>
  );
  const movement = (e: Entry) => {
    if (!e.movement) return null;
    const text = t(`survey.measurement.move.${e.movement}`, { from: e.previousRank ?? '' });
    return (
      <>
        <span aria-hidden="true">{arrows[e.movement]}</span> <span className="visually-hidden">{text}</span>
        {e.movement !== 'same' && e.movement !== 'new' && <span aria-hidden="true"> {e.previousRank}</span>}
      </>
    );
  };
  return (
    <>
      {r.types.map((table) => (
        <section key={table.type} aria-labelledby={`ms-${table.type}`}>
          <h2 id={`ms-${table.type}`}>{t(`institutionType.${table.type}`)}</h2>
          <ScrollRegion labelledBy={`ms-${table.type}`}>
            <table>
              <caption className="visually-hidden">
                {t('survey.measurement.caption', { type: t(`institutionType.${table.type}`), year: r.year })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('survey.measurement.rank')}</th>
                  <th scope="col">{t('survey.measurement.movement')}</th>
                  <th scope="col">{t('survey.measurement.institution')}</th>
                  <th scope="col">{t('survey.measurement.overall')}</th>
                  {aspects.map((a) => (
                    <th scope="col" key={a}>
                      {t(`survey.measurement.aspect.${a}`)}
                    </th>
                  ))}
                  <th scope="col">{t('survey.measurement.n')}</th>
                </tr>
              </thead>
              <tbody>
                {table.entries.map((e) => (
                  <tr key={e.institutionId}>
                    <td>{e.overall ? e.overall.rank : '—'}</td>
                    <td>{movement(e)}</td>
                    <th scope="row">{e.name}</th>
                    <td>{e.overall ? figure(e.overall) : t('survey.measurement.tooFew')}</td>
                    {aspects.map((a) => {
                      const f = e.aspects[a];
                      return <td key={a}>{f.shown ? figure(f) : t('survey.measurement.tooFew')}</td>;
                    })}
                    <td>{e.n}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </section>
      ))}
    </>
  );
}
