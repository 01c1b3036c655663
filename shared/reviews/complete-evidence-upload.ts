import { createHash } from 'node:crypto';
import type { Caller } from '../access/caller';
import { sniffFileKind } from '../applications/file-type';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { EVIDENCE_MAX_BYTES, evidenceBlobKey, evidenceKinds } from './evidence';
import { evidenceContext, evidenceProblem, evidenceTypesMessage, findEvidence, tooLarge } from './evidence-files';
import { deleteEvidenceRecord, markEvidenceReady, type StoredEvidence } from './sheet-store';

/**
 * Second step: the bytes are stored. Size, the declared SHA-256 and the content (magic numbers, not
 * the name) are checked; a file that fails is deleted with its record (400 naming the contact's
 * evidence). A good one becomes `ready` — only while the sheet is still a draft.
 */
export async function completeEvidenceUpload(
  deps: Pick<Deps, 'store' | 'blobs'>,
  input: { caller: Caller; editionId: string; applicationId: string; fileId: string },
): Promise<StoredEvidence> {
  const ctx = await evidenceContext(deps, input, { change: true });
  const evidence = findEvidence(ctx.evidence, input.fileId);
  if (evidence.status === 'ready') return evidence;
  const key = evidenceBlobKey(evidence);
  const blob = await deps.blobs.documents.get(key);
  if (!blob) {
    throw new AppError('INVALID_STATE', 'Nothing uploaded', {
      detail: {
        pl: 'Plik nie dotarł na serwer — wyślij go ponownie.',
        en: 'The file did not reach the server — upload it again.',
      },
    });
  }
  const discard = async (message: { pl: string; en: string }) => {
    await deps.blobs.documents.delete(key);
    await deleteEvidenceRecord(deps.store, input.applicationId, ctx.expertId, evidence.fileId);
    return evidenceProblem(evidence.channel, message);
  };
  if (blob.body.length > EVIDENCE_MAX_BYTES || blob.body.length !== evidence.size)
    throw await discard(tooLarge(blob.body.length, EVIDENCE_MAX_BYTES));
  const sha256 = createHash('sha256').update(blob.body).digest('hex');
  if (evidence.declaredSha256 && sha256 !== evidence.declaredSha256) {
    throw await discard({
      pl: `Zawartość pliku „${evidence.fileName}” różni się od zgłoszonej. Dodaj plik ponownie.`,
      en: `The content of "${evidence.fileName}" differs from the declared one. Add the file again.`,
    });
  }
  const kind = sniffFileKind(blob.body);
  if (!kind || !evidenceKinds.includes(kind)) throw await discard(evidenceTypesMessage());
  const ready: StoredEvidence = { ...evidence, status: 'ready', kind, sha256 };
  await markEvidenceReady(deps.store, ready);
  return ready;
}
