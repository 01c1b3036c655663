import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, send } from '../../api';
import { ConfirmButton } from '../ConfirmButton';
import { SelectField, TextAreaField } from '../Field';
import { Form, SubmitButton, toFormError, useForm } from '../form';
import { Loading } from '../Loading';
import { allPages, OffsetPager, Reasons, type ChapterMemberRow, type ConflictPage } from './common';

const LIMIT = 25;
type Row = ConflictPage['items'][number];

/** Every conflict of interest with its reasons in words, by expert; organizer-set ones can be lifted, new ones recorded. */
export function ConflictsTab({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const [members, setMembers] = useState<ChapterMemberRow[]>([]);
  const [institutions, setInstitutions] = useState<{ value: string; label: string }[]>([]);
  const [filter, setFilter] = useState('');
  const [draftFilter, setDraftFilter] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<ConflictPage | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [rowError, setRowError] = useState('');
  const [lifting, setLifting] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useForm('conflict', { userId: '', institutionId: '', reason: '' });

  const load = useCallback(
    async (userId: string, at: number, focus = false) => {
      setLoading(true);
      setError('');
      try {
        const res = await send(
          api.api.editions[':editionId'].conflicts.$get({
            param: { editionId },
            query: { ...(userId ? { userId } : {}), offset: String(at), limit: String(LIMIT) },
          }),
        );
        const p = await res.json();
        // The last row of the last page was lifted: show the page before.
        if (p.items.length === 0 && p.total > 0 && at > 0) {
          await load(userId, Math.max(0, Math.floor((p.total - 1) / LIMIT) * LIMIT), focus);
          return;
        }
        setPage(p);
        setOffset(at);
        if (focus) heading.current?.focus();
      } catch (e) {
        setError(toFormError(e).message);
      } finally {
        setLoading(false);
      }
    },
    [editionId],
  );

  useEffect(() => {
    void load(filter, 0);
  }, [load, filter]);

  useEffect(() => {
    send(api.api.editions[':editionId'].chapter.$get({ param: { editionId } }))
      .then((r) => r.json())
      .then(
        (c) => setMembers(c.items),
        (e: unknown) => setError(toFormError(e).message),
      );
    // Every application of the edition (all pages), so any applicant can be chosen.
    allPages(async (cursor) =>
      (
        await send(
          api.api.editions[':editionId'].applications.$get({
            param: { editionId },
            query: { limit: '100', ...(cursor ? { cursor } : {}) },
          }),
        )
      ).json(),
    ).then(
      (apps) => {
        const names = new Map(apps.map((a) => [a.institutionId, a.institution.name]));
        setInstitutions(
          [...names].sort((a, b) => a[1].localeCompare(b[1], 'pl')).map(([value, label]) => ({ value, label })),
        );
      },
      (e: unknown) => setError(toFormError(e).message),
    );
  }, [editionId]);

  const lift = async (row: Row) => {
    const key = `${row.userId}:${row.institutionId}`;
    setLifting(key);
    setStatus('');
    setRowError('');
    try {
      await send(
        api.api.editions[':editionId'].conflicts[':userId'][':institutionId'].$delete({
          param: { editionId, userId: row.userId, institutionId: row.institutionId },
        }),
      );
      setStatus(t('assignment.conflicts.lifted', { expert: row.expertName, institution: row.institutionName }));
      await load(filter, offset, true);
    } catch (e) {
      setRowError(toFormError(e).message);
    } finally {
      setLifting(null);
    }
  };

  const record = async () => {
    const v = form.values;
    await send(
      api.api.editions[':editionId'].conflicts.$post({
        param: { editionId },
        json: { userId: v.userId ?? '', institutionId: v.institutionId ?? '', reason: v.reason ?? '' },
      }),
    );
    const expert = members.find((m) => m.userId === v.userId)?.displayName ?? '';
    const institution = institutions.find((i) => i.value === v.institutionId)?.label ?? '';
    form.replaceValues({ userId: '', institutionId: '', reason: '' });
    form.setStatus(t('assignment.conflicts.recorded', { expert, institution }));
    await load(filter, offset);
  };

  const expertOptions = members.map((m) => ({ value: m.userId, label: m.displayName }));
  const filteredName = members.find((m) => m.userId === filter)?.displayName;

  return (
    <>
      <form
        className="ed-filters"
        role="search"
        aria-label={t('assignment.conflicts.filter')}
        onSubmit={(e) => {
          e.preventDefault();
          setFilter(draftFilter);
        }}
      >
        <div className="field">
          <label htmlFor="cf-expert">{t('assignment.conflicts.expert')}</label>
          <select id="cf-expert" value={draftFilter} onChange={(e) => setDraftFilter(e.target.value)}>
            <option value="">{t('assignment.conflicts.allExperts')}</option>
            {expertOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="ed-filter-buttons">
          <button type="submit" className="primary">
            {t('assignment.conflicts.apply')}
          </button>
          <button
            type="button"
            onClick={() => {
              setDraftFilter('');
              setFilter('');
            }}
          >
            {t('assignment.conflicts.clear')}
          </button>
        </div>
      </form>

      <h3 id="cf-results" tabIndex={-1} ref={heading}>
        {filteredName ? t('assignment.conflicts.titleFor', { name: filteredName }) : t('assignment.conflicts.title')}
      </h3>
      <div role="status" className="ed-live">
        {loading ? (
          <span className="loading">
            <span className="spinner" aria-hidden="true" /> {t('common.loading')}
          </span>
        ) : page ? (
          t('assignment.conflicts.count', { total: page.total })
        ) : (
          ''
        )}
        {status && !loading ? ` ${status}` : ''}
      </div>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      {rowError && (
        <p className="notice error" role="alert">
          {rowError}
        </p>
      )}
      {!page && loading && <Loading />}
      {page && page.items.length === 0 && !loading && <p className="notice">{t('assignment.conflicts.empty')}</p>}
      {page && page.items.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby="cf-results" tabIndex={0}>
          <table className="as-conflicts">
            <caption className="visually-hidden">{t('assignment.conflicts.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('assignment.conflicts.expert')}</th>
                <th scope="col">{t('assignment.conflicts.institution')}</th>
                <th scope="col">{t('assignment.conflicts.reasons')}</th>
                <th scope="col">{t('assignment.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((r) => {
                const organizerSet = r.reasons.some((x) => x.source === 'organizer');
                return (
                  <tr key={`${r.userId}:${r.institutionId}`} data-user-id={r.userId}>
                    <td>{r.expertName}</td>
                    <td>{r.institutionName}</td>
                    <td>
                      <Reasons reasons={r.reasons} />
                    </td>
                    <td>
                      {organizerSet ? (
                        <ConfirmButton
                          question={t('assignment.conflicts.liftQuestion', {
                            expert: r.expertName,
                            institution: r.institutionName,
                          })}
                          confirmLabel={t('assignment.conflicts.liftConfirm')}
                          busy={lifting === `${r.userId}:${r.institutionId}`}
                          onConfirm={() => void lift(r)}
                        >
                          {t('assignment.conflicts.lift')}
                          <span className="visually-hidden">
                            {' '}
                            — {r.expertName}, {r.institutionName}
                          </span>
                        </ConfirmButton>
                      ) : (
                        <span className="muted">
                          {r.reasons.some((x) => x.source === 'declared')
                            ? t('assignment.conflicts.declaredFixed')
                            : t('assignment.conflicts.ruleFixed')}
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {page && (
        <OffsetPager
          offset={offset}
          limit={LIMIT}
          total={page.total}
          loading={loading}
          onPage={(at) => void load(filter, at, true)}
        />
      )}

      <section aria-labelledby="cf-add-title" className="as-panel">
        <h3 id="cf-add-title">{t('assignment.conflicts.add')}</h3>
        <p className="hint">{t('assignment.conflicts.addHint')}</p>
        {expertOptions.length === 0 || institutions.length === 0 ? (
          <p>{t('assignment.conflicts.cannotAdd')}</p>
        ) : (
          <Form form={form} onSubmit={record} labelledBy="cf-add-title">
            <SelectField
              name="userId"
              label={t('assignment.conflicts.expert')}
              options={expertOptions}
              placeholder={t('form.choose')}
            />
            <SelectField
              name="institutionId"
              label={t('assignment.conflicts.institution')}
              options={institutions}
              placeholder={t('form.choose')}
            />
            <TextAreaField name="reason" label={t('assignment.conflicts.reason')} rows={3} />
            <SubmitButton>{t('assignment.conflicts.submit')}</SubmitButton>
          </Form>
        )}
      </section>
    </>
  );
}
