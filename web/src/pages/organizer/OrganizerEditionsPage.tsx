import { useCallback, useEffect, useRef, useState } from 'react';
import { Pager } from '../../components/Pager';
import { useTranslation } from 'react-i18next';
import type { InferResponseType } from 'hono/client';
import { api, send } from '../../api';
import { ConfirmButton } from '../../components/ConfirmButton';
import {
  defaultSettingsValues,
  EditionSettingsForm,
  valuesToSettings,
} from '../../components/editions/EditionSettingsForm';
import { StateBadge } from '../../components/editions/StateBadge';
import { formatWarsaw } from '../../components/editions/time';
import { toFormError, useForm } from '../../components/form';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { RequireRole } from '../../components/RequireRole';
import { navigate } from '../../router';

type EditionSummary = InferResponseType<typeof api.api.editions.$get, 200>['items'][number];

export function OrganizerEditionsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('editions.list.title')}</PageTitle>
      <RequireRole roles={['organizer']}>{() => <Editions />}</RequireRole>
    </>
  );
}

function Editions() {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState<{ items: EditionSummary[]; next: string | null; number: number } | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [cloning, setCloning] = useState<string | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const form = useForm('new-edition', defaultSettingsValues());

  const load = useCallback(async (cursor: string | undefined, number: number, options: { focus?: boolean } = {}) => {
    setLoading(true);
    setError('');
    try {
      const res = await send(api.api.editions.$get({ query: cursor ? { cursor } : {} }));
      const { items, cursor: next } = await res.json();
      setPage({ items, next, number });
      if (options.focus) listHeading.current?.focus();
    } catch (e) {
      setError(toFormError(e).message);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(undefined, 1);
  }, [load]);

  const clone = async (e: EditionSummary) => {
    setCloning(e.editionId);
    setStatus('');
    try {
      const res = await send(
        api.api.editions[':editionId'].clone.$post({
          param: { editionId: e.editionId },
          json: e.year < 2100 ? { year: e.year + 1 } : {},
        }),
      );
      const created = await res.json();
      navigate(`/organizer/editions/${encodeURIComponent(created.editionId)}?tab=settings&cloned=1`);
    } catch (err) {
      setStatus(toFormError(err).message);
    } finally {
      setCloning(null);
    }
  };

  const create = async () => {
    const res = await send(api.api.editions.$post({ json: valuesToSettings(form.values) }));
    const created = await res.json();
    navigate(`/organizer/editions/${encodeURIComponent(created.editionId)}?created=1`);
  };

  return (
    <>
      <section aria-labelledby="editions-list-title">
        <h2 id="editions-list-title" tabIndex={-1} ref={listHeading}>
          {t('editions.list.all')}{' '}
          <span className="muted">
            {page && page.number > 1 ? t('common.pageNumber', { number: page.number }) : ''}
          </span>
        </h2>
        <p role="status" className="form-status">
          {status}
        </p>
        {error && (
          <p className="notice error" role="alert">
            {error}
          </p>
        )}
        {loading && <Loading />}
        {page && page.items.length === 0 && (
          <div className="notice ed-empty">
            <p>{t('editions.list.empty')}</p>
            <p>
              <a href="#new-edition-title">{t('editions.list.createFirst')}</a>
            </p>
          </div>
        )}
        {page && page.items.length > 0 && (
          <div className="table-scroll" role="region" aria-labelledby="editions-list-title" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t('editions.list.all')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('editions.settings.name')}</th>
                  <th scope="col">{t('editions.settings.number')}</th>
                  <th scope="col">{t('editions.settings.year')}</th>
                  <th scope="col">{t('editions.state.label')}</th>
                  <th scope="col">{t('editions.timeline.applicationsClose')}</th>
                  <th scope="col">{t('editions.list.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((e) => (
                  <tr key={e.editionId} data-edition-id={e.editionId}>
                    <td>
                      <a href={`/organizer/editions/${encodeURIComponent(e.editionId)}`}>
                        {e.name}
                        <span className="visually-hidden">
                          {' '}
                          — {e.number} {e.year}
                        </span>
                      </a>
                    </td>
                    <td>{e.number}</td>
                    <td>{e.year}</td>
                    <td>
                      <StateBadge state={e.state} />
                    </td>
                    <td>
                      <time dateTime={e.timeline.applicationsClose}>
                        {formatWarsaw(e.timeline.applicationsClose, i18n.language)}
                      </time>
                    </td>
                    <td>
                      <ConfirmButton
                        question={t('editions.list.cloneQuestion', { name: `${e.name} (${e.number}, ${e.year})` })}
                        confirmLabel={t('editions.list.cloneConfirm')}
                        busy={cloning === e.editionId}
                        onConfirm={() => void clone(e)}
                      >
                        {t('editions.list.clone')}{' '}
                        <span className="visually-hidden">
                          {e.name} — {e.number} {e.year}
                        </span>
                      </ConfirmButton>
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
            onFirst={() => void load(undefined, 1, { focus: true })}
            onNext={(cursor) => void load(cursor, page.number + 1, { focus: true })}
          />
        )}
      </section>
      <section aria-labelledby="new-edition-title" className="ed-new">
        <h2 id="new-edition-title" tabIndex={-1}>
          {t('editions.list.new')}
        </h2>
        <p>{t('editions.list.newHint')}</p>
        <EditionSettingsForm
          form={form}
          onSubmit={create}
          submitLabel={t('editions.list.create')}
          labelledBy="new-edition-title"
        />
      </section>
    </>
  );
}
