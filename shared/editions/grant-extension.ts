import { signedIn, type Caller } from '../access/caller';
import { auditActor } from '../accounts/user-store';
import type { Extension } from '../applications/application';
import { auditPut } from '../audit/audit';
import { AppError } from '../errors';
import { getInstitution } from '../institutions/institution-store';
import { keys } from '../store/keys';
import { getEdition } from './edition-store';
import type { Deps } from '../deps';

/**
 * Lets one institution submit after the edition's deadline, until `until`. Recorded beside the
 * edition (one per institution; granting again replaces it) and audited.
 */
export async function grantExtension(
  deps: Deps,
  editionId: string,
  input: { institutionId: string; until: string; reason: string },
  caller: Caller,
): Promise<Extension> {
  const [edition, institution, { actor }] = await Promise.all([
    getEdition(deps.store, editionId),
    getInstitution(deps, input.institutionId).catch((error: unknown) => {
      if ((error as { code?: string }).code === 'NOT_FOUND')
        throw new AppError('VALIDATION_FAILED', 'No such institution', {
          fields: { institutionId: { pl: 'Nie ma takiej instytucji.', en: 'No such institution.' } },
        });
      throw error;
    }),
    auditActor(deps.store, signedIn(caller).userId),
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
  const now = deps.clock.now().toISOString();
  const extension: Extension = {
    editionId,
    institutionId: input.institutionId,
    until: input.until,
    reason: input.reason,
    grantedBy: actor.label,
    grantedAt: now,
  };
  await deps.store.transact([
    {
      Put: {
        TableName: '',
        Item: { ...keys.extension(editionId, input.institutionId), entity: 'extension', ...extension },
      },
    },
    auditPut(deps, {
      action: 'extension.granted',
      actor,
      subject: { type: 'institution', id: institution.institutionId, label: institution.name },
      ip: caller.ip,
      after: { editionId, until: input.until, reason: input.reason },
    }),
  ]);
  return extension;
}
