import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../translation';
import { currentLanguage } from '../../i18n';
import { resultsHistoryQuery } from '../../queries/results';
import { ErrorNotice } from '../ErrorNotice';
import { Loading } from '../Loading';
import { ScrollRegion } from '../ScrollRegion';
import { formatPercent, movementParts, outcomeKey } from './format';

/** The institution's results in every published edition: outcome, %, place in its category and the movement. */
export function ResultsHistory({ institutionId }: { institutionId: string }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage();
  const history = useQuery(resultsHistoryQuery(institutionId));
  const items = history.data;
  return (
    <section aria-labelledby="rs-history-title">
      <h2 id="rs-history-title">{t('results.history.title')}</h2>
      <ErrorNotice error={history.error} />
      {history.isPending && <Loading />}
      {items && items.length === 0 && <p>{t('results.history.empty')}</p>}
      {items && items.length > 0 && (
        <ScrollRegion labelledBy="rs-history-title">
          <table className="rs-history">
            <caption className="visually-hidden">{t('results.history.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('results.history.edition')}</th>
                <th scope="col">{t('results.history.outcome')}</th>
                <th scope="col" className="as-num">
                  {t('results.history.score')}
                </th>
                <th scope="col">{t('results.history.place')}</th>
                <th scope="col">{t('results.history.movement')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((h) => {
                const m = movementParts(h.movement, lang);
                return (
                  <tr key={h.applicationId} data-edition-id={h.editionId}>
                    <th scope="row">
                      <a href={`/applications/${encodeURIComponent(h.applicationId)}/result`}>
                        {h.edition.name} — {h.edition.number} ({h.edition.year})
                      </a>
                    </th>
                    <td>{t(outcomeKey(h.outcome))}</td>
                    <td className="as-num">
                      {t('results.percent', { value: formatPercent(h.percent, i18n.language) })}
                    </td>
                    <td>
                      {t('results.own.placeOf', { place: h.place, size: h.categorySize })}
                      {h.exAequo && ` (${t('results.exAequo')})`}
                    </td>
                    <td>
                      {m.arrow && (
                        <span aria-hidden="true" className={m.arrow === '▲' ? 'rs-up' : 'rs-down'}>
                          {m.arrow}{' '}
                        </span>
                      )}
                      {m.text}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
