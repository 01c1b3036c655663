import { staleFieldMessage } from '../accounts/update-my-profile';
import { auditPut, type NewAuditEntry } from '../audit/audit';
import { AppError } from '../errors';
import type { Store } from '../store/store';
import { keys } from '../store/keys';
import type { Edition } from './edition';
import type { Message } from './localized';
import type { Deps } from '../deps';

export function editionItem(edition: Edition) {
  return {
    ...keys.edition(edition.editionId),
    entity: 'edition',
    ...edition,
    gsi1pk: keys.editions(),
    gsi1sk: `${edition.createdAt}#${edition.editionId}`,
  };
}

export function toEdition(item: Record<string, unknown>): Edition {
  const { pk: _a, sk: _b, entity: _c, gsi1pk: _d, gsi1sk: _e, ...edition } = item;
  return edition as unknown as Edition;
}

export async function findEdition(store: Store, editionId: string, consistent = false): Promise<Edition | null> {
  const item = await store.get(keys.edition(editionId), { consistent });
  return item ? toEdition(item) : null;
}

export async function getEdition(store: Store, editionId: string, consistent = false): Promise<Edition> {
  const edition = await findEdition(store, editionId, consistent);
  if (!edition) throw new AppError('NOT_FOUND', `No edition ${editionId}`);
  return edition;
}

/**
 * Writes the next version of an edition with its audit entry, only if nobody saved since `expected`
 * was read (and, when given, only if the state is still `whileState` — transitions are guarded by
 * the database, not by the read). A lost race is 409 STALE_VERSION; nothing is overwritten.
 */
export async function saveEdition(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  next: Edition,
  expectedVersion: number,
  audit: NewAuditEntry,
): Promise<void> {
  try {
    await deps.store.transact([
      {
        Put: {
          TableName: '',
          Item: editionItem(next),
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':v': expectedVersion },
        },
      },
      auditPut(deps, audit),
    ]);
  } catch (error) {
    if ((error as { code?: string }).code === 'CONFLICT')
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
