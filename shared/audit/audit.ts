import type { Clock } from '../platform/clock';
import type { IdGenerator } from '../platform/ids';
import type { Store, TransactItem } from '../store/store';
import { keys } from '../store/keys';

/**
 * The audit trail: who did what to what, when, from where, with before/after for changes. Entries
 * are written in the same transaction as the change they record whenever there is one, so a change
 * without its entry (or an entry without its change) cannot exist.
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
  'edition.created',
  'edition.cloned',
  'edition.settingsUpdated',
  'edition.rubricUpdated',
  'edition.questionnaireUpdated',
  'edition.stateChanged',
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
  'edition.closedWithMissingSheets',
  'scoring.reminderSent',
] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditSubjectTypes = ['user', 'institution', 'email', 'edition', 'application'] as const;
export type AuditSubjectType = (typeof auditSubjectTypes)[number];

export interface AuditEntry {
  entryId: string;
  at: string;
  action: AuditAction;
  /** Who: the signed-in user, or nobody (a failed login, the create-organizer command). */
  actor: { userId?: string; label: string };
  subject: { type: AuditSubjectType; id: string; label?: string };
  /** From where: the client address. */
  ip?: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  details?: Record<string, unknown>;
}

export type NewAuditEntry = Omit<AuditEntry, 'entryId' | 'at'>;

export function auditItem(deps: { clock: Clock; ids: IdGenerator }, entry: NewAuditEntry) {
  const at = deps.clock.now().toISOString();
  const entryId = deps.ids.newId();
  const full: AuditEntry = { entryId, at, ...entry };
  return {
    ...keys.auditEntry(at.slice(0, 10), at, entryId),
    entity: 'audit',
    ...full,
    gsi1pk: keys.auditSubject(entry.subject.type, entry.subject.id),
    gsi1sk: `${at}#${entryId}`,
  };
}

/** The Put that records an entry inside a use case's transaction. */
export const auditPut = (deps: { clock: Clock; ids: IdGenerator }, entry: NewAuditEntry): TransactItem => ({
  Put: { TableName: '', Item: auditItem(deps, entry) },
});

/** For events that change nothing else (a burst of failed logins). */
export async function recordAudit(
  deps: { store: Store; clock: Clock; ids: IdGenerator },
  entry: NewAuditEntry,
): Promise<void> {
  await deps.store.put(auditItem(deps, entry));
}

export function toAuditEntry(item: Record<string, unknown>): AuditEntry {
  const { pk: _a, sk: _b, entity: _c, gsi1pk: _d, gsi1sk: _e, ...entry } = item;
  return entry as unknown as AuditEntry;
}

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
