import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from '../../translation';
import type { EditionSettings } from '../../../../shared/editions/edition';
import { ConfirmButton } from '../../components/ConfirmButton';
import {
  defaultSettingsValues,
  EditionSettingsForm,
  settingsResolver,
  type SettingsValues,
} from '../../components/editions/EditionSettingsForm';
import { StateBadge } from '../../components/editions/StateBadge';
import { formatWarsaw } from '../../components/editions/time';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { Pager } from '../../components/Pager';
import { PageTitle } from '../../components/PageTitle';
import { RequireRole } from '../../components/RequireRole';
import { ScrollRegion } from '../../components/ScrollRegion';
import { errorMessage } from '../../forms/errors';
import { useApiForm } from '../../forms/form';
import { editionsQuery, useCloneEdition, useCreateEdition, type EditionSummary } from '../../queries/editions';
import { useFocusWhenShown, usePagePosition } from '../../queries/paging';
import { navigate } from '../../router';

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
  const position = usePagePosition('editions');
  const list = useQuery({ ...editionsQuery(position.at), placeholderData: keepPreviousData });
  const page = list.data;
  const loading = list.isFetching;
  const listHeading = useRef<HTMLHeadingElement>(null);
  const focusList = useFocusWhenShown(listHeading, list.isSuccess && !list.isPlaceholderData);
  const cloneEdition = useCloneEdition();
  const cloning = cloneEdition.isPending ? cloneEdition.variables.editionId : null;
  const [status, setStatus] = useState('');
  const createEdition = useCreateEdition();
  const form = useApiForm<SettingsValues, EditionSettings>('new-edition', {
    defaultValues: defaultSettingsValues(),
    resolver: settingsResolver,
  });

  const clone = async (e: EditionSummary) => {
    setStatus('');
    try {
      const created = await cloneEdition.mutateAsync({
        editionId: e.editionId,
        ...(e.year < 2100 ? { year: e.year + 1 } : {}),
      });
      navigate(`/organizer/editions/${encodeURIComponent(created.editionId)}?tab=settings&cloned=1`);
    } catch (err) {
      setStatus(errorMessage(err));
    }
  };

  const create = async (settings: EditionSettings) => {
    const created = await createEdition.mutateAsync(settings);
    navigate(`/organizer/editions/${encodeURIComponent(created.editionId)}?created=1`);
  };

  return (
    <>
      <p className="lead">{t('landing.organizer.lead')}</p>
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
        <ErrorNotice error={list.error} />
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
          <ScrollRegion labelledBy="editions-list-title">
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
          </ScrollRegion>
        )}
        {page && (
          <Pager
            page={page}
            loading={loading}
            onFirst={() => {
              focusList();
              position.first();
            }}
            onNext={(cursor) => {
              focusList();
              position.next(cursor);
            }}
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
