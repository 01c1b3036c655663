import type { Caller } from '../access/caller';
import { contentTypeOf, kindOfFileName, safeFileName } from '../applications/file-type';
import type { Deps } from '../deps';
import { reserveAttempts } from '../limits/attempts';
import type { UploadTicket } from '../platform/uploads';
import { EVIDENCE_MAX_BYTES, EVIDENCE_PER_CONTACT, evidenceBlobKey, evidenceKinds } from './evidence';
import { channelEnabled, evidenceContext, evidenceProblem, evidenceTypesMessage, tooLarge } from './evidence-files';
import { putPendingEvidence, type StoredEvidence } from './sheet-store';

export interface RequestEvidenceUploadInput {
  caller: Caller;
  editionId: string;
  applicationId: string;
  channel: string;
  fileName: string;
  size: number;
  /** Hex SHA-256 computed by the browser: the single-use upload link accepts only these bytes. */
  sha256: string;
}

/**
 * First step of a mystery-shopper evidence file (issue 13 §3): a photo or a PDF of one contact, on the
 * expert's draft sheet, checked by name and size here and by content in `completeEvidenceUpload`,
 * exactly like an application's attachment. Returns where to PUT the bytes (once).
 */
export async function requestEvidenceUpload(
  deps: Pick<Deps, 'store' | 'clock' | 'ids' | 'uploads'>,
  input: RequestEvidenceUploadInput,
): Promise<{ evidence: StoredEvidence; upload: UploadTicket }> {
  const ctx = await evidenceContext(deps, input, { change: true });
  await reserveAttempts(deps, [{ limit: 'uploadAccount', subject: ctx.expertId }]);
  const { channel } = input;
  if (!channelEnabled(ctx.edition, channel)) {
    throw evidenceProblem(channel, {
      pl: 'Ten kanał tajemniczego klienta nie jest oceniany w tej edycji.',
      en: 'This mystery-shopper channel is not assessed in this edition.',
    });
  }
  const kind = kindOfFileName(input.fileName);
  const allowed = evidenceKinds.find((k) => k === kind);
  if (!allowed) throw evidenceProblem(channel, evidenceTypesMessage());
  if (input.size > EVIDENCE_MAX_BYTES) throw evidenceProblem(channel, tooLarge(input.size, EVIDENCE_MAX_BYTES));
  if (input.size === 0) throw evidenceProblem(channel, { pl: 'Plik jest pusty.', en: 'The file is empty.' });
  if (ctx.evidence.filter((e) => e.channel === channel).length >= EVIDENCE_PER_CONTACT) {
    throw evidenceProblem(channel, {
      pl: `Do jednego kontaktu można dołączyć najwyżej ${EVIDENCE_PER_CONTACT} plików.`,
      en: `At most ${EVIDENCE_PER_CONTACT} files per contact.`,
    });
  }
  const evidence: StoredEvidence = {
    fileId: deps.ids.newId(),
    fileName: safeFileName(input.fileName),
    size: input.size,
    contentType: contentTypeOf[allowed],
    status: 'pending',
    declaredSha256: input.sha256.toLowerCase(),
    applicationId: input.applicationId,
    expertId: ctx.expertId,
    channel,
    createdAt: deps.clock.now().toISOString(),
  };
  await putPendingEvidence(deps.store, evidence);
  const upload = await deps.uploads.presign({
    key: evidenceBlobKey(evidence),
    contentType: evidence.contentType,
    size: evidence.size,
    sha256: evidence.declaredSha256 ?? '',
  });
  return { evidence, upload };
}
