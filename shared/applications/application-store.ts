import type { NewAuditEntry } from '../audit/audit';
import { auditPut } from '../audit/audit-store';
import type { Deps } from '../deps';
import { AppError, isAppError } from '../errors';
import { keys } from '../store/keys';
import { type TransactItem, tx } from '../store/store';
import { failedConditions } from '../store/translate-error';
import { type ApplicationHeader, type ApplicationStatus, type Attachment, searchKey } from './application';
import { type LoadedApplication, statusIn } from './application-read-store';

// The reads and guards, apart so that hot paths do not load the audit store; importers of this module
// keep getting them here.
export {
  assertWindowOpen,
  editableCheck,
  findHeader,
  getHeader,
  type LoadedApplication,
  loadApplication,
  notEditable,
  statusIn,
  toAttachment,
  toHeader,
  toSection,
} from './application-read-store';

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
