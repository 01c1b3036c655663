import { PDFDocument } from 'pdf-lib';
import { appendContent, Content, compressWithFflate, deflate } from '../certificates/pdf-content';
import { dejaVuSerif, ParsedFonts } from '../certificates/pdf-fonts';
import { drawQr } from '../certificates/pdf-qr';
import { A4_PORTRAIT, type PosterData, posterLayout } from './survey-poster';

/**
 * The fonts parsed once per process (certificates' DejaVu Serif with every Polish letter); each poster
 * embeds its own subset, so any letter of an office's name prints. A poster is a rare request, so the
 * certificates' prepared subsets (a worker's optimisation for thousands) are not worth their set-up.
 */
let fonts: ParsedFonts | undefined;

/** The poster as PDF bytes: pdf-lib draws survey-poster.ts's layout; text stays real text (pdftotext reads it). */
export async function renderPoster(data: PosterData, createdAt: Date): Promise<Uint8Array> {
  fonts ??= new ParsedFonts(dejaVuSerif());
  const doc = await PDFDocument.create({ updateMetadata: false });
  compressWithFflate(doc);
  const embedded = await fonts.embed(doc);
  const page = doc.addPage([A4_PORTRAIT.width, A4_PORTRAIT.height]);
  const layout = posterLayout(data, embedded);

  const c = new Content(page);
  for (const f of layout.fills) c.fill(f.color, (p) => p.rect(f.x, f.y, f.w, f.h));
  for (const s of layout.strokes)
    c.stroke(s.color, s.width, (p) => (s.h === 0 ? p.line(s.x, s.y, s.x + s.w, s.y) : p.rect(s.x, s.y, s.w, s.h)));
  drawQr(c, layout.qr.url, layout.qr);
  for (const t of layout.texts) c.text(t.text, t.x, t.y, t.style);
  appendContent(doc, page, deflate(c.bytes()));

  const pl = data.language === 'pl';
  doc.setTitle(`${pl ? 'Plakat ankiety' : 'Survey poster'}: ${data.title} — ${data.institutionName}`);
  doc.setSubject(data.url);
  doc.setAuthor(data.institutionName);
  doc.setCreator('Przyjazny Urząd platform — surveys');
  doc.setProducer('pdf-lib 1.17.1');
  doc.setLanguage(pl ? 'pl-PL' : 'en-GB');
  doc.setCreationDate(createdAt);
  doc.setModificationDate(createdAt);
  return doc.save({ useObjectStreams: true, objectsPerTick: Number.POSITIVE_INFINITY });
}
