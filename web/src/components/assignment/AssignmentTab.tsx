import { Fragment, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, send } from '../../api';
import { ConfirmButton } from '../ConfirmButton';
import { formatWarsaw } from '../editions/time';
import { toFormError, type FormError } from '../form';
import { Loading } from '../Loading';
import { OffsetPager, readExplanation, type CommitResult, type CurrentAssignment, type Explanation, type Proposal } from './common';
import { PAGE_SIZE, ProposalView } from './ProposalView';

type Mode = 'incremental' | 'full';
const done = { lock: 'locked', unlock: 'unlocked', remove: 'removed' } as const;
type AppRow = CurrentAssignment['applications'][number];

/**
 * The edition's assignment: what is committed (loads, experts per application with locked and
 * flagged pairs) with manual edits per application, and the solver's preview — incremental or full —
 * that the organizer reviews and commits.
 */
export function AssignmentTab({ editionId }: { editionId: string }) {
  const { t, i18n: { language } } = useTranslation();
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
      const call = api.api.editions[':editionId'].assignment.preview.$post({ param: { editionId }, json: { mode } });
      const raw = await call.catch(() => null);
      // 422 is not among the route's typed answers: its body carries the explanation next to the error.
      const code: number | undefined = raw?.status;
      if (raw && code === 422) setExplanation(readExplanation(await raw.clone().json().catch(() => null)));
      const res = await send(raw ? Promise.resolve(raw) : call);
      setProposal(await res.json());
    } catch (e) {
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
      const res = await send(api.api.editions[':editionId'].assignment.commit.$post({ param: { editionId }, json: { mode: proposal.mode, previewId: proposal.previewId } }));
      const result: CommitResult = await res.json();
      setProposal(null);
      setStatus(result.alreadyCommitted ? t('assignment.commit.already') : t('assignment.commit.done', { pairs: result.pairs, added: result.added, removed: result.removed, mailed: result.mailed }));
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
      <div ref={statusRef} tabIndex={-1} role="status" className={status ? 'notice success as-commit-status' : 'as-commit-status'}>{status}</div>

      <section aria-labelledby="as-run-title" className="as-panel">
        <h3 id="as-run-title">{t('assignment.run.title')}</h3>
        <p className="hint">{t('assignment.run.hint')}</p>
        <div className="ed-export-buttons">
          {(['incremental', 'full'] as const).map((mode) => (
            <button key={mode} type="button" className={mode === 'incremental' ? 'primary' : undefined} aria-disabled={previewing !== null || committing || undefined} aria-describedby={`as-mode-${mode}`} onClick={() => void preview(mode)}>
              {t(`assignment.run.preview.${mode}`)}
            </button>
          ))}
        </div>
        <ul className="as-mode-hints">
          <li id="as-mode-incremental">{t('assignment.run.modeHint.incremental')}</li>
          <li id="as-mode-full">{t('assignment.run.modeHint.full')}</li>
        </ul>
        <p role="status" className="ed-live">
          {previewing ? <span className="loading"><span className="spinner" aria-hidden="true" /> {t('assignment.run.computing')}</span> : ''}
        </p>
        {(runError || explanation) && (
          <div className="error-summary as-run-error" role="alert" ref={alertRef} tabIndex={-1}>
            <h4>{explanation ? t('assignment.infeasible.title') : t('form.problem')}</h4>
            {/* With an explanation the server's message is its first problem, listed below. */}
            {runError && !explanation?.problems.some((p) => p.message === runError.message) && <p>{runError.message}</p>}
            {runError?.code === 'STALE_VERSION' && <p>{t('assignment.commit.staleHint')}</p>}
            {explanation && (
              <>
                <p>{t('assignment.infeasible.numbers', { demand: explanation.demand, capacity: explanation.capacity, minimumTotal: explanation.minimumTotal })}</p>
                {explanation.problems.length > 0 && (
                  <>
                    <h5>{t('assignment.infeasible.problems')}</h5>
                    <ul className="as-problems">{explanation.problems.map((p, i) => <li key={i}>{p.message}</li>)}</ul>
                  </>
                )}
                {explanation.suggestions.length > 0 && (
                  <>
                    <h5>{t('assignment.infeasible.suggestions')}</h5>
                    <ul className="as-suggestions">{explanation.suggestions.map((s, i) => <li key={i}>{s}</li>)}</ul>
                  </>
                )}
              </>
            )}
          </div>
        )}
        {proposal && (
          <ProposalView proposal={proposal} ref={proposalHeading}>
            <div className="as-commit">
              <p className="hint" id="as-commit-hint">{t('assignment.commit.hint')}</p>
              <div className="ed-savebar">
                <button type="button" className="primary" aria-disabled={committing || undefined} aria-describedby="as-commit-hint" onClick={() => void commit()}>
                  {committing ? t('assignment.commit.running') : t('assignment.commit.button')}
                </button>
                <button type="button" aria-disabled={committing || undefined} onClick={() => !committing && setProposal(null)}>{t('assignment.commit.discard')}</button>
                <p role="status" className="form-status">{committing ? t('assignment.commit.running') : ''}</p>
              </div>
            </div>
          </ProposalView>
        )}
      </section>

      <section aria-labelledby="as-current-title">
        <h3 id="as-current-title">{t('assignment.current.title')}</h3>
        {loadError && <p className="notice error" role="alert">{loadError}</p>}
        {!current && !loadError && <Loading />}
        {current && <CurrentView editionId={editionId} current={current} language={language} status={editStatus} onEdited={edited} />}
      </section>
    </>
  );
}

function CurrentView({ editionId, current, language, status, onEdited }: { editionId: string; current: CurrentAssignment; language: string; status: string; onEdited: (message: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [busyPair, setBusyPair] = useState<string | null>(null);
  const pairs = current.applications.reduce((s, a) => s + a.experts.length, 0);
  const rows = current.applications.slice(offset, offset + PAGE_SIZE);

  const pairAction = async (app: AppRow, userId: string, action: 'lock' | 'unlock' | 'remove', name: string) => {
    const key = `${app.applicationId}:${userId}`;
    if (busyPair) return;
    setBusyPair(key);
    setRowErrors((r) => ({ ...r, [app.applicationId]: '' }));
    try {
      const param = { editionId, applicationId: app.applicationId, userId };
      if (action === 'remove') await send(api.api.editions[':editionId'].assignment.pairs[':applicationId'][':userId'].$delete({ param }));
      else await send(api.api.editions[':editionId'].assignment.pairs[':applicationId'][':userId'].lock.$put({ param, json: { locked: action === 'lock' } }));
      await onEdited(t(`assignment.edit.${done[action]}`, { expert: name, institution: app.institutionName }));
      if (action === 'remove') document.getElementById(`as-app-${app.applicationId}`)?.focus();
    } catch (e) {
      const error = toFormError(e);
      setRowErrors((r) => ({ ...r, [app.applicationId]: [error.message, ...Object.values(error.fields)].join(' ') }));
    } finally {
      setBusyPair(null);
    }
  };

  return (
    <>
      {current.committedAt ? (
        <p>{t('assignment.current.committed', { at: formatWarsaw(current.committedAt, language), by: current.committedBy ?? '' })}</p>
      ) : (
        <p className="notice">{pairs > 0 ? t('assignment.current.manualOnly') : t('assignment.current.none')}</p>
      )}
      <dl className="facts as-summary as-current-summary">
        <div className="as-fact" data-key="k"><dt>{t('assignment.current.k')}</dt><dd>{current.k}</dd></div>
        <div className="as-fact" data-key="pairs"><dt>{t('assignment.proposal.summary.pairs')}</dt><dd>{pairs}</dd></div>
        <div className="as-fact" data-key="short"><dt>{t('assignment.current.short')}</dt><dd>{current.short}</dd></div>
        <div className="as-fact" data-key="flagged"><dt>{t('assignment.current.flagged')}</dt><dd>{current.flagged}</dd></div>
      </dl>
      <p role="status" className="form-status as-edit-status">{status}</p>

      <div className="table-scroll" role="region" aria-labelledby="as-current-apps" tabIndex={0}>
        <table className="as-current-apps">
          <caption id="as-current-apps">{t('assignment.current.appsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('assignment.current.institution')}</th>
              <th scope="col">{t('assignment.current.experts')}</th>
              <th scope="col" className="as-num">{t('assignment.current.count')}</th>
              <th scope="col">{t('assignment.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => {
              const active = a.experts.filter((x) => !x.flagged).length;
              const panelId = `as-edit-${a.applicationId}`;
              return (
                <Fragment key={a.applicationId}>
                  <tr data-application-id={a.applicationId} className={active < current.k ? 'as-short' : undefined}>
                    <th scope="row" id={`as-app-${a.applicationId}`} tabIndex={-1}>
                      {a.institutionName}<span className="as-sub">{t(`institutionType.${a.type}`)}</span>
                    </th>
                    <td>
                      {a.experts.length === 0 ? (
                        <span className="muted">{t('assignment.current.noExperts')}</span>
                      ) : (
                        <ul className="as-experts">
                          {a.experts.map((x) => (
                            <li key={x.userId} className={`as-pair${x.flagged ? ' as-pair-flagged' : ''}`} data-user-id={x.userId}>
                              <span className="as-name">{x.displayName}</span>{' '}
                              {x.locked && <span className="ed-badge as-badge-locked">{t('assignment.pairStatus.locked')}</span>}{' '}
                              {x.flagged && <span className="ed-badge as-badge-flagged">{t('assignment.current.flaggedBadge')}</span>}
                              <span className="as-pair-tools">
                                <button type="button" aria-disabled={busyPair !== null || undefined} onClick={() => void pairAction(a, x.userId, x.locked ? 'unlock' : 'lock', x.displayName)}>
                                  {t(x.locked ? 'assignment.edit.unlock' : 'assignment.edit.lock')}<span className="visually-hidden"> — {x.displayName}, {a.institutionName}</span>
                                </button>
                                <ConfirmButton question={t('assignment.edit.removeQuestion', { expert: x.displayName, institution: a.institutionName })} confirmLabel={t('assignment.edit.removeConfirm')} busy={busyPair !== null} onConfirm={() => void pairAction(a, x.userId, 'remove', x.displayName)}>
                                  {t('assignment.edit.remove')}<span className="visually-hidden"> — {x.displayName}, {a.institutionName}</span>
                                </ConfirmButton>
                              </span>
                            </li>
                          ))}
                        </ul>
                      )}
                      {rowErrors[a.applicationId] && <p className="error-message" role="alert">{rowErrors[a.applicationId]}</p>}
                    </td>
                    <td className="as-num">{t('assignment.current.countValue', { n: active, k: current.k })}</td>
                    <td>
                      <button type="button" aria-expanded={open === a.applicationId} aria-controls={open === a.applicationId ? panelId : undefined} onClick={() => setOpen(open === a.applicationId ? null : a.applicationId)}>
                        {t('assignment.edit.toggle')}<span className="visually-hidden"> — {a.institutionName}</span>
                      </button>
                    </td>
                  </tr>
                  {open === a.applicationId && (
                    <tr className="as-edit-row">
                      <td colSpan={4} id={panelId}>
                        <PairEditor editionId={editionId} app={a} experts={current.experts} k={current.k} onEdited={onEdited} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      <OffsetPager offset={offset} limit={PAGE_SIZE} total={current.applications.length} loading={false} onPage={(at) => { setOffset(at); setOpen(null); }} />

      <div className="table-scroll" role="region" aria-labelledby="as-current-loads" tabIndex={0}>
        <table className="as-current-loads">
          <caption id="as-current-loads">{t('assignment.current.loadsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('assignment.chapter.expert')}</th>
              <th scope="col" className="as-num">{t('assignment.load.min')}</th>
              <th scope="col" className="as-num">{t('assignment.load.max')}</th>
              <th scope="col" className="as-num">{t('assignment.load.current')}</th>
            </tr>
          </thead>
          <tbody>
            {current.experts.map((x) => (
              <tr key={x.userId}>
                <th scope="row">{x.displayName}</th>
                <td className="as-num">{x.minLoad}</td>
                <td className="as-num">{x.maxLoad}</td>
                <td className={`as-num${x.load > x.maxLoad || x.load < x.minLoad ? ' as-out' : ''}`}>
                  {x.load}
                  {x.load < x.minLoad && <span className="as-sub">{t('assignment.current.belowMin')}</span>}
                  {x.load > x.maxLoad && <span className="as-sub">{t('assignment.current.aboveMax')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Adding an expert to one application, or replacing one of its experts; refusals are shown at the control they concern. */
function PairEditor({ editionId, app, experts, k, onEdited }: { editionId: string; app: AppRow; experts: CurrentAssignment['experts']; k: number; onEdited: (message: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [addUser, setAddUser] = useState('');
  const [from, setFrom] = useState(app.experts[0]?.userId ?? '');
  const [to, setTo] = useState('');
  const [error, setError] = useState<{ form: 'add' | 'swap'; error: FormError } | null>(null);
  const [busy, setBusy] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const base = `as-${app.applicationId}`;
  const onApp = new Set(app.experts.map((x) => x.userId));
  const others = experts.filter((x) => !onApp.has(x.userId)).map((x) => ({ value: x.userId, label: t('assignment.edit.expertOption', { name: x.displayName, load: x.load, max: x.maxLoad }) }));
  const nameOf = (userId: string) => experts.find((x) => x.userId === userId)?.displayName ?? userId;

  useEffect(() => {
    if (error) alertRef.current?.focus();
  }, [error]);

  const run = async (form: 'add' | 'swap', action: () => Promise<string>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const message = await action();
      await onEdited(message);
    } catch (e) {
      setError({ form, error: toFormError(e) });
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (form: 'add' | 'swap', field: string) => (error?.form === form ? error.error.fields[field] : undefined);
  const local = (form: 'add' | 'swap', field: string, message: string) => setError({ form, error: { code: 'VALIDATION_FAILED', message: t('form.fixFields'), fields: { [field]: message } } });

  const add = () => {
    if (!addUser) return local('add', 'userId', t('assignment.member.chooseExpert'));
    void run('add', async () => {
      await send(api.api.editions[':editionId'].assignment.pairs.$post({ param: { editionId }, json: { applicationId: app.applicationId, userId: addUser } }));
      return t('assignment.edit.added', { expert: nameOf(addUser), institution: app.institutionName });
    });
  };
  const swap = () => {
    if (!from) return local('swap', 'fromUserId', t('assignment.member.chooseExpert'));
    if (!to) return local('swap', 'toUserId', t('assignment.member.chooseExpert'));
    void run('swap', async () => {
      await send(api.api.editions[':editionId'].assignment.swap.$post({ param: { editionId }, json: { applicationId: app.applicationId, fromUserId: from, toUserId: to } }));
      return t('assignment.edit.swapped', { from: nameOf(from), to: nameOf(to), institution: app.institutionName });
    });
  };

  const selectField = ({ id, form, field, label, value, onChange, options, placeholder }: { id: string; form: 'add' | 'swap'; field: string; label: string; value: string; onChange: (v: string) => void; options: { value: string; label: string }[]; placeholder: string }) => {
    const message = fieldError(form, field);
    return (
      <div className={`field${message ? ' field-error' : ''}`}>
        <label htmlFor={id}>{label}</label>
        {message && <p className="error-message" id={`${id}-error`}><span className="visually-hidden">{t('form.errorPrefix')} </span>{message}</p>}
        <select id={id} value={value} aria-invalid={message ? true : undefined} aria-describedby={message ? `${id}-error` : undefined} onChange={(e) => onChange(e.target.value)}>
          <option value="">{placeholder}</option>
          {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      </div>
    );
  };

  return (
    <div className="as-editor" role="group" aria-label={t('assignment.edit.groupLabel', { institution: app.institutionName })}>
      {error && (
        <div className="error-summary" role="alert" ref={alertRef} tabIndex={-1}>
          <p><strong>{error.error.message}</strong></p>
          {Object.keys(error.error.fields).length > 0 && (
            <ul>{Object.entries(error.error.fields).map(([field, message]) => <li key={field}>{message}</li>)}</ul>
          )}
        </div>
      )}
      <div className="as-editor-forms">
        <form className="as-mini" aria-labelledby={`${base}-add-title`} onSubmit={(e) => { e.preventDefault(); add(); }}>
          <h4 id={`${base}-add-title`}>{t('assignment.edit.addTitle')}</h4>
          {app.experts.length >= k && <p className="hint">{t('assignment.edit.full', { k })}</p>}
          {selectField({ id: `${base}-add-user`, form: 'add', field: 'userId', label: t('assignment.edit.expert'), value: addUser, onChange: setAddUser, options: others, placeholder: t('form.choose') })}
          {fieldError('add', 'applicationId') && <p className="error-message">{fieldError('add', 'applicationId')}</p>}
          <button type="submit" aria-disabled={busy || undefined}>{t('assignment.edit.add')}</button>
        </form>
        {app.experts.length > 0 && (
          <form className="as-mini" aria-labelledby={`${base}-swap-title`} onSubmit={(e) => { e.preventDefault(); swap(); }}>
            <h4 id={`${base}-swap-title`}>{t('assignment.edit.swapTitle')}</h4>
            {selectField({ id: `${base}-swap-from`, form: 'swap', field: 'fromUserId', label: t('assignment.edit.from'), value: from, onChange: setFrom, options: app.experts.map((x) => ({ value: x.userId, label: x.displayName })), placeholder: t('form.choose') })}
            {selectField({ id: `${base}-swap-to`, form: 'swap', field: 'toUserId', label: t('assignment.edit.to'), value: to, onChange: setTo, options: others, placeholder: t('form.choose') })}
            {fieldError('swap', 'applicationId') && <p className="error-message">{fieldError('swap', 'applicationId')}</p>}
            <button type="submit" aria-disabled={busy || undefined}>{t('assignment.edit.swap')}</button>
          </form>
        )}
      </div>
      <p role="status" className="ed-live">{busy ? t('form.sending') : ''}</p>
    </div>
  );
}
