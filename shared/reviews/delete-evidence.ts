import type { Caller } from '../access/caller';
import type { Deps } from '../deps';
import { evidenceBlobKey } from './evidence';
import { evidenceContext, findEvidence } from './evidence-files';
import { deleteEvidenceRecord } from './sheet-store';

/** Removes an evidence file of the expert's draft (the record first, conditioned on the draft; then the bytes). */
export async function deleteEvidence(
  deps: Pick<Deps, 'store' | 'blobs'>,
  input: { caller: Caller; editionId: string; applicationId: string; fileId: string },
): Promise<void> {
  const ctx = await evidenceContext(deps, input, { change: true });
  const evidence = findEvidence(ctx.evidence, input.fileId);
  await deleteEvidenceRecord(deps.store, input.applicationId, ctx.expertId, evidence.fileId);
  await deps.blobs.documents.delete(evidenceBlobKey(evidence));
}
