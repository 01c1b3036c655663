import type { Caller } from '../access/caller';
import { callerIdentity } from '../accounts/user-read-store';
import type { Extension } from '../applications/application';
import { putExtension } from '../applications/extension-store';
import type { Deps } from '../deps';
import { AppError, isAppError } from '../errors';
import { getInstitution } from '../institutions/get-institution';
import { getEdition } from './edition-read-store';

export type GrantExtensionDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;

export interface GrantExtensionInput {
  caller: Caller;
  editionId: string;
  institutionId: string;
  /** The institution's own deadline (after the edition's). */
  until: string;
  reason: string;
}

/**
 * Lets one institution submit after the edition's deadline, until `until`. Recorded beside the
 * edition (one per institution; granting again replaces it) and audited.
 */
export async function grantExtension(deps: GrantExtensionDeps, input: GrantExtensionInput): Promise<Extension> {
  const { caller, editionId } = input;
  const [edition, institution, { actor, displayName }] = await Promise.all([
    getEdition(deps.store, editionId),
    getInstitution(deps, { institutionId: input.institutionId }).catch((error: unknown) => {
      if (isAppError(error, 'NOT_FOUND'))
        throw new AppError('VALIDATION_FAILED', 'No such institution', {
          fields: { institutionId: { pl: 'Nie ma takiej instytucji.', en: 'No such institution.' } },
        });
      throw error;
    }),
    callerIdentity(deps.store, caller),
  ]);
  if (Date.parse(input.until) <= Date.parse(edition.timeline.applicationsClose)) {
    throw new AppError('VALIDATION_FAILED', 'Extension before deadline', {
      fields: {
        until: {
          pl: 'Przedłużenie musi sięgać poza termin naboru.',
          en: 'An extension must reach beyond the application deadline.',
        },
      },
    });
  }
  const extension: Extension = {
    editionId,
    institutionId: input.institutionId,
    until: input.until,
    reason: input.reason,
    grantedBy: actor.label,
    grantedByName: displayName,
    grantedAt: deps.clock.now().toISOString(),
  };
  await putExtension(deps, extension, {
    action: 'extension.granted',
    actor,
    subject: { type: 'institution', id: institution.institutionId, label: institution.name },
    ip: caller.ip,
    after: { editionId, until: input.until, reason: input.reason },
  });
  return extension;
}
