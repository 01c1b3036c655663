import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { feedbackStatuses, nextStatuses } from '../../../../shared/feedback/feedback';
import { formatSize } from '../../components/editions/time';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { RequireRole } from '../../components/RequireRole';
import { feedbackFormPath } from '../../queries/feedback-public';
import {
  type FeedbackStatus,
  feedbackAttachmentUrl,
  feedbackPageQuery,
  type StaffFeedback,
  useAnswerFeedback,
  useMoveFeedback,
} from '../../queries/feedback';
import { useTranslation } from '../../translation';
import { FeedbackStats } from './FeedbackStats';

const plDate = (day: string) => day.split('-').reverse().join('.');

function FeedbackItem({ institutionId, item }: { institutionId: string; item: StaffFeedback }) {
  const { t, i18n } = useTranslation();
  const move = useMoveFeedback(institutionId);
  const answer = useAnswerFeedback(institutionId);
  const [publicAnswer, setPublicAnswer] = useState(item.publicAnswer ?? '');
  const [privateNote, setPrivateNote] = useState(item.privateNote ?? '');
  const id = `fb-${item.feedbackId}`;
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (answer.isPending) return;
    answer
      .mutateAsync({ feedbackId: item.feedbackId, answer: { publicAnswer, privateNote, version: item.version } })
      .catch(() => undefined);
  };
  return (
    <article className="card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        {t(`survey.feedback.category.${item.category}`)} — {plDate(item.submittedOn)} —{' '}
        {t(`survey.feedback.status.${item.status}`)}
      </h3>
      <p className="fb-answer">{item.text}</p>
      {item.replyByEmail && <p className="hint">{t('survey.feedback.staff.replyByEmail')}</p>}
      {item.attachment && (
        <p>
          <a href={feedbackAttachmentUrl(institutionId, item.feedbackId)} download>
            {t('survey.feedback.attachment.download', {
              type: item.attachment.kind.toUpperCase(),
              size: formatSize(item.attachment.size, i18n.language),
            })}
          </a>
        </p>
      )}
      <div className="actions">
        {nextStatuses(item.status).map((to) => (
          <button
            key={to}
            type="button"
            disabled={move.isPending}
            onClick={() =>
              move.mutateAsync({ feedbackId: item.feedbackId, from: item.status, to }).catch(() => undefined)
            }
          >
            {t('survey.feedback.staff.moveTo', { status: t(`survey.feedback.status.${to}`) })}
          </button>
        ))}
      </div>
      <ErrorNotice error={move.isError ? move.error : null} />
      <form noValidate onSubmit={save}>
        <div className="field">
          <label htmlFor={`${id}-answer`}>{t('survey.feedback.staff.publicAnswer')}</label>
          <textarea
            id={`${id}-answer`}
            rows={3}
            maxLength={2000}
            value={publicAnswer}
            onChange={(e) => setPublicAnswer(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('survey.feedback.staff.privateNote')}</label>
          <textarea
            id={`${id}-note`}
            rows={2}
            maxLength={2000}
            value={privateNote}
            onChange={(e) => setPrivateNote(e.target.value)}
          />
        </div>
        <ErrorNotice error={answer.isError ? answer.error : null} />
        <button type="submit" disabled={answer.isPending} aria-busy={answer.isPending || undefined}>
          {t('survey.feedback.staff.save')}
        </button>
        <span role="status" className="hint">
          {answer.isSuccess ? t('survey.feedback.staff.saved') : ''}
        </span>
      </form>
    </article>
  );
}

function Inbox({ institutionId }: { institutionId: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<FeedbackStatus | ''>('');
  const [cursors, setCursors] = useState<string[]>(['']);
  const cursor = cursors.at(-1) ?? '';
  const page = useQuery(feedbackPageQuery(institutionId, status, cursor));
  return (
    <>
      <p>
        {t('survey.feedback.staff.formLink')}{' '}
        <code>{`${window.location.origin}${feedbackFormPath(institutionId)}`}</code>
      </p>
      <div className="field">
        <label htmlFor="fb-filter">{t('survey.feedback.staff.filter')}</label>
        <select
          id="fb-filter"
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as FeedbackStatus | '');
            setCursors(['']);
          }}
        >
          <option value="">{t('survey.feedback.staff.all')}</option>
          {feedbackStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`survey.feedback.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {page.isPending ? (
        <Loading label={t('survey.feedback.staff.loading')} />
      ) : page.isError ? (
        <ErrorNotice error={page.error} />
      ) : page.data.items.length === 0 ? (
        <p className="empty">{t('survey.feedback.staff.empty')}</p>
      ) : (
        <>
          {page.data.items.map((item) => (
            <FeedbackItem key={item.feedbackId} institutionId={institutionId} item={item} />
          ))}
          {page.data.cursor && (
            <button type="button" onClick={() => setCursors((c) => [...c, page.data.cursor ?? ''])}>
              {t('survey.feedback.staff.more')}
            </button>
          )}
        </>
      )}
    </>
  );
}

/** The institution's residents' feedback (issue 18 §6): newest first, a status filter, moves and answers. */
export function FeedbackInboxPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('survey.feedback.staff.title')}</PageTitle>
      <RequireRole roles={['institution']}>
        {({ user }) =>
          user.institutionId ? (
            <>
              <Inbox institutionId={user.institutionId} />
              <FeedbackStats institutionId={user.institutionId} />
            </>
          ) : (
            <p>{t('institution.none')}</p>
          )
        }
      </RequireRole>
    </>
  );
}
