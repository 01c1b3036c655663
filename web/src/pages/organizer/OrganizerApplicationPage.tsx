import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from '../../translation';
import type { Attachment } from '../../../../shared/applications/application';
import type { Localized } from '../../../../shared/editions/localized';
import type { AnswerValue, Question } from '../../../../shared/editions/questionnaire';
import { isSurveySnapshot } from '../../../../shared/surveys/survey-snapshot';
import { SurveySnapshotView } from '../../components/applications/SurveySnapshotView';
import { FormalCheckPanel } from '../../components/editions/FormalCheckPanel';
import { StatusBadge } from '../../components/editions/StateBadge';
import { formatSize, formatWarsaw } from '../../components/editions/time';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { RequireRole } from '../../components/RequireRole';
import { institutionQuery } from '../../queries/accounts-signed-in';
import { applicationQuery } from '../../queries/applications';
import { useLastSegment } from '../../router';

export function OrganizerApplicationPage() {
  const applicationId = useLastSegment();
  return <RequireRole roles={['organizer']}>{() => <ApplicationDetail applicationId={applicationId} />}</RequireRole>;
}

function ApplicationDetail({ applicationId }: { applicationId: string }) {
  const { t, i18n } = useTranslation();
  const application = useQuery(applicationQuery(applicationId));
  const view = application.data;
  // The full profile (address, contact person) is a bonus: the header snapshot is enough without it.
  const institutionId = view?.application.institutionId ?? '';
  const profile = useQuery({ ...institutionQuery(institutionId), enabled: !!institutionId }).data;
  const [status, setStatus] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);

  if (!view) {
    return (
      <>
        <PageTitle>{t('editions.application.title')}</PageTitle>
        {application.isError ? <ErrorNotice error={application.error} /> : <Loading />}
      </>
    );
  }

  const { application: app, edition, questionnaire, sections, attachments } = view;
  const lang = i18n.language === 'en' ? 'en' : 'pl';
  const text = (l: Localized | undefined) => (l ? (lang === 'en' && l.en ? l.en : l.pl) : '');
  const when = (iso: string | undefined) =>
    iso ? <time dateTime={iso}>{formatWarsaw(iso, i18n.language)}</time> : '—';

  /** The decision is made and the application read again (by the decision itself): say so, and move there. */
  const decided = (message: string) => {
    setStatus(message);
    window.setTimeout(() => statusRef.current?.focus(), 0);
  };

  return (
    <>
      <PageTitle>{`${t('editions.application.title')}: ${app.institution.name}`}</PageTitle>
      <p className="ed-subtitle">
        <a href={`/organizer/editions/${encodeURIComponent(edition.editionId)}?tab=applications`}>
          {t('editions.application.back', { edition: `${edition.name} — ${edition.number}` })}
        </a>
      </p>
      <p role="status" className="form-status" tabIndex={-1} ref={statusRef}>
        {status}
      </p>

      <section aria-labelledby="app-status-title">
        <h2 id="app-status-title">{t('editions.application.statusTitle')}</h2>
        <dl className="facts">
          <dt>{t('editions.apps.status')}</dt>
          <dd>
            <StatusBadge status={app.status} />
          </dd>
          <dt>{t('editions.apps.submittedAt')}</dt>
          <dd>{when(app.submittedAt)}</dd>
          <dt>{t('editions.application.deadline')}</dt>
          <dd>{when(edition.applicationsClose)}</dd>
          {app.correction && (
            <>
              <dt>{t('editions.application.correctionMessage')}</dt>
              <dd className="ed-pre">{app.correction.message}</dd>
              <dt>{t('editions.application.correctionDeadline')}</dt>
              <dd>{when(app.correction.deadline)}</dd>
            </>
          )}
          {app.rejection && (
            <>
              <dt>{t('editions.application.rejectionReason')}</dt>
              <dd className="ed-pre">{app.rejection.reason}</dd>
            </>
          )}
        </dl>
      </section>

      {app.status === 'submitted' && (
        <FormalCheckPanel
          applicationId={applicationId}
          version={app.version}
          editionDeadline={edition.applicationsClose}
          onDecided={decided}
        />
      )}

      <section aria-labelledby="app-institution-title">
        <h2 id="app-institution-title">{t('editions.application.institution')}</h2>
        <dl className="facts">
          <dt>{t('editions.apps.institution')}</dt>
          <dd>{app.institution.name}</dd>
          <dt>NIP</dt>
          <dd>{app.institution.nip}</dd>
          {profile && (
            <>
              <dt>REGON</dt>
              <dd>{profile.regon}</dd>
            </>
          )}
          <dt>{t('editions.apps.category')}</dt>
          <dd>{t(`institutionType.${app.institution.type}`)}</dd>
          <dt>{t('editions.apps.voivodeship')}</dt>
          <dd>{app.institution.voivodeship}</dd>
          <dt>{t('editions.application.headcount')}</dt>
          <dd>{t(`headcount.${app.institution.headcount}`)}</dd>
          {profile && (
            <>
              <dt>{t('editions.application.address')}</dt>
              <dd>
                {profile.address.street}, {profile.address.postalCode} {profile.address.city}
              </dd>
              <dt>{t('editions.application.contact')}</dt>
              <dd>
                {profile.contactPerson.name},{' '}
                <a href={`mailto:${profile.contactPerson.email}`}>{profile.contactPerson.email}</a>,{' '}
                {profile.contactPerson.phone}
              </dd>
            </>
          )}
        </dl>
      </section>

      <section aria-labelledby="app-answers-title">
        <h2 id="app-answers-title">{t('editions.application.answers')}</h2>
        {questionnaire.sections.map((s) => {
          const answers = sections[s.id]?.answers ?? {};
          return (
            <section key={s.id} aria-labelledby={`app-s-${s.id}`} className="ed-answers">
              <h3 id={`app-s-${s.id}`}>{text(s.title)}</h3>
              <dl>
                {s.questions.map((q) => (
                  <div key={q.id} className="ed-answer">
                    <dt>{text(q.label)}</dt>
                    <dd>
                      {q.type === 'file' ? (
                        <Files files={attachments.filter((a) => a.questionId === q.id)} applicationId={applicationId} />
                      ) : (
                        <Answer question={q} value={answers[q.id]} text={text} />
                      )}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          );
        })}
      </section>

      <section aria-labelledby="app-files-title">
        <h2 id="app-files-title">{t('editions.application.attachments')}</h2>
        <Files files={attachments} applicationId={applicationId} />
      </section>
    </>
  );
}

function Answer({
  question: q,
  value,
  text,
}: {
  question: Question;
  value: AnswerValue | undefined;
  text: (l: Localized | undefined) => string;
}) {
  const { t, i18n } = useTranslation();
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0))
    return <span className="muted">{t('editions.application.noAnswer')}</span>;
  const label = (v: string) => text(q.options?.find((o) => o.value === v)?.label) || v;
  switch (q.type) {
    case 'yesNo':
      return <>{value === true ? t('editions.yes') : value === false ? t('editions.no') : String(value)}</>;
    case 'singleChoice':
      return <>{label(String(value))}</>;
    case 'multipleChoice':
      return Array.isArray(value) ? (
        <ul className="ed-choices">
          {value.map((v) => (
            <li key={v}>{label(v)}</li>
          ))}
        </ul>
      ) : (
        String(value)
      );
    case 'number':
      return (
        <>
          {typeof value === 'number'
            ? new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'pl-PL').format(value)
            : String(value)}
        </>
      );
    case 'date': {
      const d = typeof value === 'string' ? new Date(`${value}T12:00:00Z`) : null;
      return d && !Number.isNaN(d.getTime()) ? (
        <time dateTime={String(value)}>
          {new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'pl-PL', {
            dateStyle: 'long',
            timeZone: 'UTC',
          }).format(d)}
        </time>
      ) : (
        String(value)
      );
    }
    case 'surveyResults':
      return isSurveySnapshot(value) ? (
        <SurveySnapshotView snapshot={value} idPrefix={`ev-${q.id}`} />
      ) : (
        <span className="muted">{t('editions.application.noAnswer')}</span>
      );
    default:
      return <span className="ed-pre">{String(value)}</span>;
  }
}

function Files({ files, applicationId }: { files: Attachment[]; applicationId: string }) {
  const { t, i18n } = useTranslation();
  if (files.length === 0) return <span className="muted">{t('editions.application.noFiles')}</span>;
  return (
    <ul className="ed-files">
      {files.map((f) => (
        <li key={f.attachmentId}>
          <a
            href={`/api/applications/${encodeURIComponent(applicationId)}/attachments/${encodeURIComponent(f.attachmentId)}`}
            download={f.fileName}
          >
            {f.fileName}
          </a>{' '}
          <span className="muted">
            ({formatSize(f.size, i18n.language)}
            {f.kind ? `, ${f.kind.toUpperCase()}` : ''})
          </span>
        </li>
      ))}
    </ul>
  );
}
