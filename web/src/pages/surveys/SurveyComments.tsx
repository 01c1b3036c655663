import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { Pager } from '../../components/Pager';
import { pageAt } from '../../queries/pages';
import { useFocusWhenShown, usePagePosition } from '../../queries/paging';
import { type SurveyComment, surveyCommentsQuery, useSetCommentHidden } from '../../queries/surveys';
import { useTranslation } from '../../translation';

/** One comment with its day, matter and channel, and the button that hides it or shows it again. */
function CommentItem({
  comment,
  onToggle,
  busy,
}: {
  comment: SurveyComment;
  onToggle: (hidden: boolean) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const textId = `sv-comment-${comment.answerId}`;
  return (
    <li className={comment.hidden ? 'survey-comment survey-comment-hidden' : 'survey-comment'}>
      <p className="hint">
        {comment.answeredOn}
        {comment.matter && ` · ${t(`survey.matter.${comment.matter}`)}`}
        {comment.channel && ` · ${t(`survey.channel.${comment.channel}`)}`}
        {comment.hidden && ` · ${t('survey.comments.hiddenMark')}`}
      </p>
      <p id={textId}>{comment.comment}</p>
      <button
        type="button"
        aria-describedby={textId}
        aria-disabled={busy || undefined}
        onClick={() => !busy && onToggle(!comment.hidden)}
      >
        {comment.hidden ? t('survey.comments.show') : t('survey.comments.hide')}
        <span className="visually-hidden"> {t('survey.comments.of', { day: comment.answeredOn })}</span>
      </button>
    </li>
  );
}

/**
 * The survey's comments for moderation (issue 18 §3), newest day first, 20 to a page: staff hide a
 * comment (it stays stored as written, out of the export) or show it again. None are listed while the
 * survey has fewer answers than its minimum — the same privacy rule as the figures.
 */
export function SurveyComments({ institutionId, surveyId }: { institutionId: string; surveyId: string }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const position = usePagePosition(surveyId);
  const list = useQuery({
    ...surveyCommentsQuery(institutionId, surveyId, position.at),
    placeholderData: keepPreviousData,
  });
  const focusList = useFocusWhenShown(heading, !list.isPlaceholderData);
  const toggle = useSetCommentHidden(institutionId, surveyId);
  const page = list.data ? pageAt(position.at)(list.data) : null;
  return (
    <section aria-labelledby="sv-comments">
      <h3 id="sv-comments" ref={heading} tabIndex={-1}>
        {t('survey.comments.title')}
      </h3>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorNotice error={list.error} />
      ) : !list.data.shown ? (
        <p className="empty">{t('survey.comments.belowMinimum', { n: list.data.n, min: list.data.minAnswers })}</p>
      ) : list.data.items.length === 0 ? (
        <p className="empty">{t('survey.comments.none')}</p>
      ) : (
        <ul className="survey-comments">
          {list.data.items.map((c) => (
            <CommentItem
              key={c.answerId}
              comment={c}
              busy={toggle.isPending && toggle.variables?.answerId === c.answerId}
              onToggle={(hidden) => toggle.mutate({ answerId: c.answerId, hidden })}
            />
          ))}
        </ul>
      )}
      {toggle.isError && <ErrorNotice error={toggle.error} />}
      {page && (
        <Pager
          page={page}
          loading={list.isFetching}
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
  );
}
