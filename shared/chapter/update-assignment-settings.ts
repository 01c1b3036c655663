import { signedIn, type Caller } from '../access/caller';
import { auditActor } from '../accounts/user-store';
import { auditPut, changedFields } from '../audit/audit';
import { editionSubject, findEdition, getEdition } from '../editions/edition-store';
import { AppError } from '../errors';
import { keys } from '../store/keys';
import { getHead, headUpdate } from '../assignment/assignment-store';
import type { AssignmentSettings } from './chapter';
import { getAssignmentSettings } from './chapter-store';
import type { Deps } from '../deps';

/** Conflict rules, affinity weights, balance and the bidding window of an edition. Versioned, audited. */
export async function updateAssignmentSettings(
  deps: Deps,
  editionId: string,
  input: Omit<AssignmentSettings, 'version'> & { version?: number },
  caller: Caller,
): Promise<AssignmentSettings> {
  const [edition, current, { actor }, head] = await Promise.all([
    getEdition(deps.store, editionId),
    getAssignmentSettings(deps.store, editionId, true),
    auditActor(deps.store, signedIn(caller).userId),
    getHead(deps.store, editionId),
  ]);
  if ((input.version ?? 0) !== current.version) {
    throw new AppError('STALE_VERSION', 'Settings changed meanwhile', {
      detail: {
        pl: 'Ustawienia przydziału zmieniono w międzyczasie. Odśwież stronę.',
        en: 'The assignment settings changed meanwhile. Refresh the page.',
      },
    });
  }
  if (input.bidding && Date.parse(input.bidding.closesAt) <= Date.parse(input.bidding.opensAt)) {
    throw new AppError('VALIDATION_FAILED', 'Bidding window', {
      fields: {
        'bidding.closesAt': {
          pl: 'Koniec zgłaszania preferencji musi być po jego początku.',
          en: 'Bidding must close after it opens.',
        },
      },
    });
  }
  if (input.previousEditionId) {
    const previous =
      input.previousEditionId === editionId ? null : await findEdition(deps.store, input.previousEditionId);
    if (!previous)
      throw new AppError('VALIDATION_FAILED', 'No previous edition', {
        fields: {
          previousEditionId: { pl: 'Wybierz inną, istniejącą edycję.', en: 'Choose another, existing edition.' },
        },
      });
  }
  const { version: _v, ...fields } = input;
  const next: AssignmentSettings = { ...fields, version: current.version + 1 };
  const { before, after } = changedFields({ ...current }, { ...next });
  await deps.store
    .transact([
      {
        Put: {
          TableName: '',
          Item: { ...keys.assignmentSettings(editionId), entity: 'assignmentSettings', ...next },
          ConditionExpression: current.version === 0 ? 'attribute_not_exists(pk)' : '#v = :v',
          ...(current.version === 0
            ? {}
            : { ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': current.version } }),
        },
      },
      // Rules and weights feed the assignment: a commit computed under the old ones must not land after this.
      headUpdate(head, {}),
      auditPut(deps, {
        action: 'assignment.settingsUpdated',
        actor,
        subject: editionSubject(edition),
        ip: caller.ip,
        before,
        after,
      }),
    ])
    .catch((error: unknown) => {
      if ((error as { code?: string }).code === 'CONFLICT')
        throw new AppError('STALE_VERSION', 'Settings changed meanwhile', { cause: error });
      throw error;
    });
  return next;
}
