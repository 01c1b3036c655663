import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, send } from '../../api';
import type { ExpertEdition } from '../../components/assignment/common';
import { StateBadge } from '../../components/editions/StateBadge';
import { toFormError } from '../../components/form';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { RequireRole } from '../../components/RequireRole';

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
  const [items, setItems] = useState<ExpertEdition[] | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    let live = true;
    send(api.api.expert.editions.$get())
      .then((r) => r.json())
      .then(
        (x) => live && setItems(x.items),
        (e: unknown) => live && setError(toFormError(e).message),
      );
    return () => {
      live = false;
    };
  }, []);

  return (
    <>
      <p className="lead">{t('assignment.expert.editionsLead')}</p>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      {!items && !error && <Loading />}
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
