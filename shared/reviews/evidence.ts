import type { FileKind } from '../editions/questionnaire';

/** Evidence of a mystery-shopper contact: a photo or a PDF (a scan, a screenshot, an e-mail printout). */
export const evidenceKinds: readonly FileKind[] = ['pdf', 'png', 'jpeg'];
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_PER_CONTACT = 5;

/** Blob key of an evidence file: built from ids only, never from the file name. */
export const evidenceBlobKey = (e: { applicationId: string; expertId: string; fileId: string }) =>
  `sheets/${e.applicationId}/${e.expertId}/${e.fileId}`;

export function parseEvidenceBlobKey(key: string): { applicationId: string; expertId: string; fileId: string } | null {
  const match = /^sheets\/([0-9A-Za-z_-]{1,64})\/([0-9A-Za-z_-]{1,64})\/([0-9A-Za-z_-]{1,64})$/.exec(key);
  return match ? { applicationId: match[1]!, expertId: match[2]!, fileId: match[3]! } : null;
}
