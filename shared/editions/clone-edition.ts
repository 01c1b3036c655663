import type { Caller } from '../access/caller';
import { callerActor } from '../accounts/user-read-store';
import type { Deps } from '../deps';
import { cloneEdition as cloned, type Edition } from './edition';
import { editionSubject, getEdition, insertEdition } from './edition-store';

export type CloneEditionDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;

export interface CloneEditionInput {
  caller: Caller;
  /** The edition copied. */
  editionId: string;
  name?: string;
  number?: string;
  year?: number;
}

/** Last year's settings, rubric and questionnaire as a new draft; the organizer then moves the dates. */
export async function cloneEdition(deps: CloneEditionDeps, input: CloneEditionInput): Promise<Edition> {
  const { caller, editionId, ...overrides } = input;
  const [source, actor] = await Promise.all([getEdition(deps.store, editionId), callerActor(deps.store, caller)]);
  const edition = cloned(source, { editionId: deps.ids.newId(), now: deps.clock.now().toISOString() }, overrides);
  await insertEdition(deps, edition, {
    action: 'edition.cloned',
    actor,
    subject: editionSubject(edition),
    ip: caller.ip,
    details: { from: source.editionId },
  });
  return edition;
}
