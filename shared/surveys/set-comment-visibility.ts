import { type Caller, signedIn } from '../access/caller';
import { callerActor } from '../accounts/user-read-store';
import { auditPut } from '../audit/audit-store';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { isAnswerId, type SurveyComment, surveyComment } from './survey';
import { findAnswer, getOwnSurvey, saveCommentVisibility } from './survey-store';

export type SetCommentVisibilityDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;

const noComment = () => new AppError('NOT_FOUND', 'No such comment');

/**
 * Staff hide a resident's comment (offensive, or naming a person) or show it again (issue 18 §3). The
 * text is never changed — moderation only decides whether it is shown — and every change is audited
 * in the same transaction. Asking for the state it already has changes nothing and writes nothing.
 */
export async function setCommentVisibility(
  deps: SetCommentVisibilityDeps,
  input: { caller: Caller; institutionId: string; surveyId: string; answerId: string; hidden: boolean },
): Promise<SurveyComment> {
  signedIn(input.caller);
  const survey = await getOwnSurvey(deps.store, input.institutionId, input.surveyId);
  if (!isAnswerId(input.answerId)) throw noComment();
  const answer = await findAnswer(deps.store, survey.surveyId, input.answerId);
  if (!answer?.comment) throw noComment();
  const current = surveyComment({ ...answer, comment: answer.comment });
  if (current.hidden === input.hidden) return current;
  const actor = await callerActor(deps.store, input.caller);
  const at = deps.clock.now().toISOString();
  await saveCommentVisibility(
    deps.store,
    survey.surveyId,
    { answerId: answer.answerId, wasHidden: current.hidden, hidden: input.hidden, by: actor.label, at },
    auditPut(deps, {
      action: input.hidden ? 'surveyComment.hidden' : 'surveyComment.shown',
      actor,
      subject: { type: 'institution', id: survey.institutionId, label: survey.institutionName },
      ip: input.caller.ip,
      before: { hidden: current.hidden },
      after: { hidden: input.hidden },
      details: { surveyId: survey.surveyId, answerId: answer.answerId },
    }),
  );
  return { ...current, hidden: input.hidden, moderatedBy: actor.label, moderatedAt: at };
}
