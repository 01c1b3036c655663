import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../translation';
import { applicationStatuses } from '../../../../shared/applications/application';
import { institutionTypes, voivodeships } from '../../../../shared/institutions/institution';
import { editionApplicationsQuery, type ApplicationFilters } from '../../queries/editions';
import { useFocusWhenShown, usePagePosition } from '../../queries/paging';
import { ErrorNotice } from '../ErrorNotice';
import { oneOf } from '../InstitutionFields';
import { Pager } from '../Pager';
import { ScrollRegion } from '../ScrollRegion';
import { StatusBadge } from './StateBadge';
import { formatWarsaw } from './time';

interface Filters {
  status: string;
  category: string;
  voivodeship: string;
  q: string;
}
const noFilters: Filters = { status: '', category: '', voivodeship: '', q: '' };

/** The filters as the API takes them: "any" and blank search left out. */
function toQuery(f: Filters): ApplicationFilters {
  const status = oneOf(applicationStatuses, f.status);
  const category = oneOf(institutionTypes, f.category);
  const voivodeship = oneOf(voivodeships, f.voivodeship);
  const q = f.q.trim();
  return {
    ...(status ? { status } : {}),
    ...(category ? { category } : {}),
    ...(voivodeship ? { voivodeship } : {}),
    ...(q ? { q } : {}),
  };
}

/**
 * The edition's applications: filters, one page at a time with "next page", rows linking to the
 * detail. The filters and the page are the query's key, so an answer that arrives late for filters
 * the user has already changed fills only its own entry and never replaces the list on screen.
 */
export function ApplicationsTab({ editionId, initialStatus }: { editionId: string; initialStatus?: string }) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<Filters>({
    ...noFilters,
    status: oneOf(applicationStatuses, initialStatus) ?? '',
  });
  const [filters, setFilters] = useState<ApplicationFilters>(() => toQuery(draft));
  const position = usePagePosition(JSON.stringify(filters));
  const list = useQuery({
    ...editionApplicationsQuery(editionId, filters, position.at),
    placeholderData: keepPreviousData,
  });
  const page = list.data;
  const loading = list.isFetching;
  const heading = useRef<HTMLHeadingElement>(null);
  const focusResults = useFocusWhenShown(heading, list.isSuccess && !list.isPlaceholderData);

  /** The filters as chosen; asking again for the list on screen reads it again. */
  const show = (next: ApplicationFilters) => {
    if (JSON.stringify(next) === JSON.stringify(filters) && position.at.number === 1) void list.refetch();
    setFilters(next);
    position.first();
  };
  const apply = (event: FormEvent) => {
    event.preventDefault();
    show(toQuery(draft));
  };
  const clear = () => {
    setDraft(noFilters);
    show({});
  };

  return (
    <>
      <search aria-label={t('editions.apps.filters')}>
        <form className="ed-filters" onSubmit={apply}>
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
      </search>

      <h3 id="apps-results" tabIndex={-1} ref={heading}>
        {t('editions.apps.results')}{' '}
        <span className="muted">{page && page.number > 1 ? t('common.pageNumber', { number: page.number }) : ''}</span>
      </h3>
      <p role="status" className="ed-live">
        {loading ? (
          <span className="loading">
            <span className="spinner" aria-hidden="true" /> {t('common.loading')}
          </span>
        ) : page ? (
          t('editions.apps.shown', { count: page.items.length })
        ) : (
          ''
        )}
      </p>
      <ErrorNotice error={list.error} />
      {page && page.items.length === 0 && !loading && <p className="notice">{t('editions.apps.empty')}</p>}
      {page && page.items.length > 0 && (
        <ScrollRegion labelledBy="apps-results">
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
        </ScrollRegion>
      )}
      {page && (
        <Pager
          page={page}
          loading={loading}
          onFirst={() => {
            focusResults();
            position.first();
          }}
          onNext={(cursor) => {
            focusResults();
            position.next(cursor);
          }}
        />
      )}
    </>
  );
}
