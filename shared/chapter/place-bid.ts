import { signedIn, type Caller } from '../access/caller';
import { AppError } from '../errors';
import { keys } from '../store/keys';
import { biddingWindow } from './chapter';
import { assignableStatuses, bidItem, getAssignmentSettings } from './chapter-store';
import { editionApplication } from './conflict-context';
import type { Deps } from '../deps';

/** An expert's preference for an application, −2…+2 (0 removes it), only while bidding is open (server clock). */
export async function placeBid(
  deps: Deps,
  editionId: string,
  applicationId: string,
  value: number,
  caller: Caller,
): Promise<{ applicationId: string; bid: number }> {
  const me = signedIn(caller);
  const [settings, header] = await Promise.all([
    getAssignmentSettings(deps.store, editionId),
    editionApplication(deps.store, editionId, applicationId),
  ]);
  const window = biddingWindow(settings, deps.clock.now());
  if (window !== 'open') {
    throw new AppError(window === 'closed' ? 'DEADLINE_PASSED' : 'INVALID_STATE', `Bidding ${window}`, {
      detail:
        window === 'closed'
          ? { pl: 'Zgłaszanie preferencji zostało zamknięte.', en: 'Bidding has closed.' }
          : { pl: 'Zgłaszanie preferencji nie jest otwarte.', en: 'Bidding is not open.' },
    });
  }
  if (!assignableStatuses.includes(header.status)) throw new AppError('NOT_FOUND', 'Not assignable');
  if (value === 0) await deps.store.delete(keys.bid(editionId, me.userId, applicationId));
  else await deps.store.put(bidItem(editionId, me.userId, applicationId, value, deps.clock.now().toISOString()));
  return { applicationId, bid: value };
}
