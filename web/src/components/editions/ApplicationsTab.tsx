import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Pager } from '../Pager';
import { useTranslation } from 'react-i18next';
import type { InferResponseType } from 'hono/client';
import { applicationStatuses } from '../../../../shared/applications/application';
import { institutionTypes, voivodeships } from '../../../../shared/institutions/institution';
import { api, send } from '../../api';
import { toFormError } from '../form';
import { oneOf } from '../InstitutionFields';
import { StatusBadge } from './StateBadge';
import { formatWarsaw } from './time';

export type ApplicationRow = InferResponseType<
  (typeof api.api.editions)[':editionId']['applications']['$get'],
  200
>['items'][number];

interface Filters {
  status: string;
  category: string;
  voivodeship: string;
  q: string;
}

/** The edition's applications: filters, one page at a time with "next page", rows linking to the detail. */
export function ApplicationsTab({ editionId, initialStatus }: { editionId: string; initialStatus?: string }) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<Filters>({
    status: oneOf(applicationStatuses, initialStatus) ?? '',
    category: '',
    voivodeship: '',
    q: '',
  });
  const [filters, setFilters] = useState<Filters>(draft);
  const [page, setPage] = useState<{ items: ApplicationRow[]; next: string | null; number: number } | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(
    async (f: Filters, cursor: string | undefined, number: number, focus = false) => {
      setLoading(true);
      setError('');
      try {
        const query = {
          ...(oneOf(applicationStatuses, f.status) ? { status: oneOf(applicationStatuses, f.status) } : {}),
          ...(oneOf(institutionTypes, f.category) ? { category: oneOf(institutionTypes, f.category) } : {}),
          ...(oneOf(voivodeships, f.voivodeship) ? { voivodeship: oneOf(voivodeships, f.voivodeship) } : {}),
          ...(f.q.trim() ? { q: f.q.trim() } : {}),
          ...(cursor ? { cursor } : {}),
        };
        const res = await send(api.api.editions[':editionId'].applications.$get({ param: { editionId }, query }));
        const { items, cursor: next } = await res.json();
        setPage({ items, next, number });
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
    void load(filters, undefined, 1);
  }, [load, filters]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters({ ...draft });
  };
  const clear = () => {
    const empty = { status: '', category: '', voivodeship: '', q: '' };
    setDraft(empty);
    setFilters(empty);
  };

  return (
    <>
      <form className="ed-filters" onSubmit={apply} role="search" aria-label={t('editions.apps.filters')}>
        <div className="field">
          <label htmlFor="apps-status">{t('editions.apps.status')}</label>
          <select
            id="apps-status"
            value={draft.status}
            onChange={(e) => setDraft({ ...draft, status: e.target.value })}
          >
            <option value="">{t('editions.apps.any')}</option>
            {applicationStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`editions.appStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="apps-category">{t('editions.apps.category')}</label>
          <select
            id="apps-category"
            value={draft.category}
            onChange={(e) => setDraft({ ...draft, category: e.target.value })}
          >
            <option value="">{t('editions.apps.any')}</option>
            {institutionTypes.map((c) => (
              <option key={c} value={c}>
                {t(`institutionType.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="apps-voivodeship">{t('editions.apps.voivodeship')}</label>
          <select
            id="apps-voivodeship"
            value={draft.voivodeship}
            onChange={(e) => setDraft({ ...draft, voivodeship: e.target.value })}
          >
            <option value="">{t('editions.apps.any')}</option>
            {voivodeships.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="apps-q">{t('editions.apps.search')}</label>
          <input
            id="apps-q"
            type="search"
            value={draft.q}
            onChange={(e) => setDraft({ ...draft, q: e.target.value })}
          />
        </div>
        <div className="ed-filter-buttons">
          <button type="submit" className="primary">
            {t('editions.apps.apply')}
          </button>
          <button type="button" onClick={clear}>
            {t('editions.apps.clear')}
          </button>
        </div>
      </form>

      <h3 id="apps-results" tabIndex={-1} ref={heading}>
        {t('editions.apps.results')}{' '}
        <span className="muted">{page && page.number > 1 ? t('common.pageNumber', { number: page.number }) : ''}</span>
      </h3>
      <div role="status" className="ed-live">
        {loading ? (
          <span className="loading">
            <span className="spinner" aria-hidden="true" /> {t('common.loading')}
          </span>
        ) : page ? (
          t('editions.apps.shown', { count: page.items.length })
        ) : (
          ''
        )}
      </div>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      {page && page.items.length === 0 && !loading && <p className="notice">{t('editions.apps.empty')}</p>}
      {page && page.items.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby="apps-results" tabIndex={0}>
          <table>
            <caption className="visually-hidden">{t('editions.apps.results')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('editions.apps.institution')}</th>
                <th scope="col">NIP</th>
                <th scope="col">{t('editions.apps.category')}</th>
                <th scope="col">{t('editions.apps.voivodeship')}</th>
                <th scope="col">{t('editions.apps.status')}</th>
                <th scope="col">{t('editions.apps.submittedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((a) => (
                <tr key={a.applicationId} data-application-id={a.applicationId}>
                  <td>
                    <a href={`/organizer/applications/${encodeURIComponent(a.applicationId)}`}>{a.institution.name}</a>
                  </td>
                  <td>{a.institution.nip}</td>
                  <td>{t(`institutionType.${a.institution.type}`)}</td>
                  <td>{a.institution.voivodeship}</td>
                  <td>
                    <StatusBadge status={a.status} />
                  </td>
                  <td>
                    {a.submittedAt ? (
                      <time dateTime={a.submittedAt}>{formatWarsaw(a.submittedAt, i18n.language)}</time>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page && (
        <Pager
          page={page}
          loading={loading}
          onFirst={() => void load(filters, undefined, 1, true)}
          onNext={(cursor) => void load(filters, cursor, page.number + 1, true)}
        />
      )}
    </>
  );
}
