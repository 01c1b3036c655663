import type { NewAuditEntry } from '../audit/audit';
import type { Deps } from '../deps';
import { keys } from '../store/keys';
import { parseItem } from '../store/parse';
import { type Store, tx } from '../store/store';
import { Extension } from './application';

/**
 * Deadline extensions: one item per institution in the edition's partition (granting again replaces
 * it), read on a closed window's deadline check and listed for the organizer.
 */
const toExtension = (item: Record<string, unknown>): Extension => parseItem(Extension, item, 'extension');

export async function findExtension(store: Store, editionId: string, institutionId: string): Promise<Extension | null> {
  const item = await store.get(keys.extension(editionId, institutionId));
  return item ? toExtension(item) : null;
}

export async function listEditionExtensions(store: Store, editionId: string): Promise<Extension[]> {
  const items = await store.queryAll({
    partitionKey: keys.edition(editionId).pk,
    sortKeyPrefix: keys.extensionPrefix,
  });
  return items.map(toExtension);
}

/** Records (or replaces) an institution's extension with its audit entry, in one transaction. */
export async function putExtension(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  extension: Extension,
  audit: NewAuditEntry,
): Promise<void> {
  // The audit store loads with the write only: the deadline check that reads extensions is on every
  // late autosave's path (application-read-store.ts).
  const { auditPut } = await import('../audit/audit-store');
  await deps.store.transact([
    tx.put({ ...keys.extension(extension.editionId, extension.institutionId), entity: 'extension', ...extension }),
    auditPut(deps, audit),
  ]);
}
