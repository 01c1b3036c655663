import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { RequireRole } from '../../components/RequireRole';
import { TextField } from '../../forms/fields';
import { SubmitButton } from '../../forms/form-core';
import { SimpleForm, useSimpleForm } from '../../forms/simple-form';
import {
  measurementPreviewQuery,
  measurementQuery,
  measurementsQuery,
  useOpenMeasurement,
  usePublishMeasurement,
} from '../../queries/measurement';
import { measurementPath } from '../../queries/measurement-public';
import { useTranslation } from '../../translation';
import { RankingTables } from './RankingTables';

function OpenYear() {
  const { t } = useTranslation();
  const form = useSimpleForm<{ year: string; minAnswers: string }>('open-measurement', { year: '', minAnswers: '30' });
  const open = useOpenMeasurement();
  const submit = async (v: { year: string; minAnswers: string }) => {
    await open.mutateAsync({
      year: Number(v.year),
      ...(v.minAnswers.trim() ? { minAnswers: Number(v.minAnswers) } : {}),
    });
  };
  return (
    <section aria-labelledby="ms-open">
      <h2 id="ms-open">{t('survey.measurement.openYear')}</h2>
      <SimpleForm form={form} onSubmit={submit}>
        <TextField name="year" label={t('survey.measurement.yearLabel')} inputMode="numeric" />
        <TextField name="minAnswers" label={t('survey.measurement.minLabel')} inputMode="numeric" required={false} />
        <SubmitButton>{t('survey.measurement.openYear')}</SubmitButton>
      </SimpleForm>
    </section>
  );
}

function Year({ year }: { year: number }) {
  const { t } = useTranslation();
  const detail = useQuery(measurementQuery(year));
  const [previewing, setPreviewing] = useState(false);
  const preview = useQuery({ ...measurementPreviewQuery(year), enabled: previewing });
  const publish = usePublishMeasurement();
  if (detail.isError) return <ErrorNotice error={detail.error} />;
  if (!detail.data) return <Loading label={t('survey.measurement.loading')} />;
  const { measurement, participants } = detail.data;
  const published = measurement.status === 'published' || publish.isSuccess;
  return (
    <section aria-labelledby={`ms-year-${year}`}>
      <h2 id={`ms-year-${year}`}>
        {year} — {t(`survey.measurement.status.${published ? 'published' : 'open'}`)}
      </h2>
      <h3>{t('survey.measurement.participants', { count: participants.length })}</h3>
      {participants.length === 0 ? (
        <p>{t('survey.measurement.noParticipants')}</p>
      ) : (
        <ul>
          {participants.map((p) => (
            <li key={p.institutionId}>
              {p.institutionName} ({p.optedInAt.slice(0, 10)})
            </li>
          ))}
        </ul>
      )}
      <p>
        <button type="button" onClick={() => setPreviewing(true)} disabled={previewing}>
          {t('survey.measurement.preview')}
        </button>
      </p>
      {published ? (
        <p>
          <a href={measurementPath(year)}>{t('survey.measurement.publicLink')}</a>
        </p>
      ) : (
        <p>
          <button
            type="button"
            className="primary"
            aria-describedby={`ms-publish-${year}`}
            disabled={publish.isPending}
            onClick={() => publish.mutate(year)}
          >
            {t('survey.measurement.publish')}
          </button>
          <span className="hint" id={`ms-publish-${year}`}>
            {' '}
            {t('survey.measurement.publishConfirm')}
          </span>
        </p>
      )}
      <ErrorNotice error={publish.isError ? publish.error : preview.isError ? preview.error : null} />
      {previewing && !preview.data && !preview.isError && <Loading label={t('survey.measurement.loading')} />}
      {preview.data && <RankingTables ranking={preview.data} />}
    </section>
  );
}

/** The organizer's standard measurement (issue 18 §4): open a year, see who joined, preview and publish. */
export function OrganizerMeasurementPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('survey.measurement.organizerTitle')}</PageTitle>
      <RequireRole roles={['organizer']}>{() => <Years />}</RequireRole>
    </>
  );
}

function Years() {
  const { t } = useTranslation();
  const list = useQuery(measurementsQuery());
  const [chosen, setChosen] = useState<number | null>(null);
  if (list.isError) return <ErrorNotice error={list.error} />;
  if (!list.data) return <Loading label={t('survey.measurement.loading')} />;
  const year = chosen ?? list.data.items[0]?.year ?? null;
  return (
    <>
      {list.data.items.length > 0 && (
        <nav aria-label={t('survey.measurement.yearLabel')}>
          <ul>
            {list.data.items.map((m) => (
              <li key={m.year}>
                <button type="button" aria-pressed={m.year === year} onClick={() => setChosen(m.year)}>
                  {m.year} — {t(`survey.measurement.status.${m.status}`)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {year !== null && <Year key={year} year={year} />}
      <OpenYear />
    </>
  );
}
