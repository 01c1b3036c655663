import { Fragment, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, send } from '../../api';
import { ConfirmButton } from '../ConfirmButton';
import { formatWarsaw } from '../editions/time';
import { toFormError, type FormError } from '../form';
import { OffsetPager, type CurrentAssignment } from './common';
import { PAGE_SIZE } from './ProposalView';

const done = { lock: 'locked', unlock: 'unlocked', remove: 'removed' } as const;
type AppRow = CurrentAssignment['applications'][number];

/** The committed assignment, per application, with the organizer's manual edits (add, swap, remove, lock). */
export function CurrentView({
  editionId,
  current,
  language,
  status,
  onEdited,
}: {
  editionId: string;
  current: CurrentAssignment;
  language: string;
  status: string;
  onEdited: (message: string) => Promise<void>;
}) {
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
      if (action === 'remove')
        await send(api.api.editions[':editionId'].assignment.pairs[':applicationId'][':userId'].$delete({ param }));
      else
        await send(
          api.api.editions[':editionId'].assignment.pairs[':applicationId'][':userId'].lock.$put({
            param,
            json: { locked: action === 'lock' },
          }),
        );
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
        <p>
          {t('assignment.current.committed', {
            at: formatWarsaw(current.committedAt, language),
            by: current.committedBy ?? '',
          })}
        </p>
      ) : (
        <p className="notice">{pairs > 0 ? t('assignment.current.manualOnly') : t('assignment.current.none')}</p>
      )}
      <dl className="facts as-summary as-current-summary">
        <div className="as-fact" data-key="k">
          <dt>{t('assignment.current.k')}</dt>
          <dd>{current.k}</dd>
        </div>
        <div className="as-fact" data-key="pairs">
          <dt>{t('assignment.proposal.summary.pairs')}</dt>
          <dd>{pairs}</dd>
        </div>
        <div className="as-fact" data-key="short">
          <dt>{t('assignment.current.short')}</dt>
          <dd>{current.short}</dd>
        </div>
        <div className="as-fact" data-key="flagged">
          <dt>{t('assignment.current.flagged')}</dt>
          <dd>{current.flagged}</dd>
        </div>
      </dl>
      <p role="status" className="form-status as-edit-status">
        {status}
      </p>

      <div className="table-scroll" role="region" aria-labelledby="as-current-apps" tabIndex={0}>
        <table className="as-current-apps">
          <caption id="as-current-apps">{t('assignment.current.appsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('assignment.current.institution')}</th>
              <th scope="col">{t('assignment.current.experts')}</th>
              <th scope="col" className="as-num">
                {t('assignment.current.count')}
              </th>
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
                      {a.institutionName}
                      <span className="as-sub">{t(`institutionType.${a.type}`)}</span>
                    </th>
                    <td>
                      {a.experts.length === 0 ? (
                        <span className="muted">{t('assignment.current.noExperts')}</span>
                      ) : (
                        <ul className="as-experts">
                          {a.experts.map((x) => (
                            <li
                              key={x.userId}
                              className={`as-pair${x.flagged ? ' as-pair-flagged' : ''}`}
                              data-user-id={x.userId}
                            >
                              <span className="as-name">{x.displayName}</span>{' '}
                              {x.locked && (
                                <span className="ed-badge as-badge-locked">{t('assignment.pairStatus.locked')}</span>
                              )}{' '}
                              {x.flagged && (
                                <span className="ed-badge as-badge-flagged">
                                  {t('assignment.current.flaggedBadge')}
                                </span>
                              )}
                              <span className="as-pair-tools">
                                <button
                                  type="button"
                                  aria-disabled={busyPair !== null || undefined}
                                  onClick={() =>
                                    void pairAction(a, x.userId, x.locked ? 'unlock' : 'lock', x.displayName)
                                  }
                                >
                                  {t(x.locked ? 'assignment.edit.unlock' : 'assignment.edit.lock')}
                                  <span className="visually-hidden">
                                    {' '}
                                    — {x.displayName}, {a.institutionName}
                                  </span>
                                </button>
                                <ConfirmButton
                                  question={t('assignment.edit.removeQuestion', {
                                    expert: x.displayName,
                                    institution: a.institutionName,
                                  })}
                                  confirmLabel={t('assignment.edit.removeConfirm')}
                                  busy={busyPair !== null}
                                  onConfirm={() => void pairAction(a, x.userId, 'remove', x.displayName)}
                                >
                                  {t('assignment.edit.remove')}
                                  <span className="visually-hidden">
                                    {' '}
                                    — {x.displayName}, {a.institutionName}
                                  </span>
                                </ConfirmButton>
                              </span>
                            </li>
                          ))}
                        </ul>
                      )}
                      {rowErrors[a.applicationId] && (
                        <p className="error-message" role="alert">
                          {rowErrors[a.applicationId]}
                        </p>
                      )}
                    </td>
                    <td className="as-num">{t('assignment.current.countValue', { n: active, k: current.k })}</td>
                    <td>
                      <button
                        type="button"
                        aria-expanded={open === a.applicationId}
                        aria-controls={open === a.applicationId ? panelId : undefined}
                        onClick={() => setOpen(open === a.applicationId ? null : a.applicationId)}
                      >
                        {t('assignment.edit.toggle')}
                        <span className="visually-hidden"> — {a.institutionName}</span>
                      </button>
                    </td>
                  </tr>
                  {open === a.applicationId && (
                    <tr className="as-edit-row">
                      <td colSpan={4} id={panelId}>
                        <PairEditor
                          editionId={editionId}
                          app={a}
                          experts={current.experts}
                          k={current.k}
                          onEdited={onEdited}
                        />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      <OffsetPager
        offset={offset}
        limit={PAGE_SIZE}
        total={current.applications.length}
        loading={false}
        onPage={(at) => {
          setOffset(at);
          setOpen(null);
        }}
      />

      <div className="table-scroll" role="region" aria-labelledby="as-current-loads" tabIndex={0}>
        <table className="as-current-loads">
          <caption id="as-current-loads">{t('assignment.current.loadsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('assignment.chapter.expert')}</th>
              <th scope="col" className="as-num">
                {t('assignment.load.min')}
              </th>
              <th scope="col" className="as-num">
                {t('assignment.load.max')}
              </th>
              <th scope="col" className="as-num">
                {t('assignment.load.current')}
              </th>
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
function PairEditor({
  editionId,
  app,
  experts,
  k,
  onEdited,
}: {
  editionId: string;
  app: AppRow;
  experts: CurrentAssignment['experts'];
  k: number;
  onEdited: (message: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [addUser, setAddUser] = useState('');
  const [from, setFrom] = useState(app.experts[0]?.userId ?? '');
  const [to, setTo] = useState('');
  const [error, setError] = useState<{ form: 'add' | 'swap'; error: FormError } | null>(null);
  const [busy, setBusy] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const base = `as-${app.applicationId}`;
  const onApp = new Set(app.experts.map((x) => x.userId));
  const others = experts
    .filter((x) => !onApp.has(x.userId))
    .map((x) => ({
      value: x.userId,
      label: t('assignment.edit.expertOption', { name: x.displayName, load: x.load, max: x.maxLoad }),
    }));
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

  const fieldError = (form: 'add' | 'swap', field: string) =>
    error?.form === form ? error.error.fields[field] : undefined;
  const local = (form: 'add' | 'swap', field: string, message: string) =>
    setError({
      form,
      error: { code: 'VALIDATION_FAILED', message: t('form.fixFields'), fields: { [field]: message } },
    });

  const add = () => {
    if (!addUser) return local('add', 'userId', t('assignment.member.chooseExpert'));
    void run('add', async () => {
      await send(
        api.api.editions[':editionId'].assignment.pairs.$post({
          param: { editionId },
          json: { applicationId: app.applicationId, userId: addUser },
        }),
      );
      return t('assignment.edit.added', { expert: nameOf(addUser), institution: app.institutionName });
    });
  };
  const swap = () => {
    if (!from) return local('swap', 'fromUserId', t('assignment.member.chooseExpert'));
    if (!to) return local('swap', 'toUserId', t('assignment.member.chooseExpert'));
    void run('swap', async () => {
      await send(
        api.api.editions[':editionId'].assignment.swap.$post({
          param: { editionId },
          json: { applicationId: app.applicationId, fromUserId: from, toUserId: to },
        }),
      );
      return t('assignment.edit.swapped', { from: nameOf(from), to: nameOf(to), institution: app.institutionName });
    });
  };

  const selectField = ({
    id,
    form,
    field,
    label,
    value,
    onChange,
    options,
    placeholder,
  }: {
    id: string;
    form: 'add' | 'swap';
    field: string;
    label: string;
    value: string;
    onChange: (v: string) => void;
    options: { value: string; label: string }[];
    placeholder: string;
  }) => {
    const message = fieldError(form, field);
    return (
      <div className={`field${message ? ' field-error' : ''}`}>
        <label htmlFor={id}>{label}</label>
        {message && (
          <p className="error-message" id={`${id}-error`}>
            <span className="visually-hidden">{t('form.errorPrefix')} </span>
            {message}
          </p>
        )}
        <select
          id={id}
          value={value}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-error` : undefined}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="">{placeholder}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    );
  };

  return (
    <div
      className="as-editor"
      role="group"
      aria-label={t('assignment.edit.groupLabel', { institution: app.institutionName })}
    >
      {error && (
        <div className="error-summary" role="alert" ref={alertRef} tabIndex={-1}>
          <p>
            <strong>{error.error.message}</strong>
          </p>
          {Object.keys(error.error.fields).length > 0 && (
            <ul>
              {Object.entries(error.error.fields).map(([field, message]) => (
                <li key={field}>{message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="as-editor-forms">
        <form
          className="as-mini"
          aria-labelledby={`${base}-add-title`}
          onSubmit={(e) => {
            e.preventDefault();
            add();
          }}
        >
          <h4 id={`${base}-add-title`}>{t('assignment.edit.addTitle')}</h4>
          {app.experts.length >= k && <p className="hint">{t('assignment.edit.full', { k })}</p>}
          {selectField({
            id: `${base}-add-user`,
            form: 'add',
            field: 'userId',
            label: t('assignment.edit.expert'),
            value: addUser,
            onChange: setAddUser,
            options: others,
            placeholder: t('form.choose'),
          })}
          {fieldError('add', 'applicationId') && <p className="error-message">{fieldError('add', 'applicationId')}</p>}
          <button type="submit" aria-disabled={busy || undefined}>
            {t('assignment.edit.add')}
          </button>
        </form>
        {app.experts.length > 0 && (
          <form
            className="as-mini"
            aria-labelledby={`${base}-swap-title`}
            onSubmit={(e) => {
              e.preventDefault();
              swap();
            }}
          >
            <h4 id={`${base}-swap-title`}>{t('assignment.edit.swapTitle')}</h4>
            {selectField({
              id: `${base}-swap-from`,
              form: 'swap',
              field: 'fromUserId',
              label: t('assignment.edit.from'),
              value: from,
              onChange: setFrom,
              options: app.experts.map((x) => ({ value: x.userId, label: x.displayName })),
              placeholder: t('form.choose'),
            })}
            {selectField({
              id: `${base}-swap-to`,
              form: 'swap',
              field: 'toUserId',
              label: t('assignment.edit.to'),
              value: to,
              onChange: setTo,
              options: others,
              placeholder: t('form.choose'),
            })}
            {fieldError('swap', 'applicationId') && (
              <p className="error-message">{fieldError('swap', 'applicationId')}</p>
            )}
            <button type="submit" aria-disabled={busy || undefined}>
              {t('assignment.edit.swap')}
            </button>
          </form>
        )}
      </div>
      <p role="status" className="ed-live">
        {busy ? t('form.sending') : ''}
      </p>
    </div>
  );
}
