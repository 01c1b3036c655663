import type { NewAuditEntry } from '../audit/audit';
import { auditPut } from '../audit/audit-store';
import type { Deps } from '../deps';
import type { Edition } from '../editions/edition';
import { AppError, isAppError } from '../errors';
import { keys } from '../store/keys';
import { parseItem } from '../store/parse';
import { type Condition, type Store, type TransactItem, tx } from '../store/store';
import { failedConditions } from '../store/translate-error';
import {
  ApplicationHeader,
  type ApplicationStatus,
  Attachment,
  editableStatuses,
  SectionAnswers,
  searchKey,
  submissionWindow,
} from './application';
import { findExtension } from './extension-store';

/**
 * The application's DynamoDB shapes: its header (status, version, the institution's snapshot) is
 * one item of the application's partition, beside one item per saved section (section-store.ts) and
 * one per attachment (attachment-store.ts); gsi1 lists an institution's applications, gsi2 an
 * edition's (application-list-store.ts). Every status change is a conditional update of the header.
 */

/** gsi2 sort key of the edition's list: status first, so a status filter is a key prefix; then the name for search and order. */
export const editionListKey = (status: string, name: string, applicationId: string) =>
  `${status}#${searchKey(name)}#${applicationId}`;

export function headerItem(h: ApplicationHeader) {
  return {
    ...keys.application(h.applicationId),
    entity: 'application',
    ...h,
    searchName: searchKey(h.institution.name),
    gsi1pk: keys.institutionApplications(h.institutionId),
    gsi1sk: h.editionId,
    gsi2pk: keys.editionApplications(h.editionId),
    gsi2sk: editionListKey(h.status, h.institution.name, h.applicationId),
  };
}

/** The marker that makes an application unique per institution and edition. */
export function applicationMarkerItem(h: Pick<ApplicationHeader, 'applicationId' | 'editionId' | 'institutionId'>) {
  return {
    ...keys.unique('application', keys.applicationMarker(h.editionId, h.institutionId)),
    entity: 'marker',
    applicationId: h.applicationId,
  };
}

export const toHeader = (item: Record<string, unknown>): ApplicationHeader =>
  parseItem(ApplicationHeader, item, 'application header');
export const toSection = (item: Record<string, unknown>): SectionAnswers => parseItem(SectionAnswers, item, 'section');
export const toAttachment = (item: Record<string, unknown>): Attachment => parseItem(Attachment, item, 'attachment');

export interface LoadedApplication {
  header: ApplicationHeader;
  sections: SectionAnswers[];
  attachments: Attachment[];
}

/**
 * The whole application (header, sections, attachments): one Query of its partition, strongly
 * consistent. Given the header (the route's ownership check read it a moment ago), the Query starts
 * after it, so the header is not read twice.
 */
export async function loadApplication(
  store: Store,
  applicationId: string,
  header?: ApplicationHeader,
): Promise<LoadedApplication> {
  const headerKey = keys.application(applicationId);
  const items = await store.queryAll({
    partitionKey: headerKey.pk,
    sortKeyAfter: header ? headerKey.sk : undefined,
    consistent: true,
  });
  const headerItem = items.find((i) => i.sk === headerKey.sk);
  if (!header && !headerItem) throw new AppError('NOT_FOUND', `No application ${applicationId}`);
  return {
    header: header ?? toHeader(headerItem!),
    sections: items.filter((i) => String(i.sk).startsWith(keys.sectionPrefix)).map(toSection),
    attachments: items.filter((i) => String(i.sk).startsWith(keys.attachmentPrefix)).map(toAttachment),
  };
}

export async function findHeader(
  store: Store,
  applicationId: string,
  consistent = false,
): Promise<ApplicationHeader | null> {
  const item = await store.get(keys.application(applicationId), { consistent });
  return item ? toHeader(item) : null;
}

export async function getHeader(store: Store, applicationId: string, consistent = false): Promise<ApplicationHeader> {
  const header = await findHeader(store, applicationId, consistent);
  if (!header) throw new AppError('NOT_FOUND', `No application ${applicationId}`);
  return header;
}

/**
 * Refuses with 409 DEADLINE_PASSED (and the reason, with the deadline in Polish time) when the window
 * is closed. An extension can only lengthen the window, so it is read only when the window is closed
 * without it (an ordinary save before the deadline costs no read).
 */
export async function assertWindowOpen(
  deps: Pick<Deps, 'store' | 'clock'>,
  edition: Edition,
  header: ApplicationHeader,
): Promise<void> {
  const now = deps.clock.now();
  if (submissionWindow(edition, header, null, now).open) return;
  const extension = await findExtension(deps.store, edition.editionId, header.institutionId);
  const window = submissionWindow(edition, header, extension, now);
  if (!window.open) throw new AppError('DEADLINE_PASSED', window.reason.en, { detail: window.reason });
}

/** Condition of every write to an application's answers: the header still says it is editable. */
export function editableCheck(applicationId: string): TransactItem {
  return tx.check(keys.application(applicationId), statusIn(editableStatuses));
}

/** `#status IN (…)` over the given statuses: the one way a state guard is written. */
export function statusIn(statuses: readonly ApplicationStatus[]): Condition {
  const values = Object.fromEntries(statuses.map((status, i) => [`:status${i}`, status]));
  return {
    expression: `#status IN (${Object.keys(values).join(', ')})`,
    names: { '#status': 'status' },
    values,
  };
}

/**
 * The one way an application's status changes: only from the expected version and one of the
 * allowed statuses (a state guard in the database, not a read-then-write), moving the edition
 * list's sort key with it so lists and counts follow at once. `set` adds the change's own fields.
 */
export function statusChange(
  header: ApplicationHeader,
  to: ApplicationStatus,
  guard: { from: readonly ApplicationStatus[]; version: number },
  now: string,
  set: Record<string, unknown> = {},
): TransactItem {
  const names: Record<string, string> = { '#status': 'status' };
  const values: Record<string, unknown> = {
    ':to': to,
    ':now': now,
    ':next': guard.version + 1,
    ':listKey': editionListKey(to, header.institution.name, header.applicationId),
  };
  const assignments = ['#status = :to', 'updatedAt = :now', 'version = :next', 'gsi2sk = :listKey'];
  Object.entries(set).forEach(([field, value], i) => {
    names[`#f${i}`] = field;
    values[`:f${i}`] = value;
    assignments.push(`#f${i} = :f${i}`);
  });
  const from = statusIn(guard.from);
  return tx.update(
    keys.application(header.applicationId),
    { expression: `SET ${assignments.join(', ')}`, names, values },
    {
      expression: `version = :v AND ${from.expression}`,
      names: from.names,
      values: { ...from.values, ':v': guard.version },
    },
  );
}

/**
 * A status change with its audit entry, in one transaction. A header changed since it was read
 * (another tab, the organizer) is 409 STALE_VERSION; nothing is written.
 */
export async function changeStatus(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  change: TransactItem,
  audit: NewAuditEntry,
): Promise<void> {
  try {
    await deps.store.transact([change, auditPut(deps, audit)]);
  } catch (error) {
    if (isAppError(error, 'CONFLICT')) throw staleApplication(error);
    throw error;
  }
}

/**
 * A new application: the marker (one per institution and edition), the header and the audit entry
 * in one transaction. Two racing starts get one application and one 409 ALREADY_EXISTS.
 */
export async function insertApplication(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  header: ApplicationHeader,
  audit: NewAuditEntry,
): Promise<void> {
  const absent = { expression: 'attribute_not_exists(pk)' };
  try {
    await deps.store.transact([
      tx.put(applicationMarkerItem(header), absent),
      tx.put(headerItem(header), absent),
      auditPut(deps, audit),
    ]);
  } catch (error) {
    if (failedConditions(error).includes(0)) {
      throw new AppError('ALREADY_EXISTS', 'Application exists', {
        fields: {
          editionId: {
            pl: 'Instytucja ma już zgłoszenie w tej edycji — znajdziesz je na liście zgłoszeń.',
            en: 'The institution already has an application in this edition — find it in the list of applications.',
          },
        },
        cause: error,
      });
    }
    throw error;
  }
}

/**
 * Submission: the header's status change, a check that every section read is still at the version
 * read and every ready attachment still there, and the audit entry — one transaction, so answers
 * cannot change between validation and submission. Any of them failing is 409 STALE_VERSION.
 */
export async function recordSubmission(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  input: { change: TransactItem; read: LoadedApplication; ready: Attachment[]; audit: NewAuditEntry },
): Promise<void> {
  const applicationId = input.read.header.applicationId;
  try {
    await deps.store.transact([
      input.change,
      ...input.read.sections.map((s) =>
        tx.check(keys.section(applicationId, s.sectionId), { expression: 'version = :v', values: { ':v': s.version } }),
      ),
      ...input.ready.map((a) =>
        tx.check(keys.attachment(applicationId, a.attachmentId), { expression: 'attribute_exists(pk)' }),
      ),
      auditPut(deps, input.audit),
    ]);
  } catch (error) {
    if (failedConditions(error).length > 0) throw staleApplication(error);
    throw error;
  }
}

/** 409 when the application's header changed since it was read (another tab, the organizer). */
export function staleApplication(cause?: unknown): AppError {
  const message = {
    pl: 'Zgłoszenie zmieniło się w międzyczasie. Odśwież stronę i sprawdź je ponownie.',
    en: 'The application changed meanwhile. Reload the page and check it again.',
  };
  return new AppError('STALE_VERSION', 'Application changed meanwhile', {
    fields: { version: message },
    detail: message,
    cause,
  });
}

export const notEditable = (status: string) =>
  new AppError('INVALID_STATE', `Application is ${status}`, {
    detail: {
      pl: 'Zgłoszenie zostało złożone i nie można go już zmieniać. Aby je poprawić, wycofaj je przed terminem.',
      en: 'The application has been submitted and can no longer be changed. To correct it, withdraw it before the deadline.',
    },
  });
