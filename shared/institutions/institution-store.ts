import { AppError } from '../errors';
import type { Store } from '../store/store';
import { keys } from '../store/keys';
import type { Institution } from './institution';

export async function getInstitution(
  deps: { store: Store },
  institutionId: string,
  consistent = false,
): Promise<Institution> {
  const item = await deps.store.get(keys.institution(institutionId), { consistent });
  if (!item) throw new AppError('NOT_FOUND', `No institution ${institutionId}`);
  const { pk: _pk, sk: _sk, entity: _entity, ...institution } = item;
  return institution as unknown as Institution;
}
