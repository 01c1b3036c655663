import { signedIn, type Caller } from '../access/caller';
import { staleFieldMessage } from '../accounts/update-my-profile';
import { auditActor } from '../accounts/user-store';
import { auditPut, changedFields } from '../audit/audit';
import { AppError } from '../errors';
import { keys } from '../store/keys';
import { normalizeProfile, type Institution, type InstitutionProfile } from './institution';
import { getInstitution } from './institution-store';
import type { Deps } from '../deps';

/**
 * Edits the profile. Optimistic locking: the edit names the version it started from, and a stale
 * edit is refused with 409 STALE_VERSION — nothing is overwritten. Audited with before/after.
 */
export async function updateInstitution(
  deps: Deps,
  institutionId: string,
  input: InstitutionProfile & { version: number },
  caller: Caller,
): Promise<Institution> {
  const me = signedIn(caller);
  const [before, { actor }] = await Promise.all([
    getInstitution(deps, institutionId),
    auditActor(deps.store, me.userId),
  ]);
  const { version, ...profile } = input;
  const next = normalizeProfile(profile);
  const now = deps.clock.now().toISOString();
  const after: Institution = { ...before, ...next, website: next.website, updatedAt: now, version: version + 1 };
  const editable = (i: InstitutionProfile) => ({
    name: i.name,
    type: i.type,
    regon: i.regon,
    address: i.address,
    website: i.website,
    headcount: i.headcount,
    contactPerson: i.contactPerson,
  });
  try {
    await deps.store.transact([
      {
        Put: {
          TableName: '',
          Item: { ...keys.institution(institutionId), entity: 'institution', ...after },
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':v': version },
        },
      },
      auditPut(deps, {
        action: 'institution.updated',
        actor,
        subject: { type: 'institution', id: institutionId, label: after.name },
        ip: caller.ip,
        ...changedFields(editable(before), editable(after)),
      }),
    ]);
  } catch (error) {
    if ((error as { code?: string }).code === 'CONFLICT')
      throw new AppError('STALE_VERSION', 'Institution changed meanwhile', {
        fields: { version: staleFieldMessage },
        cause: error,
      });
    throw error;
  }
  return after;
}
