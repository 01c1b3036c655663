import { useCallback, useEffect, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, send } from '../../api';
import { ApplicationSummary, ReadOnlyAnswers } from '../../components/applications/ReadOnlyAnswers';
import { FileQuestion } from '../../components/applications/FileQuestion';
import { clock, warsaw, type ApplicationView, type AttachmentView } from '../../components/applications/format';
import { focusQuestion, QuestionInput } from '../../components/applications/QuestionInput';
import { useSectionDrafts, type SectionDraft } from '../../components/applications/useSectionDrafts';
import { ConfirmButton } from '../../components/ConfirmButton';
import { toFormError } from '../../components/form';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { RequireRole } from '../../components/RequireRole';
import { currentLanguage } from '../../i18n';
import { useLastSegment } from '../../router';
import { editableStatuses } from '../../../../shared/applications/application';
import { inLanguage } from '../../../../shared/editions/localized';
import {
  answerProblem,
  isAnswered,
  progress,
  type Answers,
  type Section,
} from '../../../../shared/editions/questionnaire';

export function ApplicationPage() {
  const { t } = useTranslation();
  const applicationId = useLastSegment();
  const [title, setTitle] = useState('');
  return (
    <>
      <PageTitle>{title ? t('application.formTitle', { edition: title }) : t('application.listTitle')}</PageTitle>
      <p>
        <a href="/applications">{t('application.backToList')}</a>
      </p>
      <RequireRole roles={['institution']}>
        {() => <ApplicationForm applicationId={applicationId} onTitle={setTitle} />}
      </RequireRole>
    </>
  );
}

interface Problem {
  questionId: string;
  label: string;
  message: string;
}
interface SubmitFailure {
  message: string;
  problems: Problem[];
}

function ApplicationForm({ applicationId, onTitle }: { applicationId: string; onTitle: (title: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage();
  const [view, setView] = useState<ApplicationView | null>(null);
  const [loadError, setLoadError] = useState('');
  const [attachments, setAttachments] = useState<AttachmentView[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const [failures, setFailures] = useState(0);
  const [submitErrors, setSubmitErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<'submitted' | 'withdrawn' | null>(null);
  const [actionError, setActionError] = useState('');
  const busy = useRef(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  const fetchView = useCallback(
    async () => (await send(api.api.applications[':applicationId'].$get({ param: { applicationId } }))).json(),
    [applicationId],
  );
  const form = useSectionDrafts(applicationId, fetchView);

  const show = useCallback(
    (loaded: ApplicationView) => {
      setView(loaded);
      setAttachments(loaded.attachments);
      onTitle(`${loaded.edition.name} — ${loaded.edition.number}`);
      form.reset(loaded, editableStatuses.includes(loaded.application.status) && loaded.window.open);
    },
    // form.reset is stable per application
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [onTitle],
  );

  useEffect(() => {
    let live = true;
    fetchView().then(
      (loaded) => live && show(loaded),
      (error: unknown) => live && setLoadError(toFormError(error).message),
    );
    return () => {
      live = false;
    };
  }, [fetchView, show]);

  useEffect(() => {
    if (failures > 0) summaryRef.current?.focus();
  }, [failures]);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  if (loadError)
    return (
      <p className="notice error" role="alert">
        {loadError}
      </p>
    );
  if (!view) return <Loading />;

  const { application, questionnaire, window: submissionWindow } = view;
  const editable = editableStatuses.includes(application.status) && submissionWindow.open;
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
  const labelOf = (questionId: string) => {
    for (const s of questionnaire.sections)
      for (const q of s.questions) if (q.id === questionId) return inLanguage(q.label, lang);
    return questionId;
  };

  const fail = (f: SubmitFailure) => {
    setFailure(f);
    setFailures((n) => n + 1);
  };

  const submit = async () => {
    if (busy.current) return; // a double click sends one request
    busy.current = true;
    setSubmitting(true);
    setFailure(null);
    setActionError('');
    try {
      await form.flush();
      const blocked = questionnaire.sections.find((s) =>
        ['conflict', 'error', 'invalid'].includes(form.drafts[s.id]?.status ?? ''),
      );
      if (blocked) {
        const d = form.drafts[blocked.id]!;
        const problems = Object.entries(localProblems(blocked, d, lang)).map(([questionId, message]) => ({
          questionId,
          label: labelOf(questionId),
          message,
        }));
        const title = inLanguage(blocked.title, lang);
        fail({
          message:
            d.status === 'conflict'
              ? t('application.submitBlockedConflict', { section: title })
              : (d.message ?? t('application.submitBlockedUnsaved', { section: title })),
          problems,
        });
        return;
      }
      await send(
        api.api.applications[':applicationId'].submit.$post({
          param: { applicationId },
          json: { version: application.version },
        }),
      );
      setSubmitErrors({});
      show(await fetchView());
      setNotice('submitted');
    } catch (error) {
      const { message, fields } = toFormError(error);
      const byQuestion: Record<string, string> = {};
      for (const [path, text] of Object.entries(fields))
        if (path.startsWith('answers.')) byQuestion[path.slice('answers.'.length)] = text;
      setSubmitErrors(byQuestion);
      fail({
        message,
        problems: Object.entries(byQuestion).map(([questionId, text]) => ({
          questionId,
          label: labelOf(questionId),
          message: text,
        })),
      });
    } finally {
      busy.current = false;
      setSubmitting(false);
    }
  };

  const withdraw = async () => {
    if (busy.current) return;
    busy.current = true;
    setActionError('');
    try {
      await send(
        api.api.applications[':applicationId'].withdraw.$post({
          param: { applicationId },
          json: { version: application.version },
        }),
      );
      show(await fetchView());
      setNotice('withdrawn');
    } catch (error) {
      setActionError(toFormError(error).message);
    } finally {
      busy.current = false;
    }
  };

  const clearSubmitError = (questionId: string) =>
    setSubmitErrors((errors) => {
      if (!(questionId in errors)) return errors;
      const { [questionId]: _gone, ...rest } = errors;
      return rest;
    });

  const jump = (questionId: string) => (event: MouseEvent) => {
    event.preventDefault();
    focusQuestion(questionId);
  };

  return (
    <>
      <ApplicationSummary view={view} />

      {application.status === 'returned' && application.correction && (
        <section className="notice ap-returned" aria-labelledby="ap-returned-title">
          <h2 id="ap-returned-title">{t('application.returnedTitle')}</h2>
          <p className="ap-correction-message">{application.correction.message}</p>
          <p>
            <strong>{t('application.returnedDeadline', { when: warsaw(application.correction.deadline) })}</strong>
          </p>
          {editable && <p>{t('application.returnedHelp')}</p>}
        </section>
      )}
      {application.status === 'rejected' && application.rejection && (
        <section className="notice error" aria-labelledby="ap-rejected-title">
          <h2 id="ap-rejected-title">{t('application.rejectedTitle')}</h2>
          <p>{application.rejection.reason}</p>
        </section>
      )}
      {application.status === 'accepted' && <p className="notice success">{t('application.acceptedText')}</p>}
      {application.status === 'submitted' && (
        <div
          className="notice success ap-submitted"
          ref={noticeRef}
          tabIndex={-1}
          role="group"
          aria-labelledby="ap-submitted-title"
        >
          <h2 id="ap-submitted-title">{t('application.submittedTitle')}</h2>
          <p>
            {t('application.submittedText', { when: application.submittedAt ? warsaw(application.submittedAt) : '' })}
          </p>
          {submissionWindow.open && (
            <ConfirmButton
              question={t('application.withdrawQuestion')}
              confirmLabel={t('application.withdrawConfirm')}
              onConfirm={() => void withdraw()}
            >
              {t('application.withdraw')}
            </ConfirmButton>
          )}
        </div>
      )}
      {application.status === 'withdrawn' && (
        <p className="notice" ref={notice === 'withdrawn' ? noticeRef : undefined} tabIndex={-1}>
          {notice === 'withdrawn' ? t('application.withdrawn') : t('application.withdrawnNotice')}
        </p>
      )}
      {!submissionWindow.open && submissionWindow.reason && (
        <section className="notice" aria-labelledby="ap-closed-title">
          <h2 id="ap-closed-title">{t('application.closedTitle')}</h2>
          <p>{inLanguage(submissionWindow.reason, lang)}</p>
        </section>
      )}
      {actionError && (
        <p className="notice error" role="alert">
          {actionError}
        </p>
      )}

      {!editable ? (
        <ReadOnlyAnswers view={view} attachments={attachments} />
      ) : (
        <>
          {failure && (
            <div
              className="error-summary"
              ref={summaryRef}
              tabIndex={-1}
              role="group"
              aria-labelledby="ap-problems-title"
            >
              <h2 id="ap-problems-title">{t('application.problemsTitle')}</h2>
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
            </div>
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
                    {section.questions.map((q) =>
                      q.type === 'file' ? (
                        <FileQuestion
                          key={q.id}
                          applicationId={applicationId}
                          question={q}
                          files={filesOf(q.id)}
                          editable
                          outsideError={submitErrors[q.id]}
                          onAdded={(a) => {
                            setAttachments((list) => [...list, a]);
                            clearSubmitError(q.id);
                          }}
                          onRemoved={(attachmentId) =>
                            setAttachments((list) => list.filter((a) => a.attachmentId !== attachmentId))
                          }
                        />
                      ) : (
                        <QuestionInput
                          key={q.id}
                          question={q}
                          value={draft.values[q.id] ?? null}
                          error={live[q.id] ?? draft.fieldErrors[q.id] ?? submitErrors[q.id]}
                          onChange={(value) => {
                            form.setValue(section.id, q.id, value);
                            clearSubmitError(q.id);
                          }}
                        />
                      ),
                    )}
                  </section>
                );
              })}

              <section className="ap-submit" aria-labelledby="ap-submit-title">
                <h2 id="ap-submit-title">{t('application.submit')}</h2>
                <p>{t('application.submitIntro')}</p>
                {submissionWindow.closesAt && (
                  <p>{t('application.deadline', { when: warsaw(submissionWindow.closesAt) })}</p>
                )}
                <button
                  type="button"
                  className="primary"
                  aria-disabled={submitting || undefined}
                  onClick={() => void submit()}
                >
                  {t('application.submit')}
                </button>
                <p role="status" className="form-status">
                  {submitting ? t('application.submitting') : ''}
                </p>
              </section>
            </div>
          </div>
        </>
      )}
    </>
  );
}

/** What the form itself finds wrong with the answers typed so far (the same check the server runs). */
function localProblems(section: Section, draft: SectionDraft, lang: 'pl' | 'en'): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const q of section.questions) {
    if (q.type === 'file') continue;
    const v = draft.values[q.id];
    if (v === undefined || v === null || !isAnswered(v)) continue;
    const problem = answerProblem(q, v);
    if (problem) problems[q.id] = problem[lang];
  }
  return problems;
}

function SaveLine({
  draft,
  sectionId,
  lang,
  onRetry,
}: {
  draft: SectionDraft;
  sectionId: string;
  lang: string;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  const savedAt = draft.savedAt ? t('application.savedAt', { time: clock(new Date(draft.savedAt), lang) }) : '';
  let text = '';
  if (draft.status === 'saving') text = t('application.saving');
  else if (draft.status === 'saved') text = savedAt;
  else if (draft.status === 'dirty') text = draft.restored ? t('application.restoredDraft') : savedAt;
  else if (draft.status === 'invalid') text = t('application.notSavedInvalid');
  else if (draft.status === 'error') text = t('application.saveFailed', { message: draft.message ?? '' });
  return (
    <div className="ap-save">
      <p
        role="status"
        className={
          draft.status === 'error' || draft.status === 'invalid' ? 'ap-save-status ap-save-problem' : 'ap-save-status'
        }
        data-section={sectionId}
      >
        {text}
      </p>
      {draft.status === 'error' && (
        <button type="button" onClick={onRetry}>
          {t('application.retrySave')}
        </button>
      )}
    </div>
  );
}
