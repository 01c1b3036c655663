import type { HeadcountBracket, InstitutionType, Voivodeship } from '../institutions/institution';
import type { Edition } from '../editions/edition';
import type { Message } from '../editions/localized';
import type { Answers, FileKind } from '../editions/questionnaire';

/**
 * An institution's application to an edition. Statuses:
 *  draft → submitted → accepted (formally) | returned (for correction) | rejected (ineligible);
 *  returned → submitted again; submitted → withdrawn (before the deadline) → submitted again.
 */
export const applicationStatuses = ['draft', 'submitted', 'returned', 'accepted', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

/** Statuses in which the institution may still change answers and attachments. */
export const editableStatuses: readonly ApplicationStatus[] = ['draft', 'returned', 'withdrawn'];

export interface ApplicationHeader {
  applicationId: string;
  editionId: string;
  institutionId: string;
  /** A snapshot of the institution when the application was started, for the organizer's list. */
  institution: {
    name: string;
    nip: string;
    type: InstitutionType;
    voivodeship: Voivodeship;
    headcount: HeadcountBracket;
  };
  status: ApplicationStatus;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  submittedAt?: string;
  submittedBy?: string;
  /** Set when returned for correction: the message and the new deadline. */
  correction?: { message: string; deadline: string; returnedAt: string };
  rejection?: { reason: string; rejectedAt: string };
  version: number;
}

export interface SectionAnswers {
  sectionId: string;
  answers: Answers;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export interface Attachment {
  attachmentId: string;
  questionId: string;
  fileName: string;
  size: number;
  /** Declared by the browser at upload; `kind` is what the content turned out to be. */
  contentType: string;
  kind?: FileKind;
  status: 'pending' | 'ready';
  /** Hex SHA-256 the browser declared before uploading: the only bytes the upload link accepts. */
  declaredSha256?: string;
  /** When the upload link was used (it is single use). */
  uploadedAt?: string;
  /** Hex SHA-256 of the stored bytes, checked again on every download. */
  sha256?: string;
  createdAt: string;
}

export interface Extension {
  editionId: string;
  institutionId: string;
  until: string;
  reason: string;
  grantedBy: string;
  grantedAt: string;
}

/** Normalized for search: lower case, no diacritics ("Urząd Łódź" → "urzad lodz"). */
export function searchKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export type Window = { open: true; closesAt: string } | { open: false; reason: Message };

/**
 * Whether the institution may change or submit its application now, by the server's clock: before
 * the edition's deadline (or this institution's extension), or before the correction deadline of a
 * returned application. The deadline itself is already too late.
 */
export function submissionWindow(
  edition: Edition,
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
