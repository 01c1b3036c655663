import { useTranslation } from '../../translation';
import { inLanguage } from '../../../../shared/editions/localized';
import { isAnswered, type AnswerValue, type Question } from '../../../../shared/editions/questionnaire';
import { isSurveySnapshot } from '../../../../shared/surveys/survey-snapshot';
import { SurveySnapshotView } from './SurveySnapshotView';
import { currentLanguage } from '../../i18n';
import { FileList } from './FileQuestion';
import type { ApplicationView, AttachmentView } from '../../queries/applications';
import { StatusBadge, warsaw } from './format';

/** The application's facts: institution, status, deadline, submission time. */
export function ApplicationSummary({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  const { application, window: w } = view;
  return (
    <dl className="facts ap-facts">
      <dt>{t('application.institutionLabel')}</dt>
      <dd>{application.institution.name}</dd>
      <dt>{t('application.statusLabel')}</dt>
      <dd data-status={application.status}>
        <StatusBadge status={application.status} />
      </dd>
      {w.open && w.closesAt && (
        <>
          <dt>{t('application.closesAt')}</dt>
          <dd>{warsaw(w.closesAt)}</dd>
        </>
      )}
      {application.submittedAt && application.status !== 'draft' && (
        <>
          <dt>{t('application.submittedAtLabel')}</dt>
          <dd>{warsaw(application.submittedAt)}</dd>
        </>
      )}
    </dl>
  );
}

/** Every section's answers as text, for a submitted (or closed) application. */
export function ReadOnlyAnswers({ view, attachments }: { view: ApplicationView; attachments: AttachmentView[] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <div className="ap-readonly">
      <h2 className="visually-hidden">{t('application.readOnly')}</h2>
      {view.questionnaire.sections.map((section) => {
        const answers = view.sections[section.id]?.answers ?? {};
        return (
          <section
            key={section.id}
            id={`section-${section.id}`}
            className="ap-section"
            aria-labelledby={`section-${section.id}-title`}
          >
            <h3 id={`section-${section.id}-title`}>{inLanguage(section.title, lang)}</h3>
            <dl className="ap-answers">
              {section.questions.map((q) => (
                <div key={q.id} id={`q-${q.id}`} className="ap-answer" data-question={q.id}>
                  <dt>{inLanguage(q.label, lang)}</dt>
                  <dd>
                    {q.type === 'file' ? (
                      attachments.some((a) => a.questionId === q.id) ? (
                        <FileList
                          applicationId={view.application.applicationId}
                          files={attachments.filter((a) => a.questionId === q.id)}
                        />
                      ) : (
                        <span className="muted">{t('application.notAnswered')}</span>
                      )
                    ) : (
                      <AnswerText question={q} value={answers[q.id] as AnswerValue | undefined} />
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
    </div>
  );
}

/** One answer as text ("not answered" when empty). */
export function AnswerText({ question: q, value }: { question: Question; value: AnswerValue | undefined }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  if (value === undefined || !isAnswered(value)) return <span className="muted">{t('application.notAnswered')}</span>;
  const option = (v: string) => {
    const o = q.options?.find((x) => x.value === v);
    return o ? inLanguage(o.label, lang) : v;
  };
  switch (q.type) {
    case 'yesNo':
      return <>{value ? t('application.yes') : t('application.no')}</>;
    case 'singleChoice':
      return <>{option(String(value))}</>;
    case 'multipleChoice':
      return (
        <ul className="ap-chosen">
          {(Array.isArray(value) ? value : [String(value)]).map((v) => (
            <li key={v}>{option(v)}</li>
          ))}
        </ul>
      );
    case 'longText':
      return <span className="ap-long">{String(value)}</span>;
    case 'surveyResults':
      return isSurveySnapshot(value) ? (
        <SurveySnapshotView snapshot={value} idPrefix={`ev-${q.id}`} />
      ) : (
        <span className="muted">{t('application.notAnswered')}</span>
      );
    default:
      return <>{String(value)}</>;
  }
}
