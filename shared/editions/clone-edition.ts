import { signedIn, type Caller } from '../access/caller';
import { auditActor } from '../accounts/user-store';
import { auditPut } from '../audit/audit';
import { cloneEdition as cloned, type Edition } from './edition';
import { editionItem, editionSubject, getEdition } from './edition-store';
import type { Deps } from '../deps';

/** Last year's settings, rubric and questionnaire as a new draft; the organizer then moves the dates. */
export async function cloneEdition(
  deps: Deps,
  sourceId: string,
  overrides: { name?: string; number?: string; year?: number },
  caller: Caller,
): Promise<Edition> {
  const [source, { actor }] = await Promise.all([
    getEdition(deps.store, sourceId),
    auditActor(deps.store, signedIn(caller).userId),
  ]);
  const edition = cloned(source, { editionId: deps.ids.newId(), now: deps.clock.now().toISOString() }, overrides);
  await deps.store.transact([
    { Put: { TableName: '', Item: editionItem(edition), ConditionExpression: 'attribute_not_exists(pk)' } },
    auditPut(deps, {
      action: 'edition.cloned',
      actor,
      subject: editionSubject(edition),
      ip: caller.ip,
      details: { from: source.editionId },
    }),
  ]);
  return edition;
}
