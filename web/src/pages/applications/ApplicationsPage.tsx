import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InferResponseType } from 'hono/client';
import { api, ApiError, send } from '../../api';
import { StatusBadge, warsaw, type ApplicationHeaderView } from '../../components/applications/format';
import { toFormError } from '../../components/form';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { RequireRole } from '../../components/RequireRole';
import { navigate } from '../../router';

type Edition = InferResponseType<typeof api.api.editions.$get, 200>['items'][number];

export function ApplicationsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('application.listTitle')}</PageTitle>
      <RequireRole roles={['institution']}>
        {({ user }) =>
          user.institutionId ? (
            <Applications institutionId={user.institutionId} />
          ) : (
            <p>{t('application.noInstitution')}</p>
          )
        }
      </RequireRole>
    </>
  );
}

type Loaded = { editions: Edition[]; applications: ApplicationHeaderView[] };

function Applications({ institutionId }: { institutionId: string }) {
  const { t } = useTranslation();
  const [data, setData] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState('');
  const [applying, setApplying] = useState<string | null>(null);
  const [applyError, setApplyError] = useState<{ editionId: string; message: string } | null>(null);
  const busy = useRef(false);
  const errorRef = useRef<HTMLParagraphElement>(null);

  const load = useCallback(async (): Promise<Loaded> => {
    const [editions, applications] = await Promise.all([
      send(api.api.editions.$get({ query: { limit: '100' } })).then((r) => r.json()),
      send(api.api.institutions[':institutionId'].applications.$get({ param: { institutionId } })).then((r) =>
        r.json(),
      ),
    ]);
    return { editions: editions.items, applications: applications.items };
  }, [institutionId]);

  useEffect(() => {
    let live = true;
    load().then(
      (loaded) => live && setData(loaded),
      (error: unknown) => live && setLoadError(toFormError(error).message),
    );
    return () => {
      live = false;
    };
  }, [load]);

  useEffect(() => {
    if (applyError) errorRef.current?.focus();
  }, [applyError]);

  const apply = async (editionId: string) => {
    if (busy.current) return;
    busy.current = true;
    setApplying(editionId);
    setApplyError(null);
    try {
      const header = await (
        await send(api.api.editions[':editionId'].applications.$post({ param: { editionId } }))
      ).json();
      navigate(`/applications/${encodeURIComponent(header.applicationId)}`);
    } catch (error) {
      // Already applied (another tab or colleague): show the list with the existing application.
      if (error instanceof ApiError && error.code === 'ALREADY_EXISTS') {
        const reloaded = await load().catch(() => null);
        if (reloaded) setData(reloaded);
      }
      setApplyError({ editionId, message: toFormError(error).message });
    } finally {
      busy.current = false;
      setApplying(null);
    }
  };

  if (loadError)
    return (
      <p className="notice error" role="alert">
        {loadError}
      </p>
    );
  if (!data) return <Loading />;

  const byEdition = new Map(data.applications.map((a) => [a.editionId, a]));
  const editionName = new Map(data.editions.map((e) => [e.editionId, `${e.name} — ${e.number} (${e.year})`]));
  const open = data.editions.filter((e) => e.state === 'open');

  return (
    <>
      <section aria-labelledby="ap-open-title">
        <h2 id="ap-open-title">{t('application.openEditionsTitle')}</h2>
        {open.length === 0 ? (
          <p>{t('application.noOpenEditions')}</p>
        ) : (
          <ul className="ap-cards">
            {open.map((edition) => {
              const existing = byEdition.get(edition.editionId);
              const titleId = `ap-edition-${edition.editionId}`;
              return (
                <li key={edition.editionId} className="card" aria-labelledby={titleId}>
                  <h3 id={titleId}>
                    {edition.name} — {edition.number} ({edition.year})
                  </h3>
                  <p>{t('application.deadline', { when: warsaw(edition.timeline.applicationsClose) })}</p>
                  {existing ? (
                    <p>
                      {t('application.alreadyApplied')}{' '}
                      <a href={`/applications/${encodeURIComponent(existing.applicationId)}`}>
                        {t('application.goToApplication')}
                        <span className="visually-hidden">
                          {' '}
                          {edition.name} — {edition.number}
                        </span>
                      </a>
                    </p>
                  ) : (
                    <p>
                      <button
                        type="button"
                        className="primary"
                        aria-disabled={applying !== null || undefined}
                        onClick={() => void apply(edition.editionId)}
                      >
                        {t('application.apply')}
                        <span className="visually-hidden">
                          {' '}
                          {t('application.applyIn', { edition: `${edition.name} — ${edition.number}` })}
                        </span>
                      </button>
                    </p>
                  )}
                  <p role="status" className="form-status">
                    {applying === edition.editionId ? t('application.applying') : ''}
                  </p>
                  {applyError?.editionId === edition.editionId && (
                    <p className="notice error" ref={errorRef} tabIndex={-1}>
                      {applyError.message}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="ap-mine-title">
        <h2 id="ap-mine-title">{t('application.myApplicationsTitle')}</h2>
        {data.applications.length === 0 ? (
          <p>{t('application.noApplications')}</p>
        ) : (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('application.colEdition')}</th>
                  <th scope="col">{t('application.colStatus')}</th>
                  <th scope="col">{t('application.colSubmitted')}</th>
                  <th scope="col">{t('application.colNote')}</th>
                </tr>
              </thead>
              <tbody>
                {data.applications.map((a) => (
                  <tr key={a.applicationId} data-application={a.applicationId}>
                    <td>
                      <a href={`/applications/${encodeURIComponent(a.applicationId)}`}>
                        {editionName.get(a.editionId) ?? t('application.unknownEdition', { id: a.editionId })}
                      </a>
                    </td>
                    <td>
                      <StatusBadge status={a.status} />
                    </td>
                    <td>{a.submittedAt && a.status !== 'draft' ? warsaw(a.submittedAt) : '—'}</td>
                    <td>
                      {a.status === 'returned' && a.correction ? (
                        <>
                          <strong>{t('application.correctionUntil', { when: warsaw(a.correction.deadline) })}</strong>
                          <br />
                          {a.correction.message}
                        </>
                      ) : a.status === 'rejected' && a.rejection ? (
                        a.rejection.reason
                      ) : (
                        ''
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
