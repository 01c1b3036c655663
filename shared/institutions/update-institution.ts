import type { Caller } from '../access/caller';
import { callerActor } from '../accounts/user-read-store';
import { changedFields } from '../audit/audit';
import type { Deps } from '../deps';
import { type Institution, type InstitutionProfile, normalizeProfile } from './institution';
import { getInstitution } from './get-institution';
import { saveInstitution } from './institution-store';

export type UpdateInstitutionDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;

export interface UpdateInstitutionInput extends InstitutionProfile {
  caller: Caller;
  institutionId: string;
  /** The version the edit started from. */
  version: number;
}

const editable = (i: InstitutionProfile): InstitutionProfile => ({
  name: i.name,
  type: i.type,
  regon: i.regon,
  address: i.address,
  website: i.website,
  headcount: i.headcount,
  contactPerson: i.contactPerson,
});

/**
 * Edits the profile. Optimistic locking: the edit names the version it started from, and a stale
 * edit is refused with 409 STALE_VERSION — nothing is overwritten. Audited with before/after.
 */
export async function updateInstitution(
  deps: UpdateInstitutionDeps,
  input: UpdateInstitutionInput,
): Promise<Institution> {
  const { caller, institutionId, version, ...profile } = input;
  const [before, actor] = await Promise.all([getInstitution(deps, { institutionId }), callerActor(deps.store, caller)]);
  const next = normalizeProfile(profile);
  const now = deps.clock.now().toISOString();
  const after: Institution = { ...before, ...next, website: next.website, updatedAt: now, version: version + 1 };
  await saveInstitution(deps, after, version, {
    action: 'institution.updated',
    actor,
    subject: { type: 'institution', id: institutionId, label: after.name },
    ip: caller.ip,
    ...changedFields(editable(before), editable(after)),
  });
  return after;
}
