import { createHash } from 'node:crypto';
import { PDFDocument, PDFHexString } from 'pdf-lib';
import { groupedHash, shortHash } from '../results/snapshot';
import { CertificateData } from './certificate-data';
import { certificateWords, longDate, markName } from './certificate-text';
import {
  appendContent,
  balancedLines,
  Content,
  deflate,
  diamond,
  hex,
  type Rgb,
  starPoints,
  type TextStyle,
  textWidth,
  compressWithFflate,
  urlLines,
  wrap,
} from './pdf-content';
import { dejaVuSerif, type FontFiles, ParsedFonts } from './pdf-fonts';
import { drawQr } from './pdf-qr';
import { PreparedFont, type TextFont } from './prepared-font';

/**
 * The certificate PDF (issue 15 §1): A4 landscape, Polish first, English on request. One renderer
 * per worker: fonts parsed and the static artwork drawn and compressed once, then `render` many
 * times. Every byte follows from the data — fixed producer and creator, dates = issuedAt, the
 * trailer /ID from the code, fixed subset tags, pdf-lib's name generator seeded alike in every
 * document, pure-JS compression — so a rerun of the worker stores byte-identical files.
 */
export const A4_LANDSCAPE = { width: 841.89, height: 595.28 } as const;
const { width: W, height: H } = A4_LANDSCAPE;
const CX = W / 2;

const navy = hex('#1c335c');
const gold = hex('#b08a3e');
const ink = hex('#1f2329');
const muted = hex('#555c66');
const paper = hex('#fdfbf6');
const white: Rgb = [1, 1, 1];

/** The central column: the text block lives between the title and the signature band. */
const column = { top: 424, bottom: 196, width: 600 } as const;
const qr = { cx: 700, bottom: 98, size: 80, textWidth: 176 } as const;

/** Frame, corners, the seal above the title, the rule under it: the same on every certificate. */
function staticArtwork(): Uint8Array {
  const c = new Content();
  c.fill(paper, (p) => p.rect(0, 0, W, H));
  c.stroke(navy, 3, (p) => p.rect(20, 20, W - 40, H - 40));
  c.stroke(gold, 0.9, (p) => p.rect(27, 27, W - 54, H - 54));
  for (const [x, y, dx, dy] of [
    [36, 36, 1, 1],
    [W - 36, 36, -1, 1],
    [36, H - 36, 1, -1],
    [W - 36, H - 36, -1, -1],
  ] as const) {
    c.stroke(gold, 1.2, (p) => p.line(x, y + dy * 44, x, y).line(x, y, x + dx * 44, y));
    c.fill(gold, (p) => p.polygon(diamond(x + dx * 7, y + dy * 7, 3.2)));
  }
  c.fill(navy, (p) => p.circle(CX, 536, 20));
  c.stroke(gold, 1, (p) => p.circle(CX, 536, 16.5));
  c.fill(gold, (p) => p.polygon(starPoints(CX, 535, 10)));
  c.stroke(gold, 0.8, (p) => p.line(CX - 130, 439, CX - 10, 439).line(CX + 10, 439, CX + 130, 439));
  c.fill(gold, (p) => p.polygon(diamond(CX, 439, 4)));
  // A white field behind the QR code keeps its quiet zone clean on tinted paper.
  c.fill(white, (p) => p.rect(qr.cx - qr.size / 2 - 8, qr.bottom - 8, qr.size + 16, qr.size + 16));
  return deflate(c.bytes());
}

interface Line {
  text: string;
  style: TextStyle;
  /** Space above the line, before gaps are scaled to fill the column. */
  gap: number;
}

/** The institution's name: one line as large as fits, else two (or three) balanced lines. */
function nameLines(name: string, font: TextFont, maxSize: number): { lines: string[]; size: number } {
  const words = name.split(/\s+/).filter(Boolean);
  const wordWidths = words.map((w) => font.widthOfTextAtSize(w, 1));
  const spaceWidth = font.widthOfTextAtSize(' ', 1);
  const rules = [
    { lines: 1, max: maxSize, min: maxSize * 0.78 },
    { lines: 2, max: maxSize * 0.86, min: maxSize * 0.6 },
    { lines: 3, max: maxSize * 0.6, min: 0 },
  ];
  let last = { lines: [name], size: maxSize };
  for (const rule of rules) {
    const { lines, widest } = balancedLines(words, rule.lines, wordWidths, spaceWidth);
    const size = Math.min(rule.max, column.width / widest);
    last = { lines, size: Math.max(size, 8) };
    if (size >= rule.min) return last;
  }
  return last;
}

type Words = ReturnType<typeof certificateWords>;
interface Fonts {
  regular: TextFont;
  bold: TextFont;
}

export class CertificateRenderer {
  private constructor(
    private readonly fonts: ParsedFonts,
    private readonly prepared: { regular: PreparedFont; bold: PreparedFont },
    private readonly artwork: Uint8Array,
  ) {}

  /** Parses the fonts, prepares their common subset and draws the static artwork; once per worker. */
  static async create(files: FontFiles = dejaVuSerif()): Promise<CertificateRenderer> {
    const fonts = new ParsedFonts(files);
    const [regular, bold] = await Promise.all([
      PreparedFont.create(fonts.get(files.regular), 'PUCRTA+DejaVuSerif'),
      PreparedFont.create(fonts.get(files.bold), 'PUCRTB+DejaVuSerif-Bold'),
    ]);
    return new CertificateRenderer(fonts, { regular, bold }, staticArtwork());
  }

  /**
   * The prepared subsets when they hold every character of the certificate (the usual case), else
   * pdf-lib subsets the fonts for this document alone (a name with, say, a Lithuanian letter).
   */
  private async embedFonts(doc: PDFDocument, data: CertificateData, words: Words): Promise<Fonts> {
    const texts = [JSON.stringify(data), ...Object.values(words)].join(' ');
    const { regular, bold } = this.prepared;
    if (regular.covers(texts) && bold.covers(texts)) return { regular: regular.embed(doc), bold: bold.embed(doc) };
    return this.fonts.embed(doc);
  }

  /** The certificate as PDF bytes. Throws a TypeError naming the field when the data is malformed. */
  async render(input: CertificateData): Promise<Uint8Array> {
    const parsed = CertificateData.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new TypeError(`certificate data: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
    }
    const data = parsed.data;
    const doc = await PDFDocument.create({ updateMetadata: false });
    compressWithFflate(doc);
    const words = certificateWords(data);
    const fonts = await this.embedFonts(doc, data, words);
    const page = doc.addPage([W, H]);
    appendContent(doc, page, this.artwork);

    const c = new Content(page);
    const { regular, bold } = fonts;
    c.text(words.mark, CX, 502, { font: bold, size: 9.5, color: navy, align: 'center', spacing: 2.6 });
    c.text(words.title, CX, 452, { font: bold, size: 36, color: navy, align: 'center', spacing: 6 });
    c.text(words.number, W - 58, H - 60, { font: regular, size: 9, color: muted, align: 'right' });
    drawBody(c, data, words, fonts);
    drawSignatories(c, data, fonts);
    drawVerification(c, data, words, fonts);
    const meta = `${words.issued}   ·   ${words.hash}: ${groupedHash(shortHash(data.snapshotHash))}`;
    c.text(meta, 310, 52, { font: regular, size: 8, color: muted, align: 'center' });
    appendContent(doc, page, deflate(c.bytes()));

    setMetadata(doc, data);
    // objectsPerTick: pdf-lib otherwise yields to a timer every 50 objects, idling the worker.
    return doc.save({ useObjectStreams: true, objectsPerTick: Number.POSITIVE_INFINITY });
  }
}

function drawBody(c: Content, data: CertificateData, words: Words, { regular, bold }: Fonts): void {
  const style = (font: TextFont, size: number, color: Rgb, spacing?: number): TextStyle => ({
    font,
    size,
    color,
    align: 'center',
    ...(spacing ? { spacing } : {}),
  });
  const build = (nameMax: number): Line[] => {
    const name = nameLines(data.institution.name, bold, nameMax);
    const reasonStyle = style(regular, 10.5, ink);
    const [open, close] = data.language === 'pl' ? ['„', '”'] : ['“', '”'];
    const reason = data.distinctionReason
      ? wrap(`${open}${data.distinctionReason}${close}`, column.width, reasonStyle, 3).map((text, i) => ({
          text,
          style: reasonStyle,
          gap: i === 0 ? 7 : 2.5,
        }))
      : [];
    return [
      { text: words.intro, style: style(regular, 12.5, muted), gap: 0 },
      ...name.lines.map((text, i) => ({
        text,
        style: style(bold, name.size, ink),
        gap: i === 0 ? 16 : name.size * 0.2,
      })),
      { text: data.institution.town, style: style(regular, 15, ink), gap: 9 },
      { text: words.before, style: style(regular, 11.5, muted), gap: 17 },
      { text: words.outcome, style: style(bold, 19, gold, 3), gap: 6 },
      ...reason,
      { text: words.edition, style: style(regular, 13.5, ink), gap: 15 },
      { text: words.category, style: style(regular, 12, ink), gap: 6 },
      { text: words.validUntil, style: style(bold, 12.5, navy), gap: 13 },
    ];
  };
  const available = column.top - column.bottom;
  const height = (lines: Line[], gapScale: number) =>
    lines.reduce((sum, l) => sum + l.gap * gapScale + l.style.size * 1.02, 0);
  let lines = build(32);
  for (let nameMax = 29; nameMax > 14 && height(lines, 0.55) > available; nameMax -= 3) lines = build(nameMax);
  const gaps = lines.reduce((sum, l) => sum + l.gap, 0);
  const gapScale = Math.min(1.4, Math.max(0.55, (available - height(lines, 0)) / gaps));
  let y = column.top - Math.max(0, (available - height(lines, gapScale)) / 2);
  for (const l of lines) {
    y -= l.gap * gapScale + l.style.size * 0.78;
    c.text(l.text, CX, y, l.style);
    y -= l.style.size * 0.24;
  }
}

function drawSignatories(c: Content, data: CertificateData, { regular, bold }: Fonts): void {
  const n = data.signatories.length;
  const span = 500 / n;
  const width = Math.min(200, span - 20);
  data.signatories.forEach((s, i) => {
    const x = 60 + (i + 0.5) * span;
    c.stroke(muted, 0.6, (p) => p.line(x - width / 2, 114, x + width / 2, 114));
    const nameStyle: TextStyle = { font: bold, size: 10.5, color: ink, align: 'center' };
    const size = Math.min(10.5, (10.5 * width) / Math.max(1, textWidth(s.name, nameStyle)));
    c.text(s.name, x, 100, { ...nameStyle, size });
    const roleStyle: TextStyle = { font: regular, size: 8.5, color: muted, align: 'center' };
    wrap(s.role, width, roleStyle, 2).forEach((text, j) => {
      c.text(text, x, 88 - j * 10, roleStyle);
    });
  });
}

function drawVerification(c: Content, data: CertificateData, words: Words, { regular, bold }: Fonts): void {
  drawQr(c, data.verifyUrl, { left: qr.cx - qr.size / 2, bottom: qr.bottom, size: qr.size });
  c.text(words.verify, qr.cx, qr.bottom + qr.size + 13, { font: regular, size: 7, color: muted, align: 'center' });
  const urlStyle: TextStyle = { font: regular, size: 6.5, color: ink, align: 'center' };
  urlLines(data.verifyUrl, qr.textWidth, urlStyle).forEach((text, i) => {
    c.text(text, qr.cx, qr.bottom - 17 - i * 8, urlStyle);
  });
  c.text(`${words.code}: ${data.code}`, qr.cx, qr.bottom - 37, { font: bold, size: 8, color: navy, align: 'center' });
}

function setMetadata(doc: PDFDocument, data: CertificateData): void {
  const at = new Date(data.issuedAt);
  const pl = data.language === 'pl';
  doc.setTitle(`${pl ? 'Certyfikat' : 'Certificate'} ${data.certificateNumber} — ${data.institution.name}`);
  doc.setSubject(`${markName} ${data.edition.year}, ${longDate(data.issuedAt, data.language)}`);
  doc.setAuthor(markName);
  doc.setCreator('Przyjazny Urząd platform — certificates');
  doc.setProducer('pdf-lib 1.17.1');
  doc.setLanguage(pl ? 'pl-PL' : 'en-GB');
  doc.setCreationDate(at);
  doc.setModificationDate(at);
  // The file identifier (PDF 14.4) from the code: stable across reruns, different per certificate.
  const id = createHash('sha256').update(`certificate:${data.code}`).digest('hex').slice(0, 32);
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
}
