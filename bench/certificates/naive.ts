import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import type { CertificateData } from '../../shared/certificates/certificate-data';
import { certificateWords } from '../../shared/certificates/certificate-text';
import { dejaVuSerif } from '../../shared/certificates/pdf-fonts';
import { groupedHash, shortHash } from '../../shared/results/snapshot';

/**
 * The baseline: the same certificate the way pdf-lib's README builds a PDF, from scratch every time —
 * a new document, fontkit registered, both TTFs embedded and subset (so fontkit parses 740 KB of font
 * and shapes every string), drawn with pdf-lib's drawing calls (one drawRectangle per QR run), saved
 * with the defaults. Only the font files' bytes are read once, as any worker would.
 */
export async function naiveCertificate(data: CertificateData): Promise<Uint8Array> {
  const files = dejaVuSerif();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(files.regular, { subset: true });
  const bold = await doc.embedFont(files.bold, { subset: true });
  const page = doc.addPage([841.89, 595.28]);
  const navy = rgb(0.11, 0.2, 0.36);
  const gold = rgb(0.69, 0.54, 0.24);
  const ink = rgb(0.12, 0.14, 0.16);
  page.drawRectangle({ x: 0, y: 0, width: 841.89, height: 595.28, color: rgb(0.99, 0.98, 0.96) });
  page.drawRectangle({ x: 20, y: 20, width: 801.89, height: 555.28, borderColor: navy, borderWidth: 3 });
  page.drawRectangle({ x: 27, y: 27, width: 787.89, height: 541.28, borderColor: gold, borderWidth: 0.9 });
  page.drawCircle({ x: 420.9, y: 536, size: 20, color: navy, borderColor: gold, borderWidth: 1 });
  const w = certificateWords(data);
  const center = (text: string, y: number, size: number, font = regular, color = ink) =>
    page.drawText(text, { x: 420.9 - font.widthOfTextAtSize(text, size) / 2, y, size, font, color });
  center(w.mark, 502, 9.5, bold, navy);
  center(w.title, 452, 36, bold, navy);
  center(w.intro, 410, 12.5);
  center(data.institution.name, 370, 26, bold);
  center(data.institution.town, 345, 15);
  center(w.before, 315, 11.5);
  center(w.outcome, 292, 19, bold, gold);
  if (data.distinctionReason) center(data.distinctionReason, 272, 10.5);
  center(w.edition, 250, 13.5);
  center(w.category, 230, 12);
  center(w.validUntil, 205, 12.5, bold, navy);
  page.drawText(w.number, { x: 700, y: 535, size: 9, font: regular });
  data.signatories.forEach((s, i) => {
    page.drawLine({ start: { x: 100 + i * 250, y: 114 }, end: { x: 300 + i * 250, y: 114 }, thickness: 0.6 });
    page.drawText(s.name, { x: 110 + i * 250, y: 100, size: 10.5, font: bold });
    page.drawText(s.role, { x: 110 + i * 250, y: 88, size: 8.5, font: regular });
  });
  const { modules } = QRCode.create(data.verifyUrl, { errorCorrectionLevel: 'M' });
  const m = 80 / modules.size;
  for (let r = 0; r < modules.size; r++) {
    for (let c = 0; c < modules.size; ) {
      let end = c;
      while (end < modules.size && modules.get(r, end)) end++;
      if (end > c)
        page.drawRectangle({ x: 660 + c * m, y: 178 - (r + 1) * m, width: (end - c) * m, height: m, color: ink });
      c = end + 1;
    }
  }
  page.drawText(data.verifyUrl, { x: 612, y: 81, size: 6.5, font: regular });
  page.drawText(`${w.code}: ${data.code}`, { x: 625, y: 61, size: 8, font: bold, color: navy });
  page.drawText(`${w.issued} · ${w.hash}: ${groupedHash(shortHash(data.snapshotHash))}`, {
    x: 150,
    y: 52,
    size: 8,
    font: regular,
  });
  doc.setTitle(`Certyfikat ${data.certificateNumber}`);
  return doc.save();
}
