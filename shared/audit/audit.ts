import * as z from 'zod/mini';

/**
 * The audit trail: who did what to what, when, from where, with before/after for changes. Entries
 * are written in the same transaction as the change they record whenever there is one, so a change
 * without its entry (or an entry without its change) cannot exist. How entries are stored is
 * audit-store.ts.
 */
export const auditActions = [
  'institution.registered',
  'institution.updated',
  'member.invited',
  'expert.invited',
  'organizer.created',
  'invitation.accepted',
  'user.profileUpdated',
  'user.deactivated',
  'user.reactivated',
  'security.loginFailureBurst',
  'security.passwordReset',
  'security.logoutEverywhere',
  'mail.skippedSuppressed',
  'edition.created',
  'edition.cloned',
  'edition.settingsUpdated',
  'edition.rubricUpdated',
  'edition.questionnaireUpdated',
  'edition.stateChanged',
  'edition.closedWithMissingSheets',
  'extension.granted',
  'application.started',
  'application.submitted',
  'application.withdrawn',
  'application.accepted',
  'application.returned',
  'application.rejected',
  'export.requested',
  'chapter.memberAdded',
  'chapter.memberUpdated',
  'chapter.memberRemoved',
  'assignment.settingsUpdated',
  'conflict.declared',
  'conflict.set',
  'conflict.removed',
  'assignment.committed',
  'assignment.pairAdded',
  'assignment.pairRemoved',
  'assignment.pairSwapped',
  'assignment.pairLocked',
  'sheet.scoresChanged',
  'sheet.submitted',
  'sheet.reopened',
  'sheet.discarded',
  'sheet.reconsiderationRequested',
  'scoring.reminderSent',
  'results.methodChanged',
  'results.decided',
  'results.locked',
  'results.unlocked',
  'results.published',
  'results.corrected',
  'certificates.issued',
  'certificate.revoked',
  'certificate.reissued',
  'surveyComment.hidden',
  'surveyComment.shown',
  'feedback.statusChanged',
  'feedback.answered',
  'measurement.opened',
  'measurement.optedIn',
  'measurement.optedOut',
  'measurement.published',
] as const;
export type AuditAction = (typeof auditActions)[number];

/**
 * Kinds of event as an organizer looks for them (the audit page's filter): every action belongs to
 * exactly one group (test/unit/audit-groups.test.ts).
 */
export const auditActionGroups = {
  accounts: [
    'member.invited',
    'expert.invited',
    'organizer.created',
    'invitation.accepted',
    'user.profileUpdated',
    'user.deactivated',
    'user.reactivated',
    'security.loginFailureBurst',
    'security.passwordReset',
    'security.logoutEverywhere',
    'mail.skippedSuppressed',
  ],
  institutions: [
    'institution.registered',
    'institution.updated',
    'surveyComment.hidden',
    'surveyComment.shown',
    'feedback.statusChanged',
    'feedback.answered',
    'measurement.optedIn',
    'measurement.optedOut',
  ],
  editions: [
    'edition.created',
    'edition.cloned',
    'edition.settingsUpdated',
    'edition.rubricUpdated',
    'edition.questionnaireUpdated',
    'edition.stateChanged',
    'edition.closedWithMissingSheets',
  ],
  applications: [
    'application.started',
    'application.submitted',
    'application.withdrawn',
    'application.accepted',
    'application.returned',
    'application.rejected',
    'extension.granted',
    'export.requested',
  ],
  review: [
    'chapter.memberAdded',
    'chapter.memberUpdated',
    'chapter.memberRemoved',
    'assignment.settingsUpdated',
    'conflict.declared',
    'conflict.set',
    'conflict.removed',
    'assignment.committed',
    'assignment.pairAdded',
    'assignment.pairRemoved',
    'assignment.pairSwapped',
    'assignment.pairLocked',
    'sheet.scoresChanged',
    'sheet.submitted',
    'sheet.reopened',
    'sheet.discarded',
    'sheet.reconsiderationRequested',
    'scoring.reminderSent',
  ],
  results: [
    'results.methodChanged',
    'results.decided',
    'results.locked',
    'results.unlocked',
    'results.published',
    'results.corrected',
    'measurement.opened',
    'measurement.published',
  ],
  certificates: ['certificates.issued', 'certificate.revoked', 'certificate.reissued'],
} as const satisfies Record<string, readonly AuditAction[]>;
export type AuditActionGroup = keyof typeof auditActionGroups;
export const auditActionGroupNames = Object.keys(auditActionGroups) as AuditActionGroup[];

export const auditSubjectTypes = ['user', 'institution', 'email', 'edition', 'application', 'measurement'] as const;
export type AuditSubjectType = (typeof auditSubjectTypes)[number];

const record = z.record(z.string(), z.unknown());

/** An entry as stored and listed; the schema reads items back (shared/audit/audit-store.ts). */
export const AuditEntry = z.object({
  entryId: z.string(),
  at: z.string(),
  action: z.enum(auditActions),
  /** Who: the signed-in user, or nobody (a failed login, the create-organizer command). */
  actor: z.object({ userId: z.optional(z.string()), label: z.string() }),
  subject: z.object({ type: z.enum(auditSubjectTypes), id: z.string(), label: z.optional(z.string()) }),
  /** From where: the client address. */
  ip: z.optional(z.string()),
  before: z.optional(record),
  after: z.optional(record),
  details: z.optional(record),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export type NewAuditEntry = Omit<AuditEntry, 'entryId' | 'at'>;

/** Only what changed, for before/after. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) {
      b[k] = before[k];
      a[k] = after[k];
    }
  }
  return { before: b, after: a };
}
