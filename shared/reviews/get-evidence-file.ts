import { createHash } from 'node:crypto';
import type { Caller } from '../access/caller';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { evidenceBlobKey } from './evidence';
import { evidenceContext, findEvidence } from './evidence-files';
import type { StoredEvidence } from './sheet-store';

/** The expert's own evidence file, only if its bytes are the ones checked (409 INTEGRITY_FAILED otherwise). */
export async function getEvidenceFile(
  deps: Pick<Deps, 'store' | 'blobs' | 'logger'>,
  input: { caller: Caller; editionId: string; applicationId: string; fileId: string },
): Promise<{ evidence: StoredEvidence; body: Uint8Array }> {
  const ctx = await evidenceContext(deps, input, { change: false });
  const evidence = findEvidence(ctx.evidence, input.fileId);
  if (evidence.status !== 'ready') throw new AppError('NOT_FOUND', `No evidence ${input.fileId}`);
  const blob = await deps.blobs.documents.get(evidenceBlobKey(evidence));
  if (!blob) throw new AppError('NOT_FOUND', `No file for evidence ${input.fileId}`);
  if (createHash('sha256').update(blob.body).digest('hex') !== evidence.sha256) {
    deps.logger.error('evidence.integrityFailure', { applicationId: input.applicationId, fileId: input.fileId });
    throw new AppError('INTEGRITY_FAILED', 'Stored file differs from its record');
  }
  return { evidence, body: blob.body };
}
