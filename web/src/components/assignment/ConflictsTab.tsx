import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../translation';
import { SelectField, TextAreaField } from '../../forms/fields';
import { Form, SubmitButton, useApiForm } from '../../forms/form';
import {
  chapterQuery,
  conflictsQuery,
  PAGE_SIZE,
  useLiftConflict,
  useSetConflict,
  type ConflictPage,
} from '../../queries/assignment';
import { applicantsQuery } from '../../queries/editions';
import { useFocusWhenShown, useOffset } from '../../queries/paging';
import { ConfirmButton } from '../ConfirmButton';
import { ErrorNotice } from '../ErrorNotice';
import { Loading } from '../Loading';
import { ScrollRegion } from '../ScrollRegion';
import { OffsetPager, Reasons } from './common';

type Row = ConflictPage['items'][number];
const emptyConflict = { userId: '', institutionId: '', reason: '' };

/** Every conflict of interest with its reasons in words, by expert; organizer-set ones can be lifted, new ones recorded. */
export function ConflictsTab({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const chapter = useQuery(chapterQuery(editionId));
  const applicants = useQuery(applicantsQuery(editionId));
  const members = chapter.data ?? [];
  const institutions = applicants.data ?? [];
  const [filter, setFilter] = useState('');
  const [draftFilter, setDraftFilter] = useState('');
  const { offset, go } = useOffset(filter);
  const list = useQuery({ ...conflictsQuery(editionId, filter, offset), placeholderData: keepPreviousData });
  const page = list.data;
  const loading = list.isFetching;
  const [status, setStatus] = useState('');
  const liftConflict = useLiftConflict(editionId);
  const setConflict = useSetConflict(editionId);
  const lifting = liftConflict.isPending
    ? `${liftConflict.variables.userId}:${liftConflict.variables.institutionId}`
    : null;
  const heading = useRef<HTMLHeadingElement>(null);
  const focusResults = useFocusWhenShown(heading, list.isSuccess && !list.isPlaceholderData);
  const form = useApiForm('conflict', { defaultValues: emptyConflict });

  // The last row of the last page was lifted: show the page before.
  useEffect(() => {
    if (page && page.items.length === 0 && page.total > 0 && offset > 0)
      go(Math.max(0, Math.floor((page.total - 1) / PAGE_SIZE) * PAGE_SIZE));
  }, [page, offset, go]);

  const lift = async (row: Row) => {
    setStatus('');
    try {
      await liftConflict.mutateAsync({ userId: row.userId, institutionId: row.institutionId });
      setStatus(t('assignment.conflicts.lifted', { expert: row.expertName, institution: row.institutionName }));
      heading.current?.focus();
    } catch {
      // shown from the mutation's error above the list
    }
  };

  const record = async (v: typeof emptyConflict) => {
    await setConflict.mutateAsync(v);
    const expert = members.find((m) => m.userId === v.userId)?.displayName ?? '';
    const institution = institutions.find((i) => i.value === v.institutionId)?.label ?? '';
    form.methods.reset(emptyConflict);
    form.meta.setStatus(t('assignment.conflicts.recorded', { expert, institution }));
  };

  const expertOptions = members.map((m) => ({ value: m.userId, label: m.displayName }));
  const filteredName = members.find((m) => m.userId === filter)?.displayName;

  return (
    <>
      <search aria-label={t('assignment.conflicts.filter')}>
        <form
          className="ed-filters"
          onSubmit={(e) => {
            e.preventDefault();
            if (draftFilter === filter && offset === 0) void list.refetch();
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
      </search>

      <h3 id="cf-results" tabIndex={-1} ref={heading}>
        {filteredName ? t('assignment.conflicts.titleFor', { name: filteredName }) : t('assignment.conflicts.title')}
      </h3>
      <p role="status" className="ed-live">
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
      </p>
      <ErrorNotice error={list.error ?? chapter.error ?? applicants.error} />
      <ErrorNotice error={liftConflict.error} />
      {!page && loading && <Loading />}
      {page && page.items.length === 0 && !loading && <p className="notice">{t('assignment.conflicts.empty')}</p>}
      {page && page.items.length > 0 && (
        <ScrollRegion labelledBy="cf-results">
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
        </ScrollRegion>
      )}
      {page && (
        <OffsetPager
          offset={offset}
          limit={PAGE_SIZE}
          total={page.total}
          loading={loading}
          onPage={(at) => {
            focusResults();
            go(at);
          }}
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
