import type { NewAuditEntry } from '../audit/audit';
import { auditPut } from '../audit/audit-store';
import { newAccountItems } from '../accounts/user-store';
import { tokenPut } from '../accounts/token-store';
import type { StoredToken } from '../accounts/tokens';
import { staleFieldMessage, type User } from '../accounts/user';
import type { Deps } from '../deps';
import { AppError, isAppError } from '../errors';
import { keys } from '../store/keys';
import { parseItem } from '../store/parse';
import { type Store, type TransactItem, tx } from '../store/store';
import { failedConditions } from '../store/translate-error';
import { Institution } from './institution';

/**
 * The institutions' DynamoDB shapes: the profile item (versioned) and the NIP's unique marker. The
 * members are account items (accounts/user-store.ts writes the membership with the account).
 */
type WriteDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;

const institutionItem = (institution: Institution) => ({
  ...keys.institution(institution.institutionId),
  entity: 'institution',
  ...institution,
});

const notExists = { expression: 'attribute_not_exists(pk)' };

/** A new institution and its NIP marker (both guarded: a taken NIP fails item 1). */
export function newInstitutionItems(institution: Institution): TransactItem[] {
  return [
    tx.put(institutionItem(institution), notExists),
    tx.put({ ...keys.unique('nip', institution.nip), institutionId: institution.institutionId }, notExists),
  ];
}

export async function findInstitution(
  store: Store,
  institutionId: string,
  consistent = false,
): Promise<Institution | null> {
  const item = await store.get(keys.institution(institutionId), { consistent });
  return item ? parseItem(Institution, item, 'institution') : null;
}

/** Several institutions' profiles by id (one BatchGet per hundred; missing ones are left out). */
export async function findInstitutions(store: Store, institutionIds: string[]): Promise<Institution[]> {
  const unique = [...new Set(institutionIds)];
  if (unique.length === 0) return [];
  const items = await store.batchGet(unique.map((id) => keys.institution(id)));
  return items.map((item) => parseItem(Institution, item, 'institution'));
}

export const nipTaken = {
  pl: 'Instytucja z tym NIP-em jest już zarejestrowana.',
  en: 'An institution with this NIP is already registered.',
};

/**
 * The registration's one transaction: the account (profile, e-mail marker, membership), the
 * institution and its NIP marker, the confirmation token and the audit entry. A taken NIP is 409
 * ALREADY_EXISTS naming `institution.nip`; a taken e-mail writes nothing and answers 'emailTaken'
 * (the use case tells the address's owner instead of the caller).
 */
export async function saveRegistration(
  deps: WriteDeps,
  registration: { user: User; institution: Institution; token: StoredToken; audit: NewAuditEntry },
): Promise<'saved' | 'emailTaken'> {
  const account = newAccountItems(registration.user);
  const nipMarker = account.length + 1;
  try {
    await deps.store.transact([
      ...account,
      ...newInstitutionItems(registration.institution),
      tokenPut(registration.token),
      auditPut(deps, registration.audit),
    ]);
    return 'saved';
  } catch (error) {
    const failed = failedConditions(error);
    if (failed.includes(nipMarker)) {
      throw new AppError('ALREADY_EXISTS', 'NIP taken', { fields: { 'institution.nip': nipTaken }, cause: error });
    }
    if (failed.includes(1)) return 'emailTaken';
    throw error;
  }
}

/**
 * The next version of a profile with its audit entry, only if nobody saved since `expectedVersion`
 * (a stale edit is 409 STALE_VERSION; nothing is overwritten).
 */
export async function saveInstitution(
  deps: WriteDeps,
  next: Institution,
  expectedVersion: number,
  audit: NewAuditEntry,
): Promise<void> {
  try {
    await deps.store.transact([
      tx.put(institutionItem(next), { expression: 'version = :v', values: { ':v': expectedVersion } }),
      auditPut(deps, audit),
    ]);
  } catch (error) {
    if (isAppError(error, 'CONFLICT'))
      throw new AppError('STALE_VERSION', 'Institution changed meanwhile', {
        fields: { version: staleFieldMessage },
        cause: error,
      });
    throw error;
  }
}
