import { crc32, inflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { markName } from './certificate-text';
import { EMBLEM_SIZE, type EmblemData, emblemFont, emblemShapes, type Shape } from './emblem-design';
import { appendContent, Content, compressWithFflate, deflate, num, type Rgb } from './pdf-content';
import { dejaVuSerif, ParsedFonts } from './pdf-fonts';
import { circleContour, outlineContours, type PathCommand, Raster } from './raster';

export type { EmblemData } from './emblem-design';

/**
 * The emblem in its three forms (issue 15 §2), all from `emblemShapes`: SVG and vector PDF, and a
 * PNG for websites, whose text is DejaVu's outlines rasterised here (no image library needed), and
 * into which an Open Badges 3.0 credential can be baked. Deterministic: same data, same bytes.
 */
const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch] ?? ch);

const rgbHex = (c: Rgb) =>
  `#${c
    .map((v) =>
      Math.round(v * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;

function label(data: EmblemData): string {
  return data.language === 'en'
    ? `${markName} ${data.year} emblem — ${data.institutionName}`
    : `Godło ${markName} ${data.year} — ${data.institutionName}`;
}

/** A standalone SVG; text keeps DejaVu's widths through textLength, whatever font the viewer has. */
export function emblemSvg(data: EmblemData): string {
  const parts = emblemShapes(data).map((s) => {
    if (s.kind === 'circle')
      return `<circle cx="${num(s.cx)}" cy="${num(s.cy)}" r="${num(s.r)}" fill="${rgbHex(s.fill)}"/>`;
    if (s.kind === 'polygon') {
      return `<polygon points="${s.points.map(([x, y]) => `${num(x)},${num(y)}`).join(' ')}" fill="${rgbHex(s.fill)}"/>`;
    }
    return `<text x="${num(s.x)}" y="${num(s.y)}" font-size="${num(s.size)}" fill="${rgbHex(s.fill)}" textLength="${num(s.width)}" lengthAdjust="spacingAndGlyphs">${escapeXml(s.text)}</text>`;
  });
  const title = escapeXml(label(data));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${EMBLEM_SIZE} ${EMBLEM_SIZE}" width="${EMBLEM_SIZE}" height="${EMBLEM_SIZE}" role="img" aria-labelledby="title">`,
    `<title id="title">${title}</title>`,
    `<g font-family="'DejaVu Serif', Georgia, serif" font-weight="bold" text-anchor="middle">`,
    ...parts,
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}

let fonts: ParsedFonts | undefined;

/** The emblem as a one-page vector PDF, 512 × 512 pt, the font subset for this document. */
export async function emblemPdf(data: EmblemData): Promise<Uint8Array> {
  fonts ??= new ParsedFonts(dejaVuSerif());
  const doc = await PDFDocument.create({ updateMetadata: false });
  compressWithFflate(doc);
  const { bold } = await fonts.embed(doc);
  const page = doc.addPage([EMBLEM_SIZE, EMBLEM_SIZE]);
  const c = new Content(page);
  const flip = (y: number) => EMBLEM_SIZE - y;
  for (const s of emblemShapes(data)) {
    if (s.kind === 'circle') c.fill(s.fill, (p) => p.circle(s.cx, flip(s.cy), s.r));
    else if (s.kind === 'polygon') c.fill(s.fill, (p) => p.polygon(s.points.map(([x, y]) => [x, flip(y)] as const)));
    else c.text(s.text, s.x, flip(s.y), { font: bold, size: s.size, color: s.fill, align: 'center' });
  }
  appendContent(doc, page, deflate(c.bytes()));
  doc.setTitle(label(data));
  doc.setAuthor(markName);
  doc.setCreator('Przyjazny Urząd platform — emblems');
  doc.setProducer('pdf-lib 1.17.1');
  doc.setLanguage(data.language === 'en' ? 'en-GB' : 'pl-PL');
  return doc.save({ useObjectStreams: true, objectsPerTick: Number.POSITIVE_INFINITY });
}

/** fontkit paths carry their commands; its type declarations leave them out. */
const commandsOf = (path: object): PathCommand[] =>
  'commands' in path && Array.isArray(path.commands) ? path.commands : [];

function textContours(s: Extract<Shape, { kind: 'text' }>, scale: number) {
  const font = emblemFont();
  const unit = (s.size / font.unitsPerEm) * scale;
  let x = (s.x - s.width / 2) * scale;
  const contours = [];
  for (const glyph of font.glyphsForString(s.text.normalize('NFC'))) {
    contours.push(...outlineContours(commandsOf(glyph.path), x, s.y * scale, unit));
    x += glyph.advanceWidth * unit;
  }
  return contours;
}

/** The emblem as a size × size PNG with a transparent background, text included. */
export function emblemPng(data: EmblemData, size = 512): Uint8Array {
  if (!Number.isInteger(size) || size < 16 || size > 4096) throw new RangeError('emblem size must be 16–4096 px');
  const scale = size / EMBLEM_SIZE;
  const raster = new Raster(size, size);
  for (const s of emblemShapes(data)) {
    if (s.kind === 'circle') raster.fill([circleContour(s.cx * scale, s.cy * scale, s.r * scale)], s.fill);
    else if (s.kind === 'polygon') raster.fill([s.points.map(([x, y]) => [x * scale, y * scale] as const)], s.fill);
    else raster.fill(textContours(s, scale), s.fill);
  }
  const png = new PNG({ width: size, height: size });
  png.data = Buffer.from(raster.data);
  return new Uint8Array(PNG.sync.write(png, { colorType: 6 }));
}

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
const KEYWORD = 'openbadgecredential';

interface Chunk {
  type: string;
  data: Buffer;
}

function chunks(png: Uint8Array): Chunk[] {
  const buf = Buffer.from(png);
  if (buf.length < 8 || !buf.subarray(0, 8).equals(SIGNATURE)) throw new TypeError('not a PNG file');
  const out: Chunk[] = [];
  let at = 8;
  while (at + 12 <= buf.length) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    if (at + 12 + length > buf.length) throw new TypeError(`PNG chunk ${type} runs past the end`);
    out.push({ type, data: buf.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
    if (type === 'IEND') break;
  }
  if (out.at(-1)?.type !== 'IEND') throw new TypeError('PNG has no IEND chunk');
  return out;
}

function encodeChunk({ type, data }: Chunk): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

const isCredentialChunk = (c: Chunk) =>
  c.type === 'iTXt' && c.data.toString('latin1', 0, KEYWORD.length + 1) === `${KEYWORD}\0`;

/**
 * Open Badges 3.0 baking: the credential (a JSON object or a compact JWT) in an uncompressed iTXt
 * chunk with the keyword `openbadgecredential`, just before IEND. A PNG is baked once: an earlier
 * credential is replaced, not kept beside the new one.
 */
export function bakePng(png: Uint8Array, credentialJson: string): Uint8Array {
  const list = chunks(png).filter((c) => !isCredentialChunk(c));
  // keyword \0, compression flag 0, method 0, empty language tag \0, empty translated keyword \0, UTF-8 text.
  const data = Buffer.concat([Buffer.from(`${KEYWORD}\0\0\0\0\0`, 'latin1'), Buffer.from(credentialJson, 'utf8')]);
  const baked: Chunk = { type: 'iTXt', data };
  const iend = list.length - 1;
  return new Uint8Array(
    Buffer.concat([SIGNATURE, ...[...list.slice(0, iend), baked, ...list.slice(iend)].map(encodeChunk)]),
  );
}

/** The credential baked into a PNG, or null when there is none. */
export function readBakedCredential(png: Uint8Array): string | null {
  const chunk = chunks(png).find(isCredentialChunk);
  if (!chunk) return null;
  let at = KEYWORD.length + 1;
  const compressed = chunk.data[at] === 1;
  at += 2;
  at = chunk.data.indexOf(0, at) + 1; // language tag
  at = chunk.data.indexOf(0, at) + 1; // translated keyword
  const text = chunk.data.subarray(at);
  return (compressed ? inflateSync(text) : text).toString('utf8');
}
