import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { StateBadge } from '../../components/editions/StateBadge';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { RequireRole } from '../../components/RequireRole';
import { expertEditionsQuery } from '../../queries/assignment';

/** The editions whose chapter the signed-in expert sits on, with their load in each. */
export function ExpertEditionsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('assignment.expert.editionsTitle')}</PageTitle>
      <RequireRole roles={['expert']}>{() => <MyEditions />}</RequireRole>
    </>
  );
}

function MyEditions() {
  const { t } = useTranslation();
  const editions = useQuery(expertEditionsQuery);
  const items = editions.data;

  return (
    <>
      <p className="lead">{t('assignment.expert.editionsLead')}</p>
      <ErrorNotice error={editions.error} />
      {editions.isPending && <Loading />}
      {items && items.length === 0 && <p className="notice">{t('assignment.expert.noEditions')}</p>}
      {items && items.length > 0 && (
        <table>
          <caption className="visually-hidden">{t('assignment.expert.editionsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('assignment.expert.edition')}</th>
              <th scope="col">{t('assignment.expert.state')}</th>
              <th scope="col">{t('assignment.chapter.role')}</th>
              <th scope="col" className="as-num">
                {t('assignment.expert.load')}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.editionId}>
                <th scope="row">
                  <a
                    href={`/expert/editions/${encodeURIComponent(e.editionId)}`}
                  >{`${e.name} — ${e.number} (${e.year})`}</a>
                </th>
                <td>
                  <StateBadge state={e.state} />
                </td>
                <td>{e.chair ? t('assignment.chapter.chair') : t('assignment.chapter.memberRole')}</td>
                <td className="as-num">{e.load}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
