import type { Deps } from '../deps';
import { parseItem } from '../store/parse';
import type { Page, Store, TransactItem } from '../store/store';
import { keys } from '../store/keys';
import { tx } from '../store/store';
import { User } from '../accounts/user';
import { AuditEntry, type AuditAction, type AuditSubjectType, type NewAuditEntry } from './audit';

/**
 * The audit trail's DynamoDB shapes: one partition per day (time-ordered), and gsi1 listing one
 * subject's entries. Entries go into the transaction of the change they record (`auditPut`); an
 * event that changes nothing else is written alone (`recordAudit`).
 */
export type AuditWriteDeps = Pick<Deps, 'clock' | 'ids'>;

function auditItem(deps: AuditWriteDeps, entry: NewAuditEntry) {
  const at = deps.clock.now().toISOString();
  const entryId = deps.ids.newId();
  const full: AuditEntry = { entryId, at, ...entry };
  const key = keys.auditEntry(at.slice(0, 10), at, entryId);
  return {
    ...key,
    entity: 'audit',
    ...full,
    gsi1pk: keys.auditSubject(entry.subject.type, entry.subject.id),
    // The subject's history is ordered like a day's: by time, then id.
    gsi1sk: key.sk,
  };
}

/** The Put that records an entry inside a use case's transaction. */
export const auditPut = (deps: AuditWriteDeps, entry: NewAuditEntry): TransactItem => tx.put(auditItem(deps, entry));

/** For events that change nothing else (a burst of failed logins, logging out everywhere). */
export async function recordAudit(deps: Pick<Deps, 'store' | 'clock' | 'ids'>, entry: NewAuditEntry): Promise<void> {
  await deps.store.put(auditItem(deps, entry));
}

const toAuditEntry = (item: Record<string, unknown>): AuditEntry => parseItem(AuditEntry, item, 'audit entry');

export interface AuditPageQuery {
  limit: number;
  cursor?: string;
  /** Only these actions (a FilterExpression: a page may hold fewer than `limit`, the cursor stays exact). */
  actions?: readonly AuditAction[];
}

function query({ actions, ...page }: AuditPageQuery) {
  if (!actions) return page;
  const values = Object.fromEntries(actions.map((a, i) => [`:a${i}`, a]));
  return {
    ...page,
    filter: { expression: `#action IN (${Object.keys(values).join(', ')})`, names: { '#action': 'action' }, values },
  };
}

/** One day's entries (YYYY-MM-DD, UTC), newest first. */
export async function listAuditDay(store: Store, day: string, page: AuditPageQuery): Promise<Page<AuditEntry>> {
  const found = await store.query({ partitionKey: keys.auditDay(day), ...query(page), descending: true });
  return { items: found.items.map(toAuditEntry), cursor: found.cursor };
}

/** One subject's history (gsi1), newest first. */
export async function listAuditOfSubject(
  store: Store,
  subject: { type: AuditSubjectType; id: string },
  page: AuditPageQuery,
): Promise<Page<AuditEntry>> {
  const found = await store.query({
    index: 'gsi1',
    partitionKey: keys.auditSubject(subject.type, subject.id),
    ...query(page),
    descending: true,
  });
  return { items: found.items.map(toAuditEntry), cursor: found.cursor };
}

/** The display names of the actors of one page, by user id: one BatchGet (missing accounts are left out). */
export async function actorNames(store: Store, userIds: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return new Map();
  const users = (await store.batchGet(unique.map((id) => keys.user(id)))).map((i) => parseItem(User, i, 'user'));
  return new Map(users.map((u) => [u.userId, u.displayName]));
}
