import { type Caller, signedIn } from '../access/caller';
import { callerActor } from '../accounts/user-read-store';
import type { Deps } from '../deps';
import { getEdition } from '../editions/edition-read-store';
import { AppError } from '../errors';
import { getInstitution } from '../institutions/get-institution';
import { type ApplicationHeader, submissionWindow } from './application';
import { insertApplication } from './application-store';
import { findExtension } from './extension-store';

export type StartApplicationDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;

export interface StartApplicationInput {
  caller: Caller;
  editionId: string;
}

/**
 * Starts the caller's institution's application to an edition. One per institution per edition,
 * enforced by a marker item in the same transaction: two racing requests get one application and
 * one 409 ALREADY_EXISTS naming the existing application.
 */
export async function startApplication(
  deps: StartApplicationDeps,
  input: StartApplicationInput,
): Promise<ApplicationHeader> {
  const { caller, editionId } = input;
  const me = signedIn(caller);
  if (!me.institutionId) throw new AppError('FORBIDDEN', 'Only institution members apply');
  const [edition, institution, actor, extension] = await Promise.all([
    getEdition(deps.store, editionId),
    getInstitution(deps, { institutionId: me.institutionId }),
    callerActor(deps.store, caller),
    findExtension(deps.store, editionId, me.institutionId),
  ]);
  if (edition.state === 'draft') throw new AppError('NOT_FOUND', `No edition ${editionId}`);
  if (!edition.categories.includes(institution.type)) {
    throw new AppError('INVALID_STATE', 'Category not accepted', {
      detail: {
        pl: 'Ta edycja nie przyjmuje zgłoszeń instytucji tego rodzaju.',
        en: 'This edition does not accept applications from institutions of this kind.',
      },
    });
  }
  const window = submissionWindow(edition, { status: 'draft' }, extension, deps.clock.now());
  if (!window.open) throw new AppError('DEADLINE_PASSED', window.reason.en, { detail: window.reason });
  const now = deps.clock.now().toISOString();
  const header: ApplicationHeader = {
    applicationId: deps.ids.newId(),
    editionId,
    institutionId: institution.institutionId,
    institution: {
      name: institution.name,
      nip: institution.nip,
      type: institution.type,
      voivodeship: institution.address.voivodeship,
      headcount: institution.headcount,
    },
    status: 'draft',
    createdAt: now,
    createdBy: actor.label,
    updatedAt: now,
    version: 1,
  };
  await insertApplication(deps, header, {
    action: 'application.started',
    actor,
    subject: { type: 'application', id: header.applicationId, label: `${institution.name} — ${edition.name}` },
    ip: caller.ip,
  });
  return header;
}
