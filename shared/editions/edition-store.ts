import { staleFieldMessage } from '../accounts/user';
import type { NewAuditEntry } from '../audit/audit';
import { auditPut } from '../audit/audit-store';
import type { Deps } from '../deps';
import { AppError, isAppError } from '../errors';
import { keys } from '../store/keys';
import { tx } from '../store/store';
import type { Edition } from './edition';
import type { Message } from './localized';

// The reads, apart so that hot read paths (the editions list, the autosave) do not load the audit
// store the writes go through; importers of this module keep getting them here.
export { allEditions, findEdition, getEdition, listEditionPage, toEdition } from './edition-read-store';

/**
 * The editions' DynamoDB shapes: one versioned item per edition (settings, rubric, questionnaire),
 * listed newest first through gsi1. Writes go with their audit entry in one transaction.
 */
export function editionItem(edition: Edition) {
  return {
    ...keys.edition(edition.editionId),
    entity: 'edition',
    ...edition,
    gsi1pk: keys.editions(),
    gsi1sk: `${edition.createdAt}#${edition.editionId}`,
  };
}

/** A new edition (created or cloned) with its audit entry; its id is fresh, so it must not exist yet. */
export async function insertEdition(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  edition: Edition,
  audit: NewAuditEntry,
): Promise<void> {
  await deps.store.transact([
    tx.put(editionItem(edition), { expression: 'attribute_not_exists(pk)' }),
    auditPut(deps, audit),
  ]);
}

/**
 * Writes the next version of an edition with its audit entry, only if nobody saved since `expected`
 * was read. A lost race is 409 STALE_VERSION; nothing is overwritten.
 */
export async function saveEdition(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  next: Edition,
  expectedVersion: number,
  audit: NewAuditEntry,
): Promise<void> {
  try {
    await deps.store.transact([
      tx.put(editionItem(next), { expression: 'version = :v', values: { ':v': expectedVersion } }),
      auditPut(deps, audit),
    ]);
  } catch (error) {
    if (isAppError(error, 'CONFLICT'))
      throw new AppError('STALE_VERSION', 'Edition changed meanwhile', {
        fields: { version: staleFieldMessage },
        cause: error,
      });
    throw error;
  }
}

export function invalidState(detail: Message): AppError {
  return new AppError('INVALID_STATE', detail.en, { detail });
}

export function problemsError(problems: Record<string, Message>, prefix = ''): AppError | null {
  if (Object.keys(problems).length === 0) return null;
  const fields = Object.fromEntries(Object.entries(problems).map(([k, v]) => [prefix + k, v]));
  return new AppError('VALIDATION_FAILED', 'Invalid definition', { fields });
}

export const editionSubject = (e: Edition) => ({
  type: 'edition' as const,
  id: e.editionId,
  label: `${e.name} (${e.number})`,
});
