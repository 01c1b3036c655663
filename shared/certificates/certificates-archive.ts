import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Deps } from '../deps';
import { getEdition } from '../editions/edition-read-store';
import { AppError } from '../errors';
import type { CertificateFile } from './certificate';
import { certificateBlobKey, downloadName } from './certificate-files';
import { listEditionCertificates } from './certificate-store';
import { numericDate } from './certificate-text';
import { toCsv } from '../exports/spreadsheet';

/** What the organizer's ZIP holds of each certificate: the prints and the emblem for the institution's website. */
const archived: CertificateFile[] = ['pdf', 'pdf-en', 'emblem-png', 'emblem-svg', 'emblem-pdf', 'credential-json'];

/** A folder name from the number and the institution ("PU-2024-0001 Urząd Gminy Łęczna"), safe in any unzip. */
const folderOf = (number: string, name: string) =>
  `${number.replace(/\//g, '-')} ${name
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()}`.slice(0, 120);

/**
 * Every issued certificate of an edition as one ZIP (issue 15 §3), a folder per certificate with its
 * PDFs, emblem and credential, and a list (CSV, `;`, BOM, for Polish Excel) of numbers, institutions,
 * validity and verification links (the exports' CSV writer). Revoked and superseded certificates are left out.
 */
export async function certificatesArchive(
  deps: Pick<Deps, 'store' | 'blobs'>,
  input: { editionId: string },
): Promise<{ body: Uint8Array; fileName: string }> {
  const edition = await getEdition(deps.store, input.editionId);
  const issued = (await listEditionCertificates(deps.store, input.editionId)).filter((c) => c.status === 'issued');
  if (issued.length === 0) throw new AppError('NOT_FOUND', 'No certificate has been issued in this edition yet');
  const files: Zippable = {};
  for (const cert of issued) {
    const folder: Record<string, Uint8Array> = {};
    const blobs = await Promise.all(archived.map((f) => deps.blobs.certificates.get(certificateBlobKey(cert, f))));
    archived.forEach((file, i) => {
      const blob = blobs[i];
      if (blob) folder[downloadName(cert, file)] = blob.body;
    });
    files[folderOf(cert.certificateNumber, cert.data.institution.name)] = folder;
  }
  const header = ['Numer', 'Instytucja', 'Miejscowość', 'Wynik', 'Kategoria', 'Ważny do', 'Kod', 'Weryfikacja'];
  const rows = issued.map((c) => [
    c.certificateNumber,
    c.data.institution.name,
    c.data.institution.town,
    c.data.outcome === 'laureate' ? 'laureat' : 'wyróżnienie',
    c.data.category.pl,
    numericDate(c.data.validUntil),
    c.code,
    c.data.verifyUrl,
  ]);
  // The exports' CSV writer: BOM, `;`, CRLF, RFC 4180 quoting, and names that look like formulas defused.
  files['certyfikaty.csv'] = strToU8(toCsv(header, rows, 'pl'));
  // Fixed entry times: the same certificates give the same archive.
  const body = zipSync(files, { level: 0, mtime: new Date('2000-01-01T00:00:00Z') });
  return { body, fileName: `certyfikaty-${edition.year}-${edition.number.replace(/[^\p{L}\p{N}]+/gu, '-')}.zip` };
}
