import { AppError } from '../errors';
import type { Edition } from '../editions/edition';
import { type Condition, type Store, type TransactItem, tx } from '../store/store';
import { keys } from '../store/keys';
import { failedConditions } from '../store/translate-error';
import { attachmentItem } from './attachments';
import {
  searchKey,
  submissionWindow,
  type ApplicationHeader,
  type ApplicationStatus,
  editableStatuses,
  type Attachment,
  type Extension,
  type SectionAnswers,
} from './application';

const strip = ({
  pk: _a,
  sk: _b,
  entity: _c,
  gsi1pk: _d,
  gsi1sk: _e,
  gsi2pk: _f,
  gsi2sk: _g,
  ...rest
}: Record<string, unknown>) => rest;

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

export const toHeader = (item: Record<string, unknown>): ApplicationHeader => {
  const { searchName: _s, ...h } = strip(item);
  return h as unknown as ApplicationHeader;
};
export const toSection = (item: Record<string, unknown>) => strip(item) as unknown as SectionAnswers;
export const toAttachment = (item: Record<string, unknown>) => strip(item) as unknown as Attachment;

export interface LoadedApplication {
  header: ApplicationHeader;
  sections: SectionAnswers[];
  attachments: Attachment[];
}

/** The whole application (header, sections, attachments): one Query of its partition, strongly consistent. */
export async function loadApplication(store: Store, applicationId: string): Promise<LoadedApplication> {
  const items = await store.queryAll({ partitionKey: keys.applicationPartition(applicationId), consistent: true });
  const header = items.find((i) => i.sk === 'APPLICATION');
  if (!header) throw new AppError('NOT_FOUND', `No application ${applicationId}`);
  return {
    header: toHeader(header),
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

export async function findExtension(store: Store, editionId: string, institutionId: string): Promise<Extension | null> {
  const item = await store.get(keys.extension(editionId, institutionId));
  return item ? (strip(item) as unknown as Extension) : null;
}

/**
 * Refuses with 409 DEADLINE_PASSED (and the reason, with the deadline in Polish time) when the window
 * is closed. An extension can only lengthen the window, so it is read only when the window is closed
 * without it (an ordinary save before the deadline costs no read).
 */
export async function assertWindowOpen(
  deps: { store: Store; clock: { now(): Date } },
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
    ':v': guard.version,
    ':listKey': editionListKey(to, header.institution.name, header.applicationId),
  };
  const assignments = ['#status = :to', 'updatedAt = :now', 'version = :next', 'gsi2sk = :listKey'];
  Object.entries(set).forEach(([field, value], i) => {
    names[`#f${i}`] = field;
    values[`:f${i}`] = value;
    assignments.push(`#f${i} = :f${i}`);
  });
  guard.from.forEach((s, i) => {
    values[`:from${i}`] = s;
  });
  return {
    Update: {
      TableName: '',
      Key: keys.application(header.applicationId),
      UpdateExpression: `SET ${assignments.join(', ')}`,
      ConditionExpression: `version = :v AND #status IN (${guard.from.map((_, i) => `:from${i}`).join(', ')})`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
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

const uploadLinkUsed = (cause: unknown) =>
  new AppError('INVALID_STATE', 'Upload link used or application not editable', {
    cause,
    detail: {
      pl: 'Ten link do wysłania pliku został już użyty albo zgłoszenia nie można już zmieniać. Dodaj plik ponownie.',
      en: 'This upload link has been used already, or the application can no longer be changed. Add the file again.',
    },
  });

/**
 * Claims a pending attachment's upload link, once: the attachment must still be pending and
 * never uploaded, and the application editable. A replayed link, or one used after the file was
 * completed or the application submitted, is refused (409) before a byte is stored.
 */
export async function claimUpload(store: Store, applicationId: string, attachmentId: string, now: string) {
  try {
    await store.transact([
      editableCheck(applicationId),
      {
        Update: {
          TableName: '',
          Key: keys.attachment(applicationId, attachmentId),
          UpdateExpression: 'SET uploadedAt = :now',
          ConditionExpression: '#status = :pending AND attribute_not_exists(uploadedAt)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':now': now, ':pending': 'pending' },
        },
      },
    ]);
  } catch (error) {
    if (error instanceof AppError && error.code === 'CONFLICT') throw uploadLinkUsed(error);
    throw error;
  }
}

/** A checked attachment becomes ready — only from pending, and only while the application is editable. */
export async function markAttachmentReady(store: Store, applicationId: string, ready: Attachment): Promise<void> {
  try {
    await store.transact([
      editableCheck(applicationId),
      {
        Put: {
          TableName: '',
          Item: attachmentItem(applicationId, ready),
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':pending': 'pending' },
        },
      },
    ]);
  } catch (error) {
    const failed = failedConditions(error);
    if (failed.includes(0)) throw notEditable('submitted');
    if (failed.includes(1)) throw uploadLinkUsed(error);
    throw error;
  }
}

export async function findAttachment(
  store: Store,
  applicationId: string,
  attachmentId: string,
  consistent = false,
): Promise<Attachment | null> {
  const item = await store.get(keys.attachment(applicationId, attachmentId), { consistent });
  return item ? toAttachment(item) : null;
}

export async function discardAttachment(store: Store, applicationId: string, attachmentId: string): Promise<void> {
  await store.delete(keys.attachment(applicationId, attachmentId));
}

const staleSection = {
  pl: 'Tę część zapisano w międzyczasie (np. w innej karcie). Twoje odpowiedzi są zachowane w przeglądarce — porównaj je z zapisanymi i zapisz ponownie.',
  en: 'This section was saved meanwhile (e.g. in another tab). Your answers are kept in the browser — compare them with the saved ones and save again.',
};

/**
 * Writes a section's answers from the version they were read at (0: never saved), only while the
 * application is editable — one transaction. A newer save in between is 409 STALE_VERSION naming
 * `version`; a submitted application is 409 INVALID_STATE.
 */
export async function putSection(
  store: Store,
  applicationId: string,
  saved: SectionAnswers,
  readVersion: number,
): Promise<void> {
  const versionCheck =
    readVersion === 0
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': readVersion } };
  try {
    await store.transact([
      editableCheck(applicationId),
      {
        Put: {
          TableName: '',
          Item: { ...keys.section(applicationId, saved.sectionId), entity: 'section', ...saved },
          ...versionCheck,
        },
      },
    ]);
  } catch (error) {
    const failed = failedConditions(error);
    if (failed.includes(1))
      throw new AppError('STALE_VERSION', 'Section saved meanwhile', {
        fields: { version: staleSection },
        detail: staleSection,
        cause: error,
      });
    if (failed.includes(0)) throw notEditable('submitted');
    throw error;
  }
}
