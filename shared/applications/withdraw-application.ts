import { signedIn, type Caller } from '../access/caller';
import { auditActor } from '../accounts/user-store';
import { auditPut } from '../audit/audit';
import { getEdition } from '../editions/edition-store';
import { AppError } from '../errors';
import type { ApplicationHeader } from './application';
import { assertWindowOpen, getHeader, staleApplication, statusChange } from './application-store';
import type { Deps } from '../deps';

/**
 * Withdraws a submitted application before the deadline: it leaves the contest and becomes editable
 * again, so the institution may correct it and submit again while the window is open.
 */
export async function withdrawApplication(
  deps: Deps,
  applicationId: string,
  input: { version: number },
  caller: Caller,
): Promise<ApplicationHeader> {
  const me = signedIn(caller);
  const header = await getHeader(deps.store, applicationId, true);
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
  const { actor } = await auditActor(deps.store, me.userId);
  const now = deps.clock.now().toISOString();
  const after: ApplicationHeader = { ...header, status: 'withdrawn', updatedAt: now, version: input.version + 1 };
  try {
    await deps.store.transact([
      statusChange(header, 'withdrawn', { from: ['submitted'], version: input.version }, now),
      auditPut(deps, {
        action: 'application.withdrawn',
        actor,
        subject: { type: 'application', id: applicationId, label: header.institution.name },
        ip: caller.ip,
        before: { status: 'submitted' },
        after: { status: 'withdrawn' },
      }),
    ]);
  } catch (error) {
    if ((error as { code?: string }).code === 'CONFLICT') throw staleApplication(error);
    throw error;
  }
  return after;
}
