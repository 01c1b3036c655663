/**
 * Key builders. Every key in the table is built here, so that the shape of an item collection is
 * stated once and listed in docs/data-model.md. Parts are joined with `#`; ids must not contain it.
 */
import { AppError } from '../errors';

export interface ItemKey {
  pk: string;
  sk: string;
}

const SEP = '#';

export function keyPart(...parts: (string | number)[]): string {
  for (const p of parts) {
    // An id with the separator could address another item: it names nothing, so it is "not found" (never a 500).
    if (typeof p === 'string' && p.includes(SEP))
      throw new AppError('NOT_FOUND', `Key part must not contain "${SEP}": ${p}`);
  }
  return parts.join(SEP);
}

export const keys = {
  /** The sentinel item the health check reads; it never needs to exist. */
  health: (): ItemKey => ({ pk: 'HEALTH', sk: 'HEALTH' }),
  /**
   * Marker items that make a value unique platform-wide (e-mail, NIP, certificate number…). The value
   * is percent-encoded, so any text (an e-mail may contain `#`) makes a valid key.
   */
  unique: (kind: string, value: string): ItemKey => ({
    pk: keyPart('UNIQUE', kind, encodeURIComponent(value)),
    sk: 'UNIQUE',
  }),
  /** A user's profile; their sessions live in the same partition. */
  user: (userId: string): ItemKey => ({ pk: keyPart('USER', userId), sk: 'PROFILE' }),
  session: (userId: string, sessionId: string): ItemKey => ({
    pk: keyPart('USER', userId),
    sk: keyPart('SESSION', sessionId),
  }),
  sessionPrefix: 'SESSION#',
  /** Single-use tokens (e-mail verification, password reset, invitation), keyed by the token's SHA-256. */
  token: (tokenHash: string): ItemKey => ({ pk: keyPart('TOKEN', tokenHash), sk: 'TOKEN' }),
  /** Failure counters of the login rate limit; the subject (e-mail, address) is hashed. */
  rateCounter: (scope: string, subjectHash: string): ItemKey => ({
    pk: keyPart('RATE', scope, subjectHash),
    sk: 'RATE',
  }),
  institution: (institutionId: string): ItemKey => ({ pk: keyPart('INSTITUTION', institutionId), sk: 'PROFILE' }),
  member: (institutionId: string, userId: string): ItemKey => ({
    pk: keyPart('INSTITUTION', institutionId),
    sk: keyPart('MEMBER', userId),
  }),
  memberPrefix: 'MEMBER#',
  /** The audit trail: one partition per day, time-ordered; gsi1 lists one subject's entries. */
  auditEntry: (day: string, at: string, id: string): ItemKey => ({ pk: keyPart('AUDIT', day), sk: keyPart(at, id) }),
  auditDay: (day: string) => keyPart('AUDIT', day),
  auditSubject: (subjectType: string, subjectId: string) => keyPart('AUDIT_SUBJECT', subjectType, subjectId),
  /** An edition: settings, rubric and questionnaire in one versioned item; its extensions and exports beside it. */
  edition: (editionId: string): ItemKey => ({ pk: keyPart('EDITION', editionId), sk: 'EDITION' }),
  /** gsi1 partition of the edition list (a handful of items a year, written rarely). */
  editions: () => 'EDITIONS',
  extension: (editionId: string, institutionId: string): ItemKey => ({
    pk: keyPart('EDITION', editionId),
    sk: keyPart('EXTENSION', institutionId),
  }),
  extensionPrefix: 'EXTENSION#',
  exportJob: (editionId: string, exportId: string): ItemKey => ({
    pk: keyPart('EDITION', editionId),
    sk: keyPart('EXPORT', exportId),
  }),
  exportPrefix: 'EXPORT#',
  /** An application: its header, one item per answered section and one per attachment, in one partition. */
  application: (applicationId: string): ItemKey => ({ pk: keyPart('APPLICATION', applicationId), sk: 'APPLICATION' }),
  applicationPartition: (applicationId: string) => keyPart('APPLICATION', applicationId),
  section: (applicationId: string, sectionId: string): ItemKey => ({
    pk: keyPart('APPLICATION', applicationId),
    sk: keyPart('SECTION', sectionId),
  }),
  sectionPrefix: 'SECTION#',
  attachment: (applicationId: string, attachmentId: string): ItemKey => ({
    pk: keyPart('APPLICATION', applicationId),
    sk: keyPart('ATTACHMENT', attachmentId),
  }),
  attachmentPrefix: 'ATTACHMENT#',
  /** gsi1: an institution's applications, by edition. */
  institutionApplications: (institutionId: string) => keyPart('INSTITUTION_APPLICATIONS', institutionId),
  /** gsi2: an edition's applications, sorted by status then name, so a status filter is a key prefix. */
  editionApplications: (editionId: string) => keyPart('EDITION_APPLICATIONS', editionId),
  /** The one-application-per-institution-per-edition marker value. */
  applicationMarker: (editionId: string, institutionId: string) => `${editionId}:${institutionId}`,
  /** A chapter member of an edition; gsi1 lists an expert's editions. */
  chapterMember: (editionId: string, userId: string): ItemKey => ({
    pk: keyPart('EDITION', editionId),
    sk: keyPart('CHAPTER', userId),
  }),
  chapterPrefix: 'CHAPTER#',
  expertChapters: (userId: string) => keyPart('EXPERT_CHAPTERS', userId),
  /** A conflict of interest stored for an edition (declared by the expert or set by the organizer). */
  conflict: (editionId: string, userId: string, institutionId: string): ItemKey => ({
    pk: keyPart('EDITION', editionId),
    sk: keyPart('CONFLICT', userId, institutionId),
  }),
  conflictPrefix: 'CONFLICT#',
  conflictsOf: (userId: string) => keyPart('CONFLICT', userId, ''),
  /** An expert's bid (−2…+2) for an application. */
  bid: (editionId: string, userId: string, applicationId: string): ItemKey => ({
    pk: keyPart('EDITION', editionId),
    sk: keyPart('BID', userId, applicationId),
  }),
  bidPrefix: 'BID#',
  bidsOf: (userId: string) => keyPart('BID', userId, ''),
  /** Rules, weights and the bidding window of an edition's assignment. */
  assignmentSettings: (editionId: string): ItemKey => ({
    pk: keyPart('EDITION', editionId),
    sk: 'ASSIGNMENT_SETTINGS',
  }),
  /** The head of the committed assignment: which generation is current, its version and last preview. */
  assignmentHead: (editionId: string): ItemKey => ({ pk: keyPart('EDITION', editionId), sk: 'ASSIGNMENT' }),
  /** One expert's applications in one generation; a commit writes a new generation, then moves the head. */
  expertAssignment: (editionId: string, generation: string, userId: string): ItemKey => ({
    pk: keyPart('EDITION', editionId),
    sk: keyPart('ASSIGNMENT', generation, userId),
  }),
  assignmentPrefix: 'ASSIGNMENT#',
  generationPrefix: (generation: string) => keyPart('ASSIGNMENT', generation, ''),
  /** One expert's score sheet of one application; all sheets of an application share a partition. */
  sheet: (applicationId: string, expertId: string): ItemKey => ({
    pk: keyPart('SHEETS', applicationId),
    sk: keyPart('SHEET', expertId),
  }),
  applicationSheets: (applicationId: string) => keyPart('SHEETS', applicationId),
  sheetPrefix: 'SHEET#',
  /** gsi1: every sheet of an edition (the organizer's progress and disagreement views). */
  editionSheets: (editionId: string) => keyPart('EDITION_SHEETS', editionId),
  editionSheetSort: (applicationId: string, expertId: string) => keyPart(applicationId, expertId),
  /** A mystery-shopper evidence file of one expert's sheet, beside the sheets of the application. */
  evidence: (applicationId: string, expertId: string, fileId: string): ItemKey => ({
    pk: keyPart('SHEETS', applicationId),
    sk: keyPart('EVIDENCE', expertId, fileId),
  }),
  evidencePrefix: (expertId: string) => keyPart('EVIDENCE', expertId, ''),
  /** "This reminder was sent to this expert": written once, so a job run twice mails once. */
  reminderSent: (editionId: string, point: string, expertId: string): ItemKey => ({
    pk: keyPart('EDITION', editionId),
    sk: keyPart('REMINDER', point, expertId),
  }),
  /** The results of an edition (issue 14): method, lock and the head of the published versions. */
  deliberation: (editionId: string): ItemKey => ({ pk: keyPart('EDITION', editionId), sk: 'RESULTS' }),
  /** The chapter's decision about one application (absent: the computed outcome stands). */
  decision: (editionId: string, applicationId: string): ItemKey => ({
    pk: keyPart('EDITION', editionId),
    sk: keyPart('DECISION', applicationId),
  }),
  decisionPrefix: 'DECISION#',
  /** One published version of an edition's results: immutable, written once. */
  snapshot: (editionId: string, version: number): ItemKey => ({
    pk: keyPart('RESULTS', editionId),
    sk: keyPart('VERSION', String(version).padStart(6, '0')),
  }),
  snapshotPartition: (editionId: string) => keyPart('RESULTS', editionId),
  snapshotPrefix: 'VERSION#',
  /** gsi1: every published version of every edition (a handful a year). */
  publishedResults: () => 'PUBLISHED_RESULTS',
  /** An application's own result, written after publication. */
  applicationResult: (applicationId: string): ItemKey => ({
    pk: keyPart('APPLICATION', applicationId),
    sk: 'RESULT',
  }),
  /** gsi1: an institution's results over the years (history and movement). */
  institutionResults: (institutionId: string) => keyPart('INSTITUTION_RESULTS', institutionId),
  /** gsi2: an edition's application results by outcome (the fee list is the `laureate#` prefix). */
  editionResults: (editionId: string) => keyPart('EDITION_RESULTS', editionId),
  /** "The result mail of this version went to this application": written once, so a retried batch mails once. */
  resultMailSent: (editionId: string, version: number, applicationId: string): ItemKey => ({
    pk: keyPart('EDITION', editionId),
    sk: keyPart('RESULT_MAIL', String(version), applicationId),
  }),
  /** A certificate (issue 15), addressed by its public code: what the verification page reads. */
  certificate: (code: string): ItemKey => ({ pk: keyPart('CERT', code), sk: 'CERTIFICATE' }),
  /** gsi1: every certificate of an edition, by number (the organizer's list, the ZIP). */
  editionCertificates: (editionId: string) => keyPart('EDITION_CERTS', editionId),
  /** An application's current certificate (the newest issue). */
  certificatePointer: (applicationId: string): ItemKey => ({
    pk: keyPart('APPLICATION', applicationId),
    sk: 'CERTIFICATE',
  }),
  /** The next certificate number of an edition (PU/<year>/<seq>), advanced in the issuing transaction. */
  certificateCounter: (editionId: string): ItemKey => ({ pk: keyPart('EDITION', editionId), sk: 'CERT_COUNTER' }),
  /** Every public key credentials were ever signed with, so rotation keeps old credentials verifiable. */
  credentialKey: (kid: string): ItemKey => ({ pk: 'CREDENTIAL_KEYS', sk: keyPart('KEY', kid) }),
  credentialKeys: () => 'CREDENTIAL_KEYS',
  /**
   * An address SES reported a permanent bounce or a complaint for (shared/mail/): one item per
   * lower-cased address, percent-encoded like the unique markers.
   */
  mailSuppression: (address: string): ItemKey => ({
    pk: keyPart('SUPPRESSION', encodeURIComponent(address)),
    sk: 'SUPPRESSION',
  }),
  /** gsi1 partition of the organizer's user list, one per role. */
  usersByRole: (role: string) => keyPart('USERS', role),
  /** A residents' survey (issue 18): its settings, its counts and its answers in one partition. */
  survey: (surveyId: string): ItemKey => ({ pk: keyPart('SURVEY', surveyId), sk: 'SURVEY' }),
  /** The survey's running counts: one item, so results are one read whatever the number of answers. */
  surveyCounts: (surveyId: string): ItemKey => ({ pk: keyPart('SURVEY', surveyId), sk: 'COUNTS' }),
  surveyAnswer: (surveyId: string, answerId: string): ItemKey => ({
    pk: keyPart('SURVEY', surveyId),
    sk: keyPart('ANSWER', answerId),
  }),
  surveyPartition: (surveyId: string) => keyPart('SURVEY', surveyId),
  answerPrefix: 'ANSWER#',
  /** gsi1: an institution's surveys, newest first. */
  institutionSurveys: (institutionId: string) => keyPart('INSTITUTION_SURVEYS', institutionId),
  /** gsi1 (sparse): a survey's answers that carry a comment, newest first (comment moderation). */
  surveyComments: (surveyId: string) => keyPart('SURVEY_COMMENTS', surveyId),
  /** A resident's feedback (issue 18 §6), in its institution's partition: ids are ULIDs, so newest first. */
  feedback: (institutionId: string, feedbackId: string): ItemKey => ({
    pk: keyPart('INSTITUTION_FEEDBACK', institutionId),
    sk: keyPart('FEEDBACK', feedbackId),
  }),
  institutionFeedback: (institutionId: string) => keyPart('INSTITUTION_FEEDBACK', institutionId),
  feedbackPrefix: 'FEEDBACK#',
  /** gsi1: an institution's feedback of one status, newest first (the inbox's filter). */
  institutionFeedbackByStatus: (institutionId: string, status: string) =>
    keyPart('INSTITUTION_FEEDBACK', institutionId, status),
  /** A tracking code's lookup item, addressed by the code's SHA-256 (the code itself is stored nowhere). */
  feedbackCode: (codeHash: string): ItemKey => ({ pk: keyPart('FEEDBACK_CODE', codeHash), sk: 'CODE' }),
  /** A single-use upload slot for a feedback's attachment (removed by TTL when never used). */
  feedbackSlot: (slotId: string): ItemKey => ({ pk: keyPart('FEEDBACK_SLOT', slotId), sk: 'SLOT' }),
  /** The standard measurement of a year (issue 18 §4): its settings, its participants and its published ranking. */
  measurement: (year: number): ItemKey => ({ pk: keyPart('MEASUREMENT', year), sk: 'MEASUREMENT' }),
  measurementPartition: (year: number) => keyPart('MEASUREMENT', year),
  measurementParticipant: (year: number, institutionId: string): ItemKey => ({
    pk: keyPart('MEASUREMENT', year),
    sk: keyPart('PARTICIPANT', institutionId),
  }),
  participantPrefix: 'PARTICIPANT#',
  /** The ranking frozen at publication: later answers never change it. */
  measurementRanking: (year: number): ItemKey => ({ pk: keyPart('MEASUREMENT', year), sk: 'RANKING' }),
  /** gsi1: every year's measurement (one item a year), newest first. */
  measurements: () => 'MEASUREMENTS',
};
