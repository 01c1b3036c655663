import { useTranslation } from '../../translation';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatWarsaw, formatWarsawDate } from '../../components/editions/time';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { ScrollRegion } from '../../components/ScrollRegion';
import { formatPercent, groupedHash, idPart, movementParts, shortHash } from '../../components/results/format';
import { currentLanguage } from '../../i18n';
import { useFetchOnce } from '../../fetching';
import { type PublishedResults, publishedJsonUrl, readPublishedResults } from '../../queries/published';
import { useLastSegment, useLocation } from '../../router';

type Category = PublishedResults['snapshot']['categories'][number];
type Entry = Category['laureates'][number];

/** "?wersja=2" → 2; anything else → the newest version. */
function versionParam(value: string | null): number | undefined {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : undefined;
}

function Movement({ value }: { value: Entry['movement'] }) {
  const { arrow, text } = movementParts(value, currentLanguage());
  return (
    <>
      {arrow && (
        <span aria-hidden="true" className={arrow === '▲' ? 'rs-up' : 'rs-down'}>
          {arrow}{' '}
        </span>
      )}
      {text}
    </>
  );
}

function CategorySection({ category, scores }: { category: Category; scores: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage();
  const name = lang === 'en' ? category.name.en : category.name.pl;
  const id = `rs-pub-${idPart(category.code)}`;
  return (
    <section aria-labelledby={id} className="rs-pub-category" data-category={category.code}>
      <h2 id={id}>{name}</h2>
      <h3 id={`${id}-laureates`}>{t('results.public.laureatesTitle')}</h3>
      {category.laureates.length === 0 ? (
        <p>{t('results.public.noLaureates')}</p>
      ) : (
        <ScrollRegion labelledBy={`${id}-laureates`}>
          <table className="rs-public-table rs-laureates">
            <caption className="visually-hidden">{t('results.public.categoryCaption', { name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('results.public.place')}</th>
                <th scope="col">{t('results.public.institution')}</th>
                <th scope="col">{t('results.public.town')}</th>
                <th scope="col">{t('results.public.type')}</th>
                {scores && <th scope="col">{t('results.public.score')}</th>}
                <th scope="col">{t('results.public.movement')}</th>
              </tr>
            </thead>
            <tbody>
              {category.laureates.map((e) => (
                <tr key={e.institutionId} data-institution-id={e.institutionId}>
                  <td>
                    {e.place ?? '—'}
                    {e.exAequo && <span className="rs-exaequo"> {t('results.exAequo')}</span>}
                  </td>
                  <th scope="row">{e.name}</th>
                  <td>{e.town}</td>
                  <td>{t(`institutionType.${e.type}`)}</td>
                  {scores && (
                    <td>
                      {e.percent === undefined
                        ? '—'
                        : t('results.percent', { value: formatPercent(e.percent, i18n.language) })}
                    </td>
                  )}
                  <td>
                    <Movement value={e.movement} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {category.distinctions.length > 0 && (
        <>
          <h3>{t('results.public.distinctionsTitle')}</h3>
          <ul className="rs-distinctions">
            {category.distinctions.map((e) => (
              <li key={e.institutionId} data-institution-id={e.institutionId}>
                <strong>{e.name}</strong>, {e.town} ({t(`institutionType.${e.type}`)})
                {e.reason && (
                  <>
                    {' — '}
                    <span className="visually-hidden">{t('results.public.reason')}: </span>
                    {e.reason}
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Public (no login): an edition's laureates per category, the SHA-256 and how to verify it, and every version. */
export function PublishedResultsPage() {
  const { t, i18n } = useTranslation();
  const editionId = useLastSegment();
  const { query } = useLocation();
  const version = versionParam(query.get('wersja'));
  const results = useFetchOnce(`${editionId} ${version ?? 'newest'}`, (signal) =>
    readPublishedResults(editionId, version, signal),
  );
  const data = results.data;
  const snapshot = data?.snapshot;
  const title = snapshot
    ? t('results.public.editionTitle', {
        name: snapshot.edition.name,
        number: snapshot.edition.number,
        year: snapshot.edition.year,
      })
    : t('results.public.titleLoading');
  const base = `/laureaci/${encodeURIComponent(editionId)}`;
  const jsonPath = publishedJsonUrl(editionId, version);
  const newest = data?.versions.at(-1)?.version;
  const scores = snapshot?.categories.some((c) => c.laureates.some((e) => e.percent !== undefined)) ?? false;

  return (
    <>
      <PageTitle>{title}</PageTitle>
      <p>
        <a href="/laureaci">{t('results.public.back')}</a>
      </p>
      <ErrorNotice error={results.error} />
      {results.isPending && <Loading />}
      {data && snapshot && (
        <>
          {data.superseded && (
            <p className="notice rs-superseded">
              {t('results.public.superseded', { version: snapshot.version, newest })}{' '}
              <a href={base}>{t('results.public.showNewest')}</a>
            </p>
          )}
          <p>
            {t('results.public.publishedOn', {
              when: formatWarsaw(snapshot.publishedAt, i18n.language),
              version: snapshot.version,
            })}{' '}
            {t('results.public.validUntil', { when: formatWarsawDate(snapshot.validUntil, i18n.language) })}
          </p>

          {snapshot.categories.map((c) => (
            <CategorySection key={c.code} category={c} scores={scores} />
          ))}

          <section aria-labelledby="rs-verify-title" className="rs-verify">
            <h2 id="rs-verify-title">{t('results.public.verifyTitle')}</h2>
            <p>
              {t('results.public.sha')}:{' '}
              <code className="rs-hash" data-sha256={data.sha256}>
                {groupedHash(data.sha256)}
              </code>
            </p>
            <p>{t('results.public.verifyHow')}</p>
            <code className="rs-command">npm run verify-results -- {`${window.location.origin}${jsonPath}`}</code>
            <p className="hint">{t('results.public.verifyNote')}</p>
            <p>
              <a href={jsonPath} type="application/json">
                {t('results.public.json')}
              </a>
            </p>
          </section>

          {data.versions.length > 1 && (
            <section aria-labelledby="rs-pub-versions-title">
              <h2 id="rs-pub-versions-title">{t('results.public.versionsTitle')}</h2>
              <ScrollRegion labelledBy="rs-pub-versions-title">
                <table className="rs-public-table rs-pub-versions">
                  <caption className="visually-hidden">{t('results.public.versionsCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('results.public.version')}</th>
                      <th scope="col">{t('results.public.publishedAt')}</th>
                      <th scope="col">{t('results.public.hash')}</th>
                      <th scope="col">{t('results.public.reasonOfCorrection')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.versions.map((v) => (
                      <tr key={v.version} data-version={v.version}>
                        <th scope="row">
                          {v.version === snapshot.version ? (
                            <span aria-current="page">
                              {v.version} {v.version === newest && t('results.public.current')}
                            </span>
                          ) : (
                            <a href={v.version === newest ? base : `${base}?wersja=${v.version}`}>
                              {t('results.public.read', { version: v.version })}
                              {v.version === newest && ` ${t('results.public.current')}`}
                            </a>
                          )}
                        </th>
                        <td>
                          <time dateTime={v.publishedAt}>{formatWarsaw(v.publishedAt, i18n.language)}</time>
                        </td>
                        <td>
                          <code title={v.sha256}>{shortHash(v.sha256)}</code>
                        </td>
                        <td>{v.reason ?? t('results.public.firstVersion')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            </section>
          )}
        </>
      )}
    </>
  );
}
