import type { Caller } from '../access/caller';
import { deviceAccount, signDeviceToken, verifyDeviceToken } from '../accounts/device-token';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { addressSubject } from '../limits/address-subject';
import { recordFailure, reserveAttempts } from '../limits/attempts';
import { type AnswerInput, isOpenOn, type StoredAnswer, warsawDate } from './survey';
import { findSurvey, putAnswer } from './survey-store';
import { randomBytes } from 'node:crypto';

export type AnswerSurveyDeps = Pick<Deps, 'store' | 'clock' | 'ids' | 'logger' | 'keyRing'>;

/** The respondent cookie lives a year: long enough to keep one browser's answers limited, short enough to forget it. */
export const RESPONDENT_TOKEN_TTL_SECONDS = 365 * 24 * 60 * 60;
/** Respondent tokens are device tokens (device-token.ts) of no account: worthless for signing in. */
const RESPONDENT = deviceAccount('survey-respondent');

export interface AnswerSurveyInput {
  surveyId: string;
  answer: AnswerInput;
  caller: Caller;
  /** The browser's respondent cookie, if any. */
  respondentToken?: string;
}

const closed = () =>
  new AppError('INVALID_STATE', 'The survey is not taking answers', {
    detail: {
      pl: 'Ta ankieta nie przyjmuje teraz odpowiedzi (poza okresem badania).',
      en: 'This survey is not taking answers now (outside its period).',
    },
  });

/**
 * A resident's anonymous answer (issue 18 §2). Nothing identifies the resident: the answer item holds
 * only what they chose; the browser is known by a random id in a signed cookie and the address only
 * as a hashed, expiring limit counter (limit-store.ts). One attempt is reserved under both limits
 * before anything is read, so a burst cannot slip through. A filled honeypot field (invisible to
 * people) is answered like a success and stored nowhere.
 */
export async function answerSurvey(
  deps: AnswerSurveyDeps,
  input: AnswerSurveyInput,
): Promise<{ respondent: { token: string; maxAgeSeconds: number }; recorded: boolean }> {
  const now = deps.clock.now();
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const key = await deps.keyRing.key('respondent');
  const known = verifyDeviceToken(key, input.respondentToken, RESPONDENT, nowSeconds);
  const deviceId = known?.deviceId ?? deps.ids.newId();
  const respondent = {
    token: signDeviceToken(key, {
      deviceId,
      account: RESPONDENT,
      expiresAt: nowSeconds + RESPONDENT_TOKEN_TTL_SECONDS,
    }),
    maxAgeSeconds: RESPONDENT_TOKEN_TTL_SECONDS,
  };
  const reservation = await reserveAttempts(deps, [
    { limit: 'surveyDevice', subject: deviceId },
    { limit: 'surveyAddress', subject: addressSubject(input.caller.ip) },
  ]);
  // Every answer uses up the quota (a block follows the last free one), accepted or not: a limit that
  // only counted would let one answer through every half minute for ever (limits.ts `refusal`).
  await recordFailure(deps, reservation);
  if (input.answer.website) {
    deps.logger.info('survey answer dropped: honeypot filled', { surveyId: input.surveyId });
    return { respondent, recorded: false };
  }
  const survey = await findSurvey(deps.store, input.surveyId);
  if (!survey) throw new AppError('NOT_FOUND', 'No such survey');
  if (!isOpenOn(survey, warsawDate(now))) throw closed();
  const questionIds = new Set(survey.ownQuestions.map((q) => q.id));
  const unknown = Object.keys(input.answer.own ?? {}).filter((id) => !questionIds.has(id));
  if (unknown.length > 0)
    throw new AppError('VALIDATION_FAILED', 'Answers to questions the survey does not ask', {
      fields: Object.fromEntries(
        unknown.map((id) => [
          `own.${id}`,
          { pl: 'Ankieta nie zadaje tego pytania.', en: 'The survey has no such question.' },
        ]),
      ),
    });
  const { ratings, own, comment, matter, channel } = input.answer;
  const day = warsawDate(now);
  const answer: StoredAnswer = {
    // The day and 80 random bits: newest first by day, and no time of day to match against anything.
    answerId: `${day.replaceAll('-', '')}${randomBytes(10).toString('hex')}`,
    ratings: Object.fromEntries(Object.entries(ratings).filter(([, v]) => v !== undefined)),
    own: own ?? {},
    ...(comment ? { comment } : {}),
    ...(matter ? { matter } : {}),
    ...(channel ? { channel } : {}),
    month: day.slice(0, 7),
    answeredOn: day,
  };
  // The one write: the counts follow from the table's stream within about a second (count-stream-answers.ts).
  await putAnswer(deps.store, survey.surveyId, answer);
  return { respondent, recorded: true };
}
