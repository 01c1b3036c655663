import * as z from 'zod/mini';
import type { Edition } from '../editions/edition';
import type { Message } from '../editions/localized';
import { AnswerValue, fileKinds } from '../editions/questionnaire';
import { searchKey } from '../text/search-key';
import { headcountBrackets, institutionTypes, voivodeships } from '../institutions/institution';

/**
 * An institution's application to an edition. Statuses:
 *  draft → submitted → accepted (formally) | returned (for correction) | rejected (ineligible);
 *  returned → submitted again; submitted → withdrawn (before the deadline) → submitted again.
 */
export const applicationStatuses = ['draft', 'submitted', 'returned', 'accepted', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

/** Statuses in which the institution may still change answers and attachments. */
export const editableStatuses: readonly ApplicationStatus[] = ['draft', 'returned', 'withdrawn'];

/** A moment the server recorded (ISO 8601). */
const timestamp = z.string();

/** An application's header: who applies to which edition, its status and version. */
export const ApplicationHeader = z.object({
  applicationId: z.string(),
  editionId: z.string(),
  institutionId: z.string(),
  /** A snapshot of the institution when the application was started, for the organizer's list. */
  institution: z.object({
    name: z.string(),
    nip: z.string(),
    type: z.enum(institutionTypes),
    voivodeship: z.enum(voivodeships),
    headcount: z.enum(headcountBrackets),
  }),
  status: z.enum(applicationStatuses),
  createdAt: timestamp,
  createdBy: z.string(),
  updatedAt: timestamp,
  submittedAt: z.optional(timestamp),
  submittedBy: z.optional(z.string()),
  /** Set when returned for correction: the message and the new deadline. */
  correction: z.optional(z.object({ message: z.string(), deadline: timestamp, returnedAt: timestamp })),
  rejection: z.optional(z.object({ reason: z.string(), rejectedAt: timestamp })),
  version: z.number(),
});
export type ApplicationHeader = z.infer<typeof ApplicationHeader>;

/** One section's saved answers, versioned (optimistic locking per section). */
export const SectionAnswers = z.object({
  sectionId: z.string(),
  answers: z.record(z.string(), AnswerValue),
  version: z.number(),
  updatedAt: timestamp,
  updatedBy: z.string(),
});
export type SectionAnswers = z.infer<typeof SectionAnswers>;

export const Attachment = z.object({
  attachmentId: z.string(),
  questionId: z.string(),
  fileName: z.string(),
  size: z.number(),
  /** Declared by the browser at upload; `kind` is what the content turned out to be. */
  contentType: z.string(),
  kind: z.optional(z.enum(fileKinds)),
  status: z.enum(['pending', 'ready']),
  /** Hex SHA-256 the browser declared before uploading: the only bytes the upload link accepts. */
  declaredSha256: z.optional(z.string()),
  /** When the upload link was used (it is single use). */
  uploadedAt: z.optional(timestamp),
  /** Hex SHA-256 of the stored bytes, checked again on every download. */
  sha256: z.optional(z.string()),
  createdAt: timestamp,
});
export type Attachment = z.infer<typeof Attachment>;

/** One institution may submit to this edition until `until` (granted by an organizer). */
export const Extension = z.object({
  editionId: z.string(),
  institutionId: z.string(),
  until: timestamp,
  reason: z.string(),
  /** The granting organizer's e-mail and their name at the time (absent on extensions granted before names were kept). */
  grantedBy: z.string(),
  grantedByName: z.optional(z.string()),
  grantedAt: timestamp,
});
export type Extension = z.infer<typeof Extension>;

/** Ready files per question (a file question is answered by its ready attachments). */
export function readyFilesByQuestion(attachments: readonly Attachment[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const a of attachments) if (a.status === 'ready') counts[a.questionId] = (counts[a.questionId] ?? 0) + 1;
  return counts;
}

export { searchKey };

export type Window = { open: true; closesAt: string } | { open: false; reason: Message };

/**
 * Whether the institution may change or submit its application now, by the server's clock: before
 * the edition's deadline (or this institution's extension), or before the correction deadline of a
 * returned application. The deadline itself is already too late.
 */
export function submissionWindow(
  edition: Pick<Edition, 'state' | 'timeline'>,
  application: Pick<ApplicationHeader, 'status' | 'correction'>,
  extension: Pick<Extension, 'until'> | null,
  now: Date,
): Window {
  const t = now.getTime();
  if (application.status === 'returned' && application.correction) {
    const deadline = application.correction.deadline;
    return t < Date.parse(deadline) ? { open: true, closesAt: deadline } : closed(deadline);
  }
  if (!editableStatuses.includes(application.status) && application.status !== 'submitted') {
    return {
      open: false,
      reason: {
        pl: 'Zgłoszenie zostało już rozpatrzone formalnie.',
        en: 'The application has already been formally checked.',
      },
    };
  }
  if (edition.state === 'draft' || t < Date.parse(edition.timeline.applicationsOpen)) {
    return { open: false, reason: { pl: 'Nabór jeszcze się nie rozpoczął.', en: 'Applications are not open yet.' } };
  }
  const close = Date.parse(edition.timeline.applicationsClose);
  const until = extension && Date.parse(extension.until) > close ? extension.until : edition.timeline.applicationsClose;
  if (edition.state !== 'open' && !(extension && Date.parse(extension.until) > t)) return closed(until);
  return t < Date.parse(until) ? { open: true, closesAt: until } : closed(until);
}

function closed(deadline: string): Window {
  const when = formatWarsaw(deadline);
  return { open: false, reason: { pl: `Termin minął ${when.pl}.`, en: `The deadline passed on ${when.en}.` } };
}

/** "31.03.2026, 23:59" in Europe/Warsaw, as clerks read it. */
export function formatWarsaw(iso: string): { pl: string; en: string } {
  const d = new Date(iso);
  const f = (locale: string) =>
    new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Warsaw', dateStyle: 'medium', timeStyle: 'short' }).format(d);
  return { pl: `${f('pl-PL')} (czasu polskiego)`, en: `${f('en-GB')} (Polish time)` };
}
