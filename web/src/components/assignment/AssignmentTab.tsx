import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../translation';
import { ApiError } from '../../api';
import { toFormError } from '../../forms/errors';
import {
  currentAssignmentQuery,
  useCommitAssignment,
  usePreviewAssignment,
  type CommitResult,
} from '../../queries/assignment';
import { ErrorNotice } from '../ErrorNotice';
import { Loading } from '../Loading';
import { CurrentView } from './CurrentAssignmentView';
import { InfeasibleExplanation } from './InfeasibleExplanation';
import { ProposalView } from './ProposalView';

type Mode = 'incremental' | 'full';

/**
 * The edition's assignment: what is committed (loads, experts per application with locked and
 * flagged pairs) with manual edits per application, and the solver's preview — incremental or full —
 * that the organizer reviews and commits.
 */
export function AssignmentTab({ editionId }: { editionId: string }) {
  const {
    t,
    i18n: { language },
  } = useTranslation();
  const current = useQuery(currentAssignmentQuery(editionId));
  const preview = usePreviewAssignment(editionId);
  const commit = useCommitAssignment(editionId);
  const proposal = preview.data;
  const previewing = preview.isPending ? preview.variables : null;
  const committing = commit.isPending;
  const failed = commit.error ?? preview.error;
  const runError = failed ? toFormError(failed) : null;
  // A 422 carries why no assignment exists, next to the error.
  const explanation = preview.error instanceof ApiError ? preview.error.explanation : undefined;
  const [status, setStatus] = useState('');
  const [editStatus, setEditStatus] = useState('');
  const busy = useRef(false);
  const proposalHeading = useRef<HTMLHeadingElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (proposal) proposalHeading.current?.focus();
  }, [proposal]);

  useEffect(() => {
    if (failed) alertRef.current?.focus();
  }, [failed]);

  const run = async (mode: Mode) => {
    if (busy.current) return;
    busy.current = true;
    setStatus('');
    commit.reset();
    await preview.mutateAsync(mode).catch(() => undefined);
    busy.current = false;
  };

  const commitProposal = async () => {
    if (!proposal || busy.current) return;
    busy.current = true;
    setStatus('');
    try {
      const result: CommitResult = await commit.mutateAsync({ mode: proposal.mode, previewId: proposal.previewId });
      preview.reset();
      setStatus(
        result.alreadyCommitted
          ? t('assignment.commit.already')
          : t('assignment.commit.done', {
              pairs: result.pairs,
              added: result.added,
              removed: result.removed,
              mailed: result.mailed,
            }),
      );
      statusRef.current?.focus();
    } catch (e) {
      // An outdated preview cannot be committed any more: it goes, the error says why.
      if (toFormError(e).code === 'STALE_VERSION') preview.reset();
    } finally {
      busy.current = false;
    }
  };

  /** After a manual edit: the committed state changed, so an open preview is out of date. */
  const edited = (message: string) => {
    preview.reset();
    commit.reset();
    setStatus('');
    setEditStatus(message);
  };

  return (
    <>
      <div
        ref={statusRef}
        tabIndex={-1}
        role="status"
        className={status ? 'notice success as-commit-status' : 'as-commit-status'}
      >
        {status}
      </div>

      <section aria-labelledby="as-run-title" className="as-panel">
        <h3 id="as-run-title">{t('assignment.run.title')}</h3>
        <p className="hint">{t('assignment.run.hint')}</p>
        <div className="ed-export-buttons">
          {(['incremental', 'full'] as const).map((mode) => (
            <button
              key={mode}
              type="button"
              className={mode === 'incremental' ? 'primary' : undefined}
              aria-disabled={previewing !== null || committing || undefined}
              aria-describedby={`as-mode-${mode}`}
              onClick={() => void run(mode)}
            >
              {t(`assignment.run.preview.${mode}`)}
            </button>
          ))}
        </div>
        <ul className="as-mode-hints">
          <li id="as-mode-incremental">{t('assignment.run.modeHint.incremental')}</li>
          <li id="as-mode-full">{t('assignment.run.modeHint.full')}</li>
        </ul>
        <p role="status" className="ed-live">
          {previewing ? (
            <span className="loading">
              <span className="spinner" aria-hidden="true" /> {t('assignment.run.computing')}
            </span>
          ) : (
            ''
          )}
        </p>
        {runError && (
          <div className="error-summary as-run-error" role="alert" ref={alertRef} tabIndex={-1}>
            <h4>{explanation ? t('assignment.infeasible.title') : t('form.problem')}</h4>
            {/* With an explanation the server's message is its first problem, listed below. */}
            {!explanation?.problems.some((p) => p.message === runError.message) && <p>{runError.message}</p>}
            {runError.code === 'STALE_VERSION' && <p>{t('assignment.commit.staleHint')}</p>}
            {explanation && <InfeasibleExplanation explanation={explanation} />}
          </div>
        )}
        {proposal && (
          <ProposalView proposal={proposal} ref={proposalHeading}>
            <div className="as-commit">
              <p className="hint" id="as-commit-hint">
                {t('assignment.commit.hint')}
              </p>
              <div className="ed-savebar">
                <button
                  type="button"
                  className="primary"
                  aria-disabled={committing || undefined}
                  aria-describedby="as-commit-hint"
                  onClick={() => void commitProposal()}
                >
                  {committing ? t('assignment.commit.running') : t('assignment.commit.button')}
                </button>
                <button
                  type="button"
                  aria-disabled={committing || undefined}
                  onClick={() => !committing && preview.reset()}
                >
                  {t('assignment.commit.discard')}
                </button>
                <p role="status" className="form-status">
                  {committing ? t('assignment.commit.running') : ''}
                </p>
              </div>
            </div>
          </ProposalView>
        )}
      </section>

      <section aria-labelledby="as-current-title">
        <h3 id="as-current-title">{t('assignment.current.title')}</h3>
        <ErrorNotice error={current.error} />
        {current.isPending && <Loading />}
        {current.data && (
          <CurrentView
            editionId={editionId}
            current={current.data}
            language={language}
            status={editStatus}
            onEdited={edited}
          />
        )}
      </section>
    </>
  );
}
