import type { Caller } from '../access/caller';
import { callerActor } from '../accounts/user-read-store';
import type { Deps } from '../deps';
import { getEdition } from '../editions/edition-read-store';
import { AppError } from '../errors';
import type { ApplicationHeader } from './application';
import { assertWindowOpen, changeStatus, getHeader, statusChange } from './application-store';

export type WithdrawApplicationDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;

export interface WithdrawApplicationInput {
  caller: Caller;
  applicationId: string;
  /** The header's version the institution saw. */
  version: number;
  /** The header, when the route's ownership check has read it already (saves a read). */
  header?: ApplicationHeader;
}

/**
 * Withdraws a submitted application before the deadline: it leaves the contest and becomes editable
 * again, so the institution may correct it and submit again while the window is open.
 */
export async function withdrawApplication(
  deps: WithdrawApplicationDeps,
  input: WithdrawApplicationInput,
): Promise<ApplicationHeader> {
  const { applicationId, version, caller } = input;
  const header = input.header ?? (await getHeader(deps.store, applicationId, true));
  if (header.status !== 'submitted') {
    throw new AppError('INVALID_STATE', 'Not submitted', {
      detail: {
        pl: 'Wycofać można tylko złożone zgłoszenie, przed jego oceną formalną.',
        en: 'Only a submitted application can be withdrawn, before its formal check.',
      },
    });
  }
  const edition = await getEdition(deps.store, header.editionId);
  await assertWindowOpen(deps, edition, header);
  const actor = await callerActor(deps.store, caller);
  const now = deps.clock.now().toISOString();
  const after: ApplicationHeader = { ...header, status: 'withdrawn', updatedAt: now, version: version + 1 };
  await changeStatus(deps, statusChange(header, 'withdrawn', { from: ['submitted'], version }, now), {
    action: 'application.withdrawn',
    actor,
    subject: { type: 'application', id: applicationId, label: header.institution.name },
    ip: caller.ip,
    before: { status: 'submitted' },
    after: { status: 'withdrawn' },
  });
  return after;
}
