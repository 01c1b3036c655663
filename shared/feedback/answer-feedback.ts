import * as z from 'zod/mini';
import type { Caller } from '../access/caller';
import { callerActor } from '../accounts/user-read-store';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { MAX_FEEDBACK_ANSWER } from './feedback';
import { findFeedback, saveFeedback } from './feedback-store';
import { type StaffFeedback, staffView } from './list-feedback';

/** The public answer (the resident reads it by code) and/or the private note; an empty text clears it. */
export const FeedbackAnswerInput = z
  .object({
    publicAnswer: z.optional(z.string().check(z.trim(), z.maxLength(MAX_FEEDBACK_ANSWER))),
    privateNote: z.optional(z.string().check(z.trim(), z.maxLength(MAX_FEEDBACK_ANSWER))),
    /** The version the clerk read: a newer write in another tab is not overwritten. */
    version: z.number().check(z.int(), z.positive()),
  })
  .check(
    z.refine((a) => a.publicAnswer !== undefined || a.privateNote !== undefined, {
      message: 'required',
      path: ['publicAnswer'],
    }),
  );
export type FeedbackAnswerInput = z.infer<typeof FeedbackAnswerInput>;

/**
 * The office's public answer and/or private note to a feedback (issue 18 §6). The status is moved
 * separately (change-feedback-status.ts), so a clerk may draft an answer before marking it answered.
 * Conditional on the version read (409 when another tab wrote meanwhile); audited without the texts.
 */
export async function answerFeedback(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  input: { caller: Caller; institutionId: string; feedbackId: string; answer: FeedbackAnswerInput },
): Promise<StaffFeedback> {
  const [feedback, actor] = await Promise.all([
    findFeedback(deps.store, input.institutionId, input.feedbackId, { consistent: true }),
    callerActor(deps.store, input.caller),
  ]);
  if (!feedback) throw new AppError('NOT_FOUND', 'No such feedback');
  const { publicAnswer, privateNote, version } = input.answer;
  if (feedback.version !== version)
    throw new AppError('CONCURRENT_MODIFICATION', 'The feedback changed meanwhile', {
      detail: {
        pl: 'Ktoś w międzyczasie zmienił tę opinię (np. w innej karcie). Odśwież ją, zanim zapiszesz odpowiedź.',
        en: 'Someone changed this feedback meanwhile (in another tab, perhaps). Reload it before saving the answer.',
      },
    });
  const { publicAnswer: _a, privateNote: _n, ...rest } = feedback;
  const nextAnswer = publicAnswer ?? feedback.publicAnswer;
  const nextNote = privateNote ?? feedback.privateNote;
  const changed = {
    ...rest,
    ...(nextAnswer ? { publicAnswer: nextAnswer } : {}),
    ...(nextNote ? { privateNote: nextNote } : {}),
    updatedAt: deps.clock.now().toISOString(),
    version: feedback.version + 1,
  };
  await saveFeedback(deps, changed, feedback.version, {
    action: 'feedback.answered',
    actor,
    subject: { type: 'institution', id: input.institutionId },
    ip: input.caller.ip,
    details: {
      feedbackId: feedback.feedbackId,
      publicAnswer: publicAnswer === undefined ? 'unchanged' : publicAnswer ? 'set' : 'cleared',
      privateNote: privateNote === undefined ? 'unchanged' : privateNote ? 'set' : 'cleared',
    },
  });
  return staffView(changed);
}
