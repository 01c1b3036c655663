import { useTranslation } from '../../translation';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatWarsaw } from '../../components/editions/time';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { ScrollRegion } from '../../components/ScrollRegion';
import { shortHash } from '../../components/results/format';
import { useFetchOnce } from '../../fetching';
import { readPublishedEditions } from '../../queries/published';

/** Public (no login): every edition with published results, newest first. */
export function LaureatesPage() {
  const { t, i18n } = useTranslation();
  const editions = useFetchOnce('published', readPublishedEditions);
  const items = editions.data ? [...editions.data.items].sort((a, b) => b.year - a.year) : [];
  return (
    <>
      <PageTitle>{t('results.public.listTitle')}</PageTitle>
      <p>{t('results.public.listIntro')}</p>
      <ErrorNotice error={editions.error} />
      {editions.isPending && <Loading />}
      {editions.data && items.length === 0 && <p>{t('results.public.empty')}</p>}
      {items.length > 0 && (
        <ScrollRegion labelledBy="rs-list-caption">
          <table className="rs-public-table rs-editions">
            <caption id="rs-list-caption">{t('results.public.listCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('results.public.edition')}</th>
                <th scope="col">{t('results.public.year')}</th>
                <th scope="col" className="as-num">
                  {t('results.public.laureates')}
                </th>
                <th scope="col">{t('results.public.publishedAt')}</th>
                <th scope="col">{t('results.public.hash')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.editionId} data-edition-id={e.editionId}>
                  <th scope="row">
                    <a href={`/laureaci/${encodeURIComponent(e.editionId)}`}>
                      {e.name} — {e.number}
                    </a>
                  </th>
                  <td>{e.year}</td>
                  <td className="as-num">{e.laureates}</td>
                  <td>
                    <time dateTime={e.publishedAt}>{formatWarsaw(e.publishedAt, i18n.language)}</time>
                  </td>
                  <td>
                    <code title={e.sha256}>{shortHash(e.sha256)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
