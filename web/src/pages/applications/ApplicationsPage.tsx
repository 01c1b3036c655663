import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from '../../translation';
import type { ApplicationStatus } from '../../../../shared/applications/application';
import { StatusBadge, warsaw } from '../../components/applications/format';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { RequireRole } from '../../components/RequireRole';
import { ResultsHistory } from '../../components/results/ResultsHistory';
import { errorMessage } from '../../forms/errors';
import { institutionApplicationsQuery, useStartApplication } from '../../queries/applications';
import { recentEditionsQuery } from '../../queries/editions';
import { navigate } from '../../router';

export function ApplicationsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('application.listTitle')}</PageTitle>
      <RequireRole roles={['institution']}>
        {({ user }) =>
          user.institutionId ? (
            <>
              <p className="lead">{t('landing.institution.lead')}</p>
              <Applications institutionId={user.institutionId} />
            </>
          ) : (
            <p>{t('application.noInstitution')}</p>
          )
        }
      </RequireRole>
    </>
  );
}

function Applications({ institutionId }: { institutionId: string }) {
  const { t } = useTranslation();
  const editions = useQuery(recentEditionsQuery);
  const applications = useQuery(institutionApplicationsQuery(institutionId));
  const start = useStartApplication(institutionId);
  const applying = start.isPending ? start.variables : null;
  // Already applied (another tab or colleague): the mutation refreshes the list, which shows it.
  const applyError = start.isError ? { editionId: start.variables, message: errorMessage(start.error) } : null;
  const errorRef = useRef<HTMLParagraphElement>(null);
  const busy = useRef(false); // a double click sends one request

  useEffect(() => {
    if (start.error) errorRef.current?.focus();
  }, [start.error]);

  const apply = async (editionId: string) => {
    if (busy.current) return;
    busy.current = true;
    const header = await start.mutateAsync(editionId).catch(() => null);
    busy.current = false;
    if (header) navigate(`/applications/${encodeURIComponent(header.applicationId)}`);
  };

  const loadError = editions.error ?? applications.error;
  if (loadError) return <ErrorNotice error={loadError} />;
  if (!editions.data || !applications.data) return <Loading />;
  const data = { editions: editions.data, applications: applications.data };

  const byEdition = new Map(data.applications.map((a) => [a.editionId, a]));
  const editionName = new Map(data.editions.map((e) => [e.editionId, `${e.name} — ${e.number} (${e.year})`]));
  const open = data.editions.filter((e) => e.state === 'open');
  const openDeadline = new Map(open.map((e) => [e.editionId, e.timeline.applicationsClose]));
  const published = new Set(
    data.editions.filter((e) => e.state === 'published' || e.state === 'archived').map((e) => e.editionId),
  );

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
                      {a.status === 'accepted' && published.has(a.editionId) ? (
                        <a href={`/applications/${encodeURIComponent(a.applicationId)}/result`}>
                          {t('results.own.resultLink')}
                          <span className="visually-hidden"> — {editionName.get(a.editionId) ?? a.editionId}</span>
                        </a>
                      ) : a.status === 'returned' && a.correction ? (
                        <>
                          <strong>{t('application.correctionUntil', { when: warsaw(a.correction.deadline) })}</strong>
                          <br />
                          {a.correction.message}
                        </>
                      ) : a.status === 'rejected' && a.rejection ? (
                        a.rejection.reason
                      ) : (
                        <NextStep status={a.status} deadline={openDeadline.get(a.editionId)} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <ResultsHistory institutionId={institutionId} />
    </>
  );
}

/** What the institution does next with an application the note column says nothing else about. */
function NextStep({ status, deadline }: { status: ApplicationStatus; deadline: string | undefined }) {
  const { t } = useTranslation();
  if (status === 'submitted') return t('landing.institution.submittedNext');
  if (!deadline) return '';
  if (status === 'draft') return t('landing.institution.draftNext', { when: warsaw(deadline) });
  if (status === 'withdrawn') return t('landing.institution.withdrawnNext', { when: warsaw(deadline) });
  return '';
}
