import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../translation';
import { editableStatuses } from '../../../../shared/applications/application';
import { inLanguage } from '../../../../shared/editions/localized';
import { ApplicationEditor, type SubmitFailure } from '../../components/applications/ApplicationEditor';
import { ApplicationNotices } from '../../components/applications/ApplicationNotices';
import { ApplicationSummary, ReadOnlyAnswers } from '../../components/applications/ReadOnlyAnswers';
import { localProblems } from '../../components/applications/SaveLine';
import { useSectionDrafts } from '../../components/applications/useSectionDrafts';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { RequireRole } from '../../components/RequireRole';
import { fieldsUnder, toFormError } from '../../forms/errors';
import { currentLanguage } from '../../i18n';
import {
  applicationQuery,
  useSubmitApplication,
  useWithdrawApplication,
  type ApplicationView,
} from '../../queries/applications';
import { useLastSegment } from '../../router';

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

const isEditable = (view: ApplicationView) => editableStatuses.includes(view.application.status) && view.window.open;

function ApplicationForm({ applicationId, onTitle }: { applicationId: string; onTitle: (title: string) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const queryClient = useQueryClient();
  const { data: view, error: loadError } = useQuery(applicationQuery(applicationId));
  const form = useSectionDrafts(applicationId);
  const { reset } = form;
  const submitApplication = useSubmitApplication(applicationId);
  const withdrawApplication = useWithdrawApplication(applicationId);
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const [failures, setFailures] = useState(0);
  const [submitErrors, setSubmitErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<'submitted' | 'withdrawn' | null>(null);
  const busy = useRef(false);
  const started = useRef(false);

  // The drafts start from the application as first loaded; later reads (after a submit, a
  // withdrawal) restart them explicitly, so a background read never replaces what is being typed.
  useEffect(() => {
    if (!view || started.current) return;
    started.current = true;
    reset(view, isEditable(view));
  }, [view, reset]);
  const title = view ? `${view.edition.name} — ${view.edition.number}` : '';
  useEffect(() => {
    if (title) onTitle(title);
  }, [title, onTitle]);

  if (loadError) return <ErrorNotice error={loadError} />;
  if (!view) return <Loading />;

  const { application, questionnaire } = view;
  const editable = isEditable(view);
  const labelOf = (questionId: string) => {
    for (const s of questionnaire.sections)
      for (const q of s.questions) if (q.id === questionId) return inLanguage(q.label, lang);
    return questionId;
  };

  const fail = (f: SubmitFailure) => {
    setFailure(f);
    setFailures((n) => n + 1);
  };
  /** After a submit or withdrawal: the form starts again from the application as now stored. */
  const restart = () => {
    const fresh = queryClient.getQueryData(applicationQuery(applicationId).queryKey);
    if (fresh) reset(fresh, isEditable(fresh));
  };

  const submit = async () => {
    if (busy.current) return; // a double click sends one request
    busy.current = true;
    setSubmitting(true);
    setFailure(null);
    withdrawApplication.reset();
    try {
      await form.flush();
      const blocked = questionnaire.sections.find((s) =>
        ['conflict', 'error', 'invalid'].includes(form.getDrafts()[s.id]?.status ?? ''),
      );
      const draft = blocked && form.getDrafts()[blocked.id];
      if (blocked && draft) {
        const title = inLanguage(blocked.title, lang);
        fail({
          message:
            draft.status === 'conflict'
              ? t('application.submitBlockedConflict', { section: title })
              : (draft.message ?? t('application.submitBlockedUnsaved', { section: title })),
          problems: Object.entries(localProblems(blocked, draft, lang)).map(([questionId, message]) => ({
            questionId,
            label: labelOf(questionId),
            message,
          })),
        });
        return;
      }
      await submitApplication.mutateAsync(application.version);
      setSubmitErrors({});
      restart();
      setNotice('submitted');
    } catch (error) {
      const { message, fields } = toFormError(error);
      const byQuestion = fieldsUnder(fields, 'answers');
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
    try {
      await withdrawApplication.mutateAsync(application.version);
      restart();
      setNotice('withdrawn');
    } catch {
      // shown from the mutation's error below
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

  return (
    <>
      <ApplicationSummary view={view} />
      <ApplicationNotices view={view} editable={editable} notice={notice} onWithdraw={() => void withdraw()} />
      <ErrorNotice error={withdrawApplication.error} />
      {!editable ? (
        <ReadOnlyAnswers view={view} attachments={view.attachments} />
      ) : (
        <ApplicationEditor
          view={view}
          form={form}
          failure={failure}
          failures={failures}
          submitErrors={submitErrors}
          onAnswered={clearSubmitError}
          submitting={submitting}
          onSubmit={() => void submit()}
        />
      )}
    </>
  );
}
