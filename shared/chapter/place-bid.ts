import { type Caller, signedIn } from '../access/caller';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { biddingWindow } from './chapter';
import { assignableStatuses, getAssignmentSettingsOrDefault } from './chapter-store';
import { editionApplication } from './conflict-context';
import { deleteBid, putBid } from './conflict-store';

export interface PlaceBidInput {
  caller: Caller;
  editionId: string;
  applicationId: string;
  /** −2…+2; 0 removes the bid. */
  value: number;
}

/** An expert's preference for an application, −2…+2 (0 removes it), only while bidding is open (server clock). */
export async function placeBid(
  deps: Pick<Deps, 'store' | 'clock'>,
  input: PlaceBidInput,
): Promise<{ applicationId: string; bid: number }> {
  const me = signedIn(input.caller);
  const { editionId, applicationId, value } = input;
  const [settings, header] = await Promise.all([
    getAssignmentSettingsOrDefault(deps.store, editionId),
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
  if (value === 0) await deleteBid(deps.store, editionId, me.userId, applicationId);
  else await putBid(deps.store, editionId, { userId: me.userId, applicationId, value }, deps.clock.now().toISOString());
  return { applicationId, bid: value };
}
