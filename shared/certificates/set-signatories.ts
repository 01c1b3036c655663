import type { Caller } from '../access/caller';
import { callerActor } from '../accounts/user-read-store';
import { changedFields } from '../audit/audit';
import type { Deps } from '../deps';
import type { CertificateSettings, Edition } from '../editions/edition';
import { editionSubject, getEdition, saveEdition } from '../editions/edition-store';

/**
 * Who signs the certificates (issue 15 §1): the chapter's chair and the organizer. Unlike the rest of
 * the settings this may change in any state — certificates are issued after publication — and it is
 * versioned and audited like the settings. Certificates already issued keep the names they were
 * printed with; a re-issue prints the current ones.
 */
export async function setSignatories(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  input: CertificateSettings & { caller: Caller; editionId: string; version: number },
): Promise<Edition> {
  const [before, actor] = await Promise.all([
    getEdition(deps.store, input.editionId),
    callerActor(deps.store, input.caller),
  ]);
  const after: Edition = {
    ...before,
    certificates: { signatories: input.signatories },
    updatedAt: deps.clock.now().toISOString(),
    version: input.version + 1,
  };
  await saveEdition(deps, after, input.version, {
    action: 'edition.settingsUpdated',
    actor,
    subject: editionSubject(after),
    ip: input.caller.ip,
    ...changedFields({ certificates: before.certificates }, { certificates: after.certificates }),
  });
  return after;
}
