import type { Deps } from '../deps';
import type { Edition } from '../editions/edition';
import { AppError } from '../errors';
import { keys } from '../store/keys';
import { parseItem } from '../store/parse';
import { type Condition, type Store, type TransactItem, tx } from '../store/store';
import {
  ApplicationHeader,
  type ApplicationStatus,
  Attachment,
  editableStatuses,
  SectionAnswers,
  submissionWindow,
} from './application';
import { findExtension } from './extension-store';

/**
 * Reading an application, and the guards its writes carry, apart from application-store's writes
 * (which load the audit store): the ownership check, the autosave and the readers need only this.
 */
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
  edition: Pick<Edition, 'editionId' | 'state' | 'timeline'>,
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

export const notEditable = (status: string) =>
  new AppError('INVALID_STATE', `Application is ${status}`, {
    detail: {
      pl: 'Zgłoszenie zostało złożone i nie można go już zmieniać. Aby je poprawić, wycofaj je przed terminem.',
      en: 'The application has been submitted and can no longer be changed. To correct it, withdraw it before the deadline.',
    },
  });
