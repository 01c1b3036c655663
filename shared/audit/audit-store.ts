import type { Deps } from '../deps';
import { parseItem } from '../store/parse';
import type { Page, Store, TransactItem } from '../store/store';
import { keys } from '../store/keys';
import { tx } from '../store/store';
import { User } from '../accounts/user';
import { AppError } from '../errors';
import { AuditEntry, type AuditAction, type AuditSubjectType, type NewAuditEntry } from './audit';
import { auditDayWindow } from './audit-day';

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

/**
 * One Polish day's entries (YYYY-MM-DD, Europe/Warsaw), newest first. Entries sit in UTC-day
 * partitions, so the day is two ranges: from its own UTC date's start to the next Warsaw midnight,
 * then the previous UTC date's evening from this day's Warsaw midnight. A page fills from the first
 * and goes on into the second (two Queries at most); the cursor says which range it continues:
 * `0.<cursor>` the first, `1.` or `1.<cursor>` the second (each inner cursor is bound to its range).
 */
export async function listAuditDay(store: Store, day: string, page: AuditPageQuery): Promise<Page<AuditEntry>> {
  const { start, end } = auditDayWindow(day);
  const ranges = [
    { partitionKey: keys.auditDay(end.slice(0, 10)), sortKeyBetween: { from: end.slice(0, 10), to: end } },
    { partitionKey: keys.auditDay(start.slice(0, 10)), sortKeyBetween: { from: start, to: `${start.slice(0, 10)}~` } },
  ];
  const [part, inner] = splitDayCursor(page.cursor);
  const items: AuditEntry[] = [];
  let cursor: string | undefined = inner;
  for (let r = part; r < ranges.length; r++) {
    const found = await store.query({
      ...ranges[r]!,
      ...query({ ...page, limit: page.limit - items.length, cursor }),
      descending: true,
    });
    items.push(...found.items.map(toAuditEntry));
    if (found.cursor) return { items, cursor: `${r}.${found.cursor}` };
    cursor = undefined;
    if (items.length >= page.limit) return { items, cursor: r + 1 < ranges.length ? `${r + 1}.` : null };
  }
  return { items, cursor: null };
}

/** A day cursor's range and inner cursor; anything else is refused like any bad cursor. */
function splitDayCursor(cursor: string | undefined): [number, string | undefined] {
  if (cursor === undefined) return [0, undefined];
  const match = /^([01])\.(.*)$/s.exec(cursor);
  if (!match) throw new AppError('INVALID_CURSOR', 'Malformed cursor');
  return [Number(match[1]), match[2] || undefined];
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
