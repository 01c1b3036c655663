import * as z from 'zod/mini';
import { emailAddress, longText } from '../institutions/institution';
import { FeedbackAttachment } from './attachment';

/**
 * Residents' feedback with tracking codes (issue 18 §6, seed 004): a complaint, a suggestion or praise
 * sent to an office without an account. The office triages it (new → in progress → answered →
 * closed) and answers publicly (the resident reads it by the tracking code) and/or keeps a private
 * note. Labels live in the web locales (`feedback.category.*`, `feedback.status.*`).
 */
export const feedbackCategories = ['complaint', 'suggestion', 'praise'] as const;
export type FeedbackCategory = (typeof feedbackCategories)[number];

export const feedbackStatuses = ['new', 'in_progress', 'answered', 'closed'] as const;
export type FeedbackStatus = (typeof feedbackStatuses)[number];

export const MAX_FEEDBACK_TEXT = 2000;
export const MAX_FEEDBACK_ANSWER = 2000;

/** What a resident sends; `website` is the honeypot (hidden from people, filled by bots). */
export const FeedbackInput = z.object({
  category: z.enum(feedbackCategories),
  text: longText(MAX_FEEDBACK_TEXT),
  /** Only for status mails: never shown to anyone, the office's staff included. */
  email: z.optional(emailAddress),
  website: z.optional(z.string().check(z.maxLength(200))),
  /** An upload slot holding the optional attachment (request-attachment-slot.ts), used up by this sending. */
  attachmentSlot: z.optional(z.string().check(z.regex(/^[0-9a-f]{32}$/, 'attachmentSlot'))),
});
export type FeedbackInput = z.infer<typeof FeedbackInput>;

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'date'));

/**
 * A feedback item as stored: no address, no user agent, no account, and not the tracking code (only
 * its hash, on its own lookup item — tracking-code.ts). Days are Europe/Warsaw calendar days.
 */
export const Feedback = z.object({
  feedbackId: z.string(),
  institutionId: z.string(),
  institutionName: z.string(),
  category: z.enum(feedbackCategories),
  text: z.string(),
  replyEmail: z.optional(z.string()),
  status: z.enum(feedbackStatuses),
  publicAnswer: z.optional(z.string()),
  privateNote: z.optional(z.string()),
  submittedAt: z.string(),
  submittedOn: day,
  /** The first day it was answered (kept when it is reopened): the "time to answer". */
  answeredOn: z.optional(day),
  closedOn: z.optional(day),
  updatedAt: z.string(),
  version: z.number(),
  /** The optional attachment: its checked type, size and SHA-256 (never the resident's file name). Immutable. */
  attachment: z.optional(FeedbackAttachment),
});
export type Feedback = z.infer<typeof Feedback>;

/**
 * Where each status may go. `closed` is reachable from anywhere (spam, a duplicate, nothing to do);
 * an answered item may be reopened (the resident wrote back by other means); closed is final.
 */
const next: Record<FeedbackStatus, readonly FeedbackStatus[]> = {
  new: ['in_progress', 'answered', 'closed'],
  in_progress: ['answered', 'closed'],
  answered: ['in_progress', 'closed'],
  closed: [],
};

export const nextStatuses = (from: FeedbackStatus): readonly FeedbackStatus[] => next[from];
export const canMove = (from: FeedbackStatus, to: FeedbackStatus): boolean => next[from].includes(to);

/**
 * The item after a move on `day`: the first answer's day is kept (reopening and answering again does
 * not reset the time to answer); a close stamps its day.
 */
export function moved(
  feedback: Feedback,
  to: FeedbackStatus,
  day: string,
  at: string,
): Pick<Feedback, 'status' | 'answeredOn' | 'closedOn' | 'updatedAt'> {
  return {
    status: to,
    answeredOn: feedback.answeredOn ?? (to === 'answered' ? day : undefined),
    closedOn: to === 'closed' ? day : undefined,
    updatedAt: at,
  };
}

/** What anyone holding the tracking code sees: never the text's author's e-mail, never the private note. */
export interface PublicFeedback {
  institutionName: string;
  category: FeedbackCategory;
  status: FeedbackStatus;
  submittedOn: string;
  answeredOn?: string;
  closedOn?: string;
  publicAnswer?: string;
  /** Only that there is one: the file is for the office's staff, never downloadable by code. */
  hasAttachment: boolean;
}

export const publicView = (f: Feedback): PublicFeedback => ({
  institutionName: f.institutionName,
  category: f.category,
  status: f.status,
  submittedOn: f.submittedOn,
  ...(f.answeredOn ? { answeredOn: f.answeredOn } : {}),
  ...(f.closedOn ? { closedOn: f.closedOn } : {}),
  ...(f.publicAnswer ? { publicAnswer: f.publicAnswer } : {}),
  hasAttachment: !!f.attachment,
});
