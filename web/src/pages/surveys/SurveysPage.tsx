import { useQuery } from '@tanstack/react-query';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { RequireRole } from '../../components/RequireRole';
import { TextField } from '../../forms/fields';
import { MeasurementParticipation } from '../measurement/MeasurementParticipation';
import { SubmitButton } from '../../forms/form-core';
import { SimpleForm, useSimpleForm } from '../../forms/simple-form';
import { surveyPath } from '../../queries/survey-public';
import { type SurveyDraft, surveysQuery, useCreateSurvey } from '../../queries/surveys';
import { useTranslation } from '../../translation';

const plDate = (day: string) => day.split('-').reverse().join('.');
const OWN = ['q1', 'q2', 'q3', 'q4', 'q5'] as const;

type DraftFields = Record<'title.pl' | 'title.en' | 'opensOn' | 'closesOn' | (typeof OWN)[number], string>;

function NewSurvey({ institutionId }: { institutionId: string }) {
  const { t } = useTranslation();
  const form = useSimpleForm<DraftFields>('new-survey', {
    'title.pl': '',
    'title.en': '',
    opensOn: '',
    closesOn: '',
    q1: '',
    q2: '',
    q3: '',
    q4: '',
    q5: '',
  });
  const create = useCreateSurvey(institutionId);
  const submit = async (v: DraftFields) => {
    const draft: SurveyDraft = {
      title: { pl: v['title.pl'], ...(v['title.en'].trim() ? { en: v['title.en'] } : {}) },
      opensOn: v.opensOn,
      closesOn: v.closesOn,
      ownQuestions: OWN.filter((id) => v[id].trim()).map((id) => ({ id, text: { pl: v[id] } })),
    };
    await create.mutateAsync(draft);
  };
  return (
    <section aria-labelledby="sv-new-title">
      <h2 id="sv-new-title">{t('survey.staff.newTitle')}</h2>
      <p className="hint">{t('survey.staff.newHint')}</p>
      <SimpleForm form={form} onSubmit={submit} statusText={create.isSuccess ? t('survey.staff.created') : undefined}>
        <TextField name="title.pl" label={t('survey.staff.titlePl')} />
        <TextField name="title.en" label={t('survey.staff.titleEn')} required={false} />
        <TextField name="opensOn" label={t('survey.staff.opensOn')} type="date" />
        <TextField name="closesOn" label={t('survey.staff.closesOn')} type="date" />
        <fieldset>
          <legend>{t('survey.staff.ownQuestions')}</legend>
          {OWN.map((id, i) => (
            <TextField key={id} name={id} label={t('survey.staff.ownQuestion', { n: i + 1 })} required={false} />
          ))}
        </fieldset>
        <SubmitButton>{t('survey.staff.create')}</SubmitButton>
      </SimpleForm>
    </section>
  );
}

function SurveyList({ institutionId }: { institutionId: string }) {
  const { t } = useTranslation();
  const list = useQuery(surveysQuery(institutionId));
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorNotice error={list.error} />;
  if (list.data.items.length === 0) return <p className="empty">{t('survey.staff.empty')}</p>;
  return (
    <ul className="sv-list">
      {list.data.items.map((s) => (
        <li key={s.surveyId}>
          <a href={`/institution/surveys/${encodeURIComponent(s.surveyId)}`}>{s.title.pl}</a>{' '}
          <span className="hint">{t('survey.staff.period', { from: plDate(s.opensOn), to: plDate(s.closesOn) })}</span>
          <br />
          {t('survey.staff.link')} <code>{`${window.location.origin}${surveyPath(s.surveyId)}`}</code>
          <br />
          <a
            href={`/api/institutions/${encodeURIComponent(institutionId)}/surveys/${encodeURIComponent(s.surveyId)}/poster.pdf`}
            download
          >
            {t('survey.poster.download')}
            <span className="visually-hidden"> — {s.title.pl}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

/** The institution's residents' surveys (issue 18 §1): the list with each public link, and a new one. */
export function SurveysPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('survey.staff.title')}</PageTitle>
      <RequireRole roles={['institution']}>
        {({ user }) =>
          user.institutionId ? (
            <>
              <SurveyList institutionId={user.institutionId} />
              <NewSurvey institutionId={user.institutionId} />
              <MeasurementParticipation institutionId={user.institutionId} />
            </>
          ) : (
            <p>{t('institution.none')}</p>
          )
        }
      </RequireRole>
    </>
  );
}
