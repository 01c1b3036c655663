import type { MouseEvent } from 'react';
import { useTranslation } from '../../translation';
import { inLanguage } from '../../../../shared/editions/localized';
import { isAnswered, progress, type Answers } from '../../../../shared/editions/questionnaire';
import { currentLanguage } from '../../i18n';
import type { ApplicationView } from '../../queries/applications';
import { ErrorBox } from '../ErrorBox';
import { FileQuestion } from './FileQuestion';
import { warsaw } from './format';
import { focusQuestion, QuestionInput, type Value } from './QuestionInput';
import { localProblems, SaveLine } from './SaveLine';
import { SurveyEvidenceQuestion } from './SurveyEvidenceQuestion';
import type { useSectionDrafts } from './useSectionDrafts';

export interface SubmitFailure {
  message: string;
  problems: { questionId: string; label: string; message: string }[];
}

/**
 * The editable application: what stopped the last submit (linked to each question), the sections'
 * progress, every section's questions with its autosave line and a conflict choice, and the submit.
 */
export function ApplicationEditor({
  view,
  form,
  failure,
  failures,
  submitErrors,
  onAnswered,
  submitting,
  onSubmit,
}: {
  view: ApplicationView;
  form: ReturnType<typeof useSectionDrafts>;
  failure: SubmitFailure | null;
  failures: number;
  /** A failed submit's messages by question, until the question is answered again. */
  submitErrors: Record<string, string>;
  onAnswered: (questionId: string) => void;
  submitting: boolean;
  onSubmit: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage();
  const { application, questionnaire, window: submissionWindow, attachments } = view;
  const filesOf = (questionId: string) => attachments.filter((a) => a.questionId === questionId);
  const filesByQuestion: Record<string, number> = {};
  for (const a of attachments) filesByQuestion[a.questionId] = (filesByQuestion[a.questionId] ?? 0) + 1;
  const answers: Record<string, Answers> = Object.fromEntries(
    questionnaire.sections.map((s) => [
      s.id,
      Object.fromEntries(
        Object.entries(form.drafts[s.id]?.values ?? {}).filter(([, v]) => v !== null && isAnswered(v)),
      ) as Answers,
    ]),
  );
  const completeness = progress(questionnaire, answers, filesByQuestion);
  const jump = (questionId: string) => (event: MouseEvent) => {
    event.preventDefault();
    focusQuestion(questionId);
  };

  return (
    <>
      {failure && (
        <ErrorBox
          headingId="ap-problems-title"
          heading={<h2 id="ap-problems-title">{t('application.problemsTitle')}</h2>}
          focusKey={failures}
        >
          <p>{failure.message}</p>
          {failure.problems.length > 0 && (
            <ul>
              {failure.problems.map((p) => (
                <li key={p.questionId}>
                  <a href={`#q-${p.questionId}`} onClick={jump(p.questionId)}>
                    {p.label}: {p.message}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </ErrorBox>
      )}

      <div className="ap-layout">
        <nav className="ap-nav" aria-labelledby="ap-nav-title">
          <h2 id="ap-nav-title">{t('application.sectionsNav')}</h2>
          <ol>
            {questionnaire.sections.map((s) => {
              const p = completeness.find((x) => x.sectionId === s.id);
              return (
                <li key={s.id} className={p?.complete ? 'ap-nav-complete' : undefined}>
                  <a href={`#section-${s.id}`}>{inLanguage(s.title, lang)}</a>{' '}
                  <span className="ap-progress" data-section={s.id}>
                    {p?.complete && <span aria-hidden="true">✓ </span>}
                    {t('application.sectionProgress', { done: p?.requiredAnswered ?? 0, total: p?.required ?? 0 })}
                    <span className="visually-hidden">
                      {' '}
                      — {p?.complete ? t('application.sectionComplete') : t('application.sectionIncomplete')}
                    </span>
                  </span>
                </li>
              );
            })}
          </ol>
        </nav>

        <div className="ap-sections">
          {questionnaire.sections.map((section) => {
            const draft = form.drafts[section.id];
            if (!draft) return null;
            const live = localProblems(section, draft, lang);
            return (
              <section
                key={section.id}
                id={`section-${section.id}`}
                className="ap-section"
                aria-labelledby={`section-${section.id}-title`}
              >
                <h2 id={`section-${section.id}-title`}>{inLanguage(section.title, lang)}</h2>
                {section.description && <p className="hint">{inLanguage(section.description, lang)}</p>}
                <SaveLine
                  draft={draft}
                  sectionId={section.id}
                  lang={i18n.language}
                  onRetry={() => void form.save(section.id)}
                />
                {draft.status === 'conflict' && (
                  <div className="notice error ap-conflict" data-section={section.id}>
                    <h3>{t('application.conflictTitle')}</h3>
                    <p role="alert">{t('application.conflictText')}</p>
                    <p className="ap-actions">
                      <button type="button" className="primary" onClick={() => void form.keepMine(section.id)}>
                        {t('application.useMine')}
                      </button>{' '}
                      <button type="button" onClick={() => void form.loadSaved(section.id)}>
                        {t('application.loadSaved')}
                      </button>
                    </p>
                  </div>
                )}
                {section.questions.map((q) => {
                  if (q.type === 'file')
                    return (
                      <FileQuestion
                        key={q.id}
                        applicationId={application.applicationId}
                        question={q}
                        files={filesOf(q.id)}
                        editable
                        outsideError={submitErrors[q.id]}
                        onAdded={() => onAnswered(q.id)}
                      />
                    );
                  const input = {
                    question: q,
                    value: draft.values[q.id] ?? null,
                    error: live[q.id] ?? draft.fieldErrors[q.id] ?? submitErrors[q.id],
                    onChange: (value: Value) => {
                      form.setValue(section.id, q.id, value);
                      onAnswered(q.id);
                    },
                  };
                  return q.type === 'surveyResults' ? (
                    <SurveyEvidenceQuestion key={q.id} institutionId={application.institutionId} {...input} />
                  ) : (
                    <QuestionInput key={q.id} {...input} />
                  );
                })}
              </section>
            );
          })}

          <section className="ap-submit" aria-labelledby="ap-submit-title">
            <h2 id="ap-submit-title">{t('application.submit')}</h2>
            <p>{t('application.submitIntro')}</p>
            {submissionWindow.closesAt && (
              <p>{t('application.deadline', { when: warsaw(submissionWindow.closesAt) })}</p>
            )}
            <button type="button" className="primary" aria-disabled={submitting || undefined} onClick={onSubmit}>
              {t('application.submit')}
            </button>
            <p role="status" className="form-status">
              {submitting ? t('application.submitting') : ''}
            </p>
          </section>
        </div>
      </div>
    </>
  );
}
