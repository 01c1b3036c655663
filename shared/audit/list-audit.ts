import type { Deps } from '../deps';
import { AppError } from '../errors';
import type { Page } from '../store/store';
import type { AuditEntry, AuditSubjectType } from './audit';
import { listAuditDay, listAuditOfSubject } from './audit-store';

export type ListAuditDeps = Pick<Deps, 'store' | 'clock'>;

export interface ListAuditInput {
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
export async function listAudit(deps: ListAuditDeps, input: ListAuditInput): Promise<Page<AuditEntry>> {
  const page = { limit: input.limit ?? 50, cursor: input.cursor };
  if ((input.subjectType === undefined) !== (input.subjectId === undefined)) {
    const field = input.subjectType === undefined ? 'subjectType' : 'subjectId';
    throw new AppError('VALIDATION_FAILED', 'Subject type and id go together', { fields: { [field]: bothOrNeither } });
  }
  if (input.subjectType && input.subjectId)
    return listAuditOfSubject(deps.store, { type: input.subjectType, id: input.subjectId }, page);
  return listAuditDay(deps.store, input.day ?? deps.clock.now().toISOString().slice(0, 10), page);
}
