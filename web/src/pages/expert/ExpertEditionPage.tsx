import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from '../../translation';
import { formatWarsaw } from '../../components/editions/time';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Bidding } from '../../components/expert/Bidding';
import { DeclareConflictForm } from '../../components/expert/DeclareConflictForm';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { RequireRole } from '../../components/RequireRole';
import { ScrollRegion } from '../../components/ScrollRegion';
import { expertEditionsQuery, myAssignmentsQuery } from '../../queries/assignment';
import { myReviewsQuery } from '../../queries/reviews';
import { SheetState } from '../../components/scoring/SheetState';
import { useLastSegment } from '../../router';

const scoringStates = new Set(['review', 'deliberation', 'published', 'archived']);

/**
 * One edition for an expert on its chapter: their own assignments (never anyone else's), with a way
 * to declare a conflict of interest, and the bidding list (−2…+2 per application) while it is open.
 */
export function ExpertEditionPage() {
  const editionId = useLastSegment();
  return <RequireRole roles={['expert']}>{() => <EditionForExpert editionId={editionId} />}</RequireRole>;
}

function EditionForExpert({ editionId }: { editionId: string }) {
  const { t, i18n } = useTranslation();
  const editions = useQuery(expertEditionsQuery);
  const assignments = useQuery(myAssignmentsQuery(editionId));
  const reviews = useQuery(myReviewsQuery(editionId));
  // Sheets exist from the review on: before it, the column and the "Score" link would lead nowhere.
  const scoring = reviews.data && scoringStates.has(reviews.data.state) ? reviews.data : null;
  const sheets = new Map((scoring?.items ?? []).map((r) => [r.applicationId, r]));
  const edition = editions.data?.find((e) => e.editionId === editionId);
  const notMember = editions.isSuccess && !edition;
  const mine = assignments.data;
  const loadError = editions.error ?? assignments.error;
  const [status, setStatus] = useState('');
  const [open, setOpen] = useState<string | null>(null);

  /** A declared conflict: the expert's lists are read again by the declaration itself. */
  const declared = (institution: string, flagged: boolean) => {
    setOpen(null);
    setStatus(t(flagged ? 'assignment.declare.doneFlagged' : 'assignment.declare.done', { institution }));
  };

  const title = edition ? `${edition.name} — ${edition.number} (${edition.year})` : t('assignment.expert.editionTitle');
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <p className="ed-subtitle">
        <a href="/expert">{t('assignment.expert.back')}</a>
      </p>
      <ErrorNotice error={notMember ? null : loadError} />
      {notMember && (
        <p className="notice error" role="alert">
          {t('assignment.expert.notMember')}
        </p>
      )}
      <p role="status" className="form-status">
        {status}
      </p>
      {!loadError && !notMember && !mine && <Loading />}
      {mine && (
        <section aria-labelledby="ex-mine-title">
          <h2 id="ex-mine-title">{t('assignment.expert.mineTitle')}</h2>
          <p>{t('assignment.expert.loadLine', { load: mine.items.length, min: mine.minLoad, max: mine.maxLoad })}</p>
          {mine.items.length === 0 ? (
            <p className="notice">{t('assignment.expert.noAssignments')}</p>
          ) : (
            <ScrollRegion labelledBy="ex-mine-title">
              <table className="ex-mine">
                <caption className="visually-hidden">{t('assignment.expert.mineTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('assignment.current.institution')}</th>
                    <th scope="col">{t('assignment.expert.assignedAt')}</th>
                    <th scope="col">{t('assignment.expert.status')}</th>
                    {scoring && <th scope="col">{t('scoring.expert.sheetColumn')}</th>}
                    <th scope="col">{t('assignment.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {mine.items.map((a) => (
                    <Fragment key={a.applicationId}>
                      <tr data-application-id={a.applicationId} className={a.flagged ? 'as-flagged' : undefined}>
                        <th scope="row">{a.institutionName}</th>
                        <td>
                          <time dateTime={a.assignedAt}>{formatWarsaw(a.assignedAt, i18n.language)}</time>
                        </td>
                        <td>
                          {a.flagged ? (
                            <>
                              <span className="ed-badge as-badge-flagged">{t('assignment.expert.flagged')}</span>
                              <span className="as-sub">
                                {t('assignment.expert.flaggedReason', { reason: a.flagged.reason })}
                              </span>
                            </>
                          ) : (
                            t('assignment.expert.active')
                          )}
                        </td>
                        {scoring && (
                          <td>
                            {!a.flagged && (
                              <SheetState item={sheets.get(a.applicationId)} maxTotal={scoring.maxTotal} />
                            )}
                          </td>
                        )}
                        <td>
                          {!a.flagged && sheets.has(a.applicationId) && (
                            <>
                              <a
                                className="button-link"
                                href={`/expert/editions/${encodeURIComponent(editionId)}/reviews/${encodeURIComponent(a.applicationId)}`}
                              >
                                {t('scoring.expert.score')}
                                <span className="visually-hidden"> — {a.institutionName}</span>
                              </a>{' '}
                            </>
                          )}
                          {!a.flagged && (
                            <button
                              type="button"
                              aria-expanded={open === a.applicationId}
                              aria-controls={open === a.applicationId ? `ex-declare-${a.applicationId}` : undefined}
                              onClick={() => setOpen(open === a.applicationId ? null : a.applicationId)}
                            >
                              {t('assignment.declare.button')}
                              <span className="visually-hidden"> — {a.institutionName}</span>
                            </button>
                          )}
                        </td>
                      </tr>
                      {open === a.applicationId && (
                        <tr className="as-edit-row">
                          <td colSpan={scoring ? 5 : 4} id={`ex-declare-${a.applicationId}`}>
                            <DeclareConflictForm
                              editionId={editionId}
                              applicationId={a.applicationId}
                              institution={a.institutionName}
                              onDone={declared}
                              onCancel={() => setOpen(null)}
                            />
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
        </section>
      )}
      {mine && <Bidding editionId={editionId} onDeclared={declared} />}
    </>
  );
}
