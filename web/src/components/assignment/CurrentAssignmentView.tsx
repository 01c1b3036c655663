import { Fragment, useState } from 'react';
import { useTranslation } from '../../translation';
import { toFormError } from '../../forms/errors';
import { PAGE_SIZE, usePairEdit, type CurrentAssignment } from '../../queries/assignment';
import { ConfirmButton } from '../ConfirmButton';
import { formatWarsaw } from '../editions/time';
import { ScrollRegion } from '../ScrollRegion';
import { OffsetPager } from './common';
import { PairEditor, type AppRow } from './PairEditor';

const done = { lock: 'locked', unlock: 'unlocked', remove: 'removed' } as const;

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
  onEdited: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const pairEdit = usePairEdit(editionId);
  const busyPair = pairEdit.isPending;
  const pairs = current.applications.reduce((s, a) => s + a.experts.length, 0);
  const rows = current.applications.slice(offset, offset + PAGE_SIZE);

  const pairAction = async (app: AppRow, userId: string, action: 'lock' | 'unlock' | 'remove', name: string) => {
    if (pairEdit.isPending) return;
    setRowErrors((r) => ({ ...r, [app.applicationId]: '' }));
    try {
      const pair = { applicationId: app.applicationId, userId };
      await pairEdit.mutateAsync(
        action === 'remove' ? { kind: 'remove', ...pair } : { kind: 'lock', ...pair, locked: action === 'lock' },
      );
      onEdited(t(`assignment.edit.${done[action]}`, { expert: name, institution: app.institutionName }));
      if (action === 'remove') document.getElementById(`as-app-${app.applicationId}`)?.focus();
    } catch (e) {
      const error = toFormError(e);
      setRowErrors((r) => ({ ...r, [app.applicationId]: [error.message, ...Object.values(error.fields)].join(' ') }));
    }
  };

  return (
    <>
      {current.committedAt ? (
        <p>
          {t('assignment.current.committed', {
            at: formatWarsaw(current.committedAt, language),
            by: current.committedByName ?? current.committedBy ?? '',
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

      <ScrollRegion labelledBy="as-current-apps">
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
                                  aria-disabled={busyPair || undefined}
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
                                  busy={busyPair}
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
      </ScrollRegion>
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

      <ScrollRegion labelledBy="as-current-loads">
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
      </ScrollRegion>
    </>
  );
}
