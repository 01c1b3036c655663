import * as z from 'zod/mini';
import { localized } from '../editions/localized';
import { longText } from '../institutions/institution';

/**
 * Residents' voice (issue 18): a post-contact satisfaction survey an institution runs. Every survey
 * carries the standard measurement — the three aspects Kraków's contact centre asks after each call
 * (seed 001) on a 1–5 scale — so offices can be compared; an office may add up to five own questions
 * on the same scale. Labels live in the web locales (`survey.aspect.*`, `survey.matter.*`…).
 */
export const standardAspects = ['waiting', 'usefulness', 'engagement'] as const;
export type StandardAspect = (typeof standardAspects)[number];

/** The scale: 1 — bardzo źle … 5 — bardzo dobrze; 4 and 5 count as satisfied. */
export const scale = [1, 2, 3, 4, 5] as const;
export type ScaleValue = (typeof scale)[number];
export const SATISFIED_FROM = 4;

/** How the resident was served (pre-filled from the link handed out after the contact). */
export const contactChannels = ['in_person', 'phone', 'email', 'online', 'letter'] as const;
export type ContactChannel = (typeof contactChannels)[number];

/** What the matter was: a short list every office understands (the breakdown "which matters residents are most satisfied with"). */
export const contactMatters = [
  'civil_registry', // USC, dowody osobiste, meldunki
  'taxes_fees', // podatki i opłaty lokalne
  'social_support', // świadczenia, pomoc społeczna
  'construction', // budownictwo, planowanie przestrzenne
  'transport', // rejestracja pojazdów, prawo jazdy
  'environment', // odpady, ochrona środowiska
  'business', // działalność gospodarcza
  'other',
] as const;
export type ContactMatter = (typeof contactMatters)[number];

export const MAX_OWN_QUESTIONS = 5;
export const MAX_COMMENT = 1000;
/** Below this many answers a figure is not shown, so no single resident can be recognised (issue 18 §3). */
export const DEFAULT_MIN_ANSWERS = 10;

/** A calendar day, YYYY-MM-DD, that exists (no 30 February). */
const day = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'date'),
  z.refine((d) => {
    const date = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(d);
  }, 'date'),
);
const questionId = z.string().check(z.regex(/^q[1-5]$/, 'code'));

export const OwnQuestion = z.object({ id: questionId, text: localized(200) });
export type OwnQuestion = z.infer<typeof OwnQuestion>;

/** What the institution sets up (create and edit). */
export const SurveyDraft = z
  .object({
    title: localized(120),
    /** First and last day answers are accepted (Europe/Warsaw calendar days). */
    opensOn: day,
    closesOn: day,
    ownQuestions: z.array(OwnQuestion).check(z.maxLength(MAX_OWN_QUESTIONS, 'tooMany')),
    minAnswers: z.optional(z.number().check(z.int(), z.gte(5), z.lte(1000))),
  })
  .check(
    z.refine((d) => d.closesOn >= d.opensOn, { message: 'closesBeforeOpens', path: ['closesOn'] }),
    z.refine((d) => new Set(d.ownQuestions.map((q) => q.id)).size === d.ownQuestions.length, {
      message: 'duplicate',
      path: ['ownQuestions'],
    }),
  );
export type SurveyDraft = z.infer<typeof SurveyDraft>;

export const Survey = z.object({
  surveyId: z.string(),
  institutionId: z.string(),
  /** The office's name when the survey was set up: what the resident sees, without a second read. */
  institutionName: z.string(),
  title: localized(120),
  opensOn: day,
  closesOn: day,
  ownQuestions: z.array(OwnQuestion),
  minAnswers: z.number(),
  createdAt: z.string(),
  createdBy: z.string(),
  version: z.number(),
});
export type Survey = z.infer<typeof Survey>;

const rating = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);

/** A resident's answer as sent: every rating optional, but at least one given; `website` is the honeypot. */
export const AnswerInput = z
  .object({
    ratings: z.object({
      waiting: z.optional(rating),
      usefulness: z.optional(rating),
      engagement: z.optional(rating),
    }),
    own: z.optional(z.record(questionId, rating)),
    comment: z.optional(z.string().check(z.trim(), z.maxLength(MAX_COMMENT))),
    matter: z.optional(z.enum(contactMatters)),
    channel: z.optional(z.enum(contactChannels)),
    website: z.optional(z.string().check(z.maxLength(200))),
  })
  .check(
    z.refine((a) => standardAspects.some((s) => a.ratings[s] !== undefined) || Object.keys(a.own ?? {}).length > 0, {
      message: 'noRating',
      path: ['ratings'],
    }),
  );
export type AnswerInput = z.infer<typeof AnswerInput>;

/** An answer as stored: no address, no user agent, no account — only what the resident chose to say. */
export const StoredAnswer = z.object({
  answerId: z.string(),
  ratings: z.partialRecord(z.enum(standardAspects), rating),
  own: z.record(questionId, rating),
  comment: z.optional(longText(MAX_COMMENT)),
  /** Moderation (issue 18 §3): staff hide a comment, never edit it; who last hid or showed it, and when. */
  commentHidden: z.optional(z.boolean()),
  commentModeratedBy: z.optional(z.string()),
  commentModeratedAt: z.optional(z.string()),
  matter: z.optional(z.enum(contactMatters)),
  channel: z.optional(z.enum(contactChannels)),
  /** Europe/Warsaw month (YYYY-MM), the unit of the monthly review. */
  month: z.string(),
  /** The Warsaw day only: a time of day could be matched against other records of the moment. */
  answeredOn: z.string(),
});
export type StoredAnswer = z.infer<typeof StoredAnswer>;

/** Is the survey taking answers on this Warsaw calendar day? */
export const isOpenOn = (survey: Pick<Survey, 'opensOn' | 'closesOn'>, warsawDay: string) =>
  warsawDay >= survey.opensOn && warsawDay <= survey.closesOn;

const warsawDayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Warsaw',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Europe/Warsaw calendar day (YYYY-MM-DD) of an instant: the office's day, not UTC's. */
export const warsawDate = (instant: Date): string => warsawDayFormat.format(instant);

/** Staff hide a comment or show it again (`PUT …/comments/:answerId/hidden`). */
export const CommentVisibility = z.object({ hidden: z.boolean() });
export type CommentVisibility = z.infer<typeof CommentVisibility>;

/** An answer's id as answer-survey.ts makes it: the Warsaw day (YYYYMMDD) and 80 random bits in hex. */
export const isAnswerId = (id: string) => /^\d{8}[0-9a-f]{20}$/.test(id);

/** A comment as the staff's moderation list shows it: its day, matter and channel, never the time. */
export interface SurveyComment {
  answerId: string;
  comment: string;
  answeredOn: string;
  matter?: ContactMatter;
  channel?: ContactChannel;
  hidden: boolean;
  moderatedBy?: string;
  moderatedAt?: string;
}

export const surveyComment = (a: StoredAnswer & { comment: string }): SurveyComment => ({
  answerId: a.answerId,
  comment: a.comment,
  answeredOn: a.answeredOn,
  ...(a.matter ? { matter: a.matter } : {}),
  ...(a.channel ? { channel: a.channel } : {}),
  hidden: a.commentHidden ?? false,
  ...(a.commentModeratedBy ? { moderatedBy: a.commentModeratedBy } : {}),
  ...(a.commentModeratedAt ? { moderatedAt: a.commentModeratedAt } : {}),
});
