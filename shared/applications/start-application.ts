import { signedIn, type Caller } from '../access/caller';
import { auditActor } from '../accounts/user-store';
import { auditPut } from '../audit/audit';
import { getEdition } from '../editions/edition-store';
import { AppError } from '../errors';
import { getInstitution } from '../institutions/institution-store';
import { failedConditions } from '../store/translate-error';
import { keys } from '../store/keys';
import { submissionWindow, type ApplicationHeader } from './application';
import { findExtension, headerItem } from './application-store';
import type { Deps } from '../deps';

/**
 * Starts the caller's institution's application to an edition. One per institution per edition,
 * enforced by a marker item in the same transaction: two racing requests get one application and
 * one 409 ALREADY_EXISTS naming the existing application.
 */
export async function startApplication(deps: Deps, editionId: string, caller: Caller): Promise<ApplicationHeader> {
  const me = signedIn(caller);
  if (!me.institutionId) throw new AppError('FORBIDDEN', 'Only institution members apply');
  const [edition, institution, { actor }, extension] = await Promise.all([
    getEdition(deps.store, editionId),
    getInstitution(deps, me.institutionId),
    auditActor(deps.store, me.userId),
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
  const marker = keys.unique('application', keys.applicationMarker(editionId, institution.institutionId));
  try {
    await deps.store.transact([
      {
        Put: {
          TableName: '',
          Item: { ...marker, entity: 'marker', applicationId: header.applicationId },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      { Put: { TableName: '', Item: headerItem(header), ConditionExpression: 'attribute_not_exists(pk)' } },
      auditPut(deps, {
        action: 'application.started',
        actor,
        subject: { type: 'application', id: header.applicationId, label: `${institution.name} — ${edition.name}` },
        ip: caller.ip,
      }),
    ]);
  } catch (error) {
    if (failedConditions(error).includes(0)) {
      throw new AppError('ALREADY_EXISTS', 'Application exists', {
        fields: {
          editionId: {
            pl: 'Instytucja ma już zgłoszenie w tej edycji — znajdziesz je na liście zgłoszeń.',
            en: 'The institution already has an application in this edition — find it in the list of applications.',
          },
        },
        cause: error,
      });
    }
    throw error;
  }
  return header;
}
