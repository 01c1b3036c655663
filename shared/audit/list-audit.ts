import type { Page, Store } from '../store/store';
import { keys } from '../store/keys';
import { toAuditEntry, type AuditEntry, type AuditSubjectType } from './audit';

export type AuditQuery =
  | { day: string; cursor?: string; limit: number }
  | { subjectType: AuditSubjectType; subjectId: string; cursor?: string; limit: number };

/** Organizer's audit view: one day, or one subject's history; newest first, paginated. */
export async function listAudit(deps: { store: Store }, query: AuditQuery): Promise<Page<AuditEntry>> {
  const page =
    'day' in query
      ? await deps.store.query({ partitionKey: keys.auditDay(query.day), limit: query.limit, cursor: query.cursor, descending: true })
      : await deps.store.query({
          index: 'gsi1',
          partitionKey: keys.auditSubject(query.subjectType, query.subjectId),
          limit: query.limit,
          cursor: query.cursor,
          descending: true,
        });
  return { items: page.items.map(toAuditEntry), cursor: page.cursor };
}
