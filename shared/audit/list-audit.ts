import type { Deps } from '../deps';
import { AppError } from '../errors';
import type { Page } from '../store/store';
import { type AuditActionGroup, type AuditEntry, type AuditSubjectType, auditActionGroups } from './audit';
import { warsawToday } from './audit-day';
import { actorNames, listAuditDay, listAuditOfSubject } from './audit-store';

export type ListAuditDeps = Pick<Deps, 'store' | 'clock'>;

export interface ListAuditInput {
  /** YYYY-MM-DD, a Polish calendar day; today in Poland when neither a day nor a subject is given. */
  day?: string;
  subjectType?: AuditSubjectType;
  subjectId?: string;
  /** Only this kind of event (accounts, editions, review…), within the day or the subject. */
  group?: AuditActionGroup;
  cursor?: string;
  limit?: number;
}

/** An entry as the organizer reads it: with the actor's current name when the actor is an account. */
export type ListedAuditEntry = AuditEntry & { actorName?: string };

const bothOrNeither = {
  pl: 'Podaj rodzaj i identyfikator obiektu razem.',
  en: 'Give the subject type and the subject id together.',
};

/**
 * Organizer's audit view: one day, or one subject's history, optionally one kind of event; newest
 * first, paginated. Actors are named: one BatchGet of the page's accounts (never a read per row).
 */
export async function listAudit(deps: ListAuditDeps, input: ListAuditInput): Promise<Page<ListedAuditEntry>> {
  const page = {
    limit: input.limit ?? 50,
    cursor: input.cursor,
    actions: input.group ? auditActionGroups[input.group] : undefined,
  };
  if ((input.subjectType === undefined) !== (input.subjectId === undefined)) {
    const field = input.subjectType === undefined ? 'subjectType' : 'subjectId';
    throw new AppError('VALIDATION_FAILED', 'Subject type and id go together', { fields: { [field]: bothOrNeither } });
  }
  const found =
    input.subjectType && input.subjectId
      ? await listAuditOfSubject(deps.store, { type: input.subjectType, id: input.subjectId }, page)
      : await listAuditDay(deps.store, input.day ?? warsawToday(deps.clock.now()), page);
  const names = await actorNames(
    deps.store,
    found.items.flatMap((e) => (e.actor.userId ? [e.actor.userId] : [])),
  );
  return {
    cursor: found.cursor,
    items: found.items.map((e) => {
      const name = e.actor.userId ? names.get(e.actor.userId) : undefined;
      return name ? { ...e, actorName: name } : e;
    }),
  };
}
