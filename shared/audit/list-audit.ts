import { AppError } from '../errors';
import type { Clock } from '../platform/clock';
import type { Page, Store } from '../store/store';
import { keys } from '../store/keys';
import { toAuditEntry, type AuditEntry, type AuditSubjectType } from './audit';

export interface AuditQuery {
  /** YYYY-MM-DD; today (UTC) when neither a day nor a subject is given. */
  day?: string;
  subjectType?: AuditSubjectType;
  subjectId?: string;
  cursor?: string;
  limit?: number;
}

const bothOrNeither = {
  pl: 'Podaj rodzaj i identyfikator obiektu razem.',
  en: 'Give the subject type and the subject id together.',
};

/** Organizer's audit view: one day, or one subject's history; newest first, paginated. */
export async function listAudit(deps: { store: Store; clock: Clock }, query: AuditQuery): Promise<Page<AuditEntry>> {
  const limit = query.limit ?? 50;
  if ((query.subjectType === undefined) !== (query.subjectId === undefined)) {
    const field = query.subjectType === undefined ? 'subjectType' : 'subjectId';
    throw new AppError('VALIDATION_FAILED', 'Subject type and id go together', { fields: { [field]: bothOrNeither } });
  }
  const page =
    query.subjectType && query.subjectId
      ? await deps.store.query({
          index: 'gsi1',
          partitionKey: keys.auditSubject(query.subjectType, query.subjectId),
          limit,
          cursor: query.cursor,
          descending: true,
        })
      : await deps.store.query({
          partitionKey: keys.auditDay(query.day ?? deps.clock.now().toISOString().slice(0, 10)),
          limit,
          cursor: query.cursor,
          descending: true,
        });
  return { items: page.items.map(toAuditEntry), cursor: page.cursor };
}
