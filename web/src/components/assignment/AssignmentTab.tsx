import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, send, type Explanation } from '../../api';
import { toFormError, type FormError } from '../form';
import { Loading } from '../Loading';
import type { CommitResult, CurrentAssignment, Proposal } from './common';
import { CurrentView } from './CurrentAssignmentView';
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
  const [current, setCurrent] = useState<CurrentAssignment | null>(null);
  const [loadError, setLoadError] = useState('');
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [explanation, setExplanation] = useState<Explanation | null>(null);
  const [runError, setRunError] = useState<FormError | null>(null);
  const [previewing, setPreviewing] = useState<Mode | null>(null);
  const [committing, setCommitting] = useState(false);
  const [status, setStatus] = useState('');
  const [editStatus, setEditStatus] = useState('');
  const busy = useRef(false);
  const proposalHeading = useRef<HTMLHeadingElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    try {
      const res = await send(api.api.editions[':editionId'].assignment.$get({ param: { editionId } }));
      setCurrent(await res.json());
      setLoadError('');
    } catch (e) {
      setLoadError(toFormError(e).message);
    }
  }, [editionId]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (proposal) proposalHeading.current?.focus();
  }, [proposal]);

  useEffect(() => {
    if (runError || explanation) alertRef.current?.focus();
  }, [runError, explanation]);

  const preview = async (mode: Mode) => {
    if (busy.current) return;
    busy.current = true;
    setPreviewing(mode);
    setStatus('');
    setRunError(null);
    setExplanation(null);
    setProposal(null);
    try {
      const res = await send(
        api.api.editions[':editionId'].assignment.preview.$post({ param: { editionId }, json: { mode } }),
      );
      setProposal(await res.json());
    } catch (e) {
      // A 422 carries why no assignment exists, next to the error.
      if (e instanceof ApiError && e.explanation) setExplanation(e.explanation);
      setRunError(toFormError(e));
    } finally {
      busy.current = false;
      setPreviewing(null);
    }
  };

  const commit = async () => {
    if (!proposal || busy.current) return;
    busy.current = true;
    setCommitting(true);
    setStatus('');
    setRunError(null);
    try {
      const res = await send(
        api.api.editions[':editionId'].assignment.commit.$post({
          param: { editionId },
          json: { mode: proposal.mode, previewId: proposal.previewId },
        }),
      );
      const result: CommitResult = await res.json();
      setProposal(null);
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
      await load();
      statusRef.current?.focus();
    } catch (e) {
      const error = toFormError(e);
      if (error.code === 'STALE_VERSION') setProposal(null);
      setRunError(error);
    } finally {
      busy.current = false;
      setCommitting(false);
    }
  };

  /** After a manual edit: the committed state changed, so an open preview is out of date. */
  const edited = async (message: string) => {
    setProposal(null);
    setStatus('');
    setEditStatus(message);
    await load();
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
              onClick={() => void preview(mode)}
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
        {(runError || explanation) && (
          <div className="error-summary as-run-error" role="alert" ref={alertRef} tabIndex={-1}>
            <h4>{explanation ? t('assignment.infeasible.title') : t('form.problem')}</h4>
            {/* With an explanation the server's message is its first problem, listed below. */}
            {runError && !explanation?.problems.some((p) => p.message === runError.message) && (
              <p>{runError.message}</p>
            )}
            {runError?.code === 'STALE_VERSION' && <p>{t('assignment.commit.staleHint')}</p>}
            {explanation && (
              <>
                <p>
                  {t('assignment.infeasible.numbers', {
                    demand: explanation.demand,
                    capacity: explanation.capacity,
                    minimumTotal: explanation.minimumTotal,
                  })}
                </p>
                {explanation.problems.length > 0 && (
                  <>
                    <h5>{t('assignment.infeasible.problems')}</h5>
                    <ul className="as-problems">
                      {explanation.problems.map((p, i) => (
                        <li key={i}>{p.message}</li>
                      ))}
                    </ul>
                  </>
                )}
                {explanation.suggestions.length > 0 && (
                  <>
                    <h5>{t('assignment.infeasible.suggestions')}</h5>
                    <ul className="as-suggestions">
                      {explanation.suggestions.map((s, i) => (
                        <li key={i}>{s}</li>
                      ))}
                    </ul>
                  </>
                )}
              </>
            )}
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
                  onClick={() => void commit()}
                >
                  {committing ? t('assignment.commit.running') : t('assignment.commit.button')}
                </button>
                <button
                  type="button"
                  aria-disabled={committing || undefined}
                  onClick={() => !committing && setProposal(null)}
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
        {loadError && (
          <p className="notice error" role="alert">
            {loadError}
          </p>
        )}
        {!current && !loadError && <Loading />}
        {current && (
          <CurrentView
            editionId={editionId}
            current={current}
            language={language}
            status={editStatus}
            onEdited={edited}
          />
        )}
      </section>
    </>
  );
}
