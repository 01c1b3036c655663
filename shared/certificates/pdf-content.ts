import { zlibSync } from 'fflate';
import type { PDFDocument, PDFPage } from 'pdf-lib';
import type { TextFont } from './prepared-font';

/**
 * A page's drawing as PDF content-stream text, built as a string and compressed with fflate. pdf-lib's
 * operator objects cost an object per number and its pako deflate is slow; a certificate's QR code
 * alone is some 600 rectangles. fflate is pure JavaScript, so the compressed bytes are the same on
 * every machine and Node version (native zlib builds differ by CPU), which determinism needs.
 */
export type Rgb = readonly [number, number, number];

export const hex = (value: string): Rgb => {
  const n = Number.parseInt(value.slice(1), 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
};

/** At most three decimals, no exponent, no "-0": the same text for the same number everywhere. */
export const num = (n: number): string => {
  const r = Math.round(n * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
};

const K = 0.5522847498;

export type Point = readonly [number, number];

/** The points of a five-pointed star centred on (cx, cy), the first point straight up (y grows upwards). */
export function starPoints(cx: number, cy: number, outer: number, inner = outer * 0.4): Point[] {
  return Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? outer : inner;
    const a = Math.PI / 2 + (i * Math.PI) / 5;
    return [cx + r * Math.cos(a), cy + r * Math.sin(a)] as const;
  });
}

export const diamond = (x: number, y: number, r: number): Point[] => [
  [x, y + r],
  [x + r, y],
  [x, y - r],
  [x - r, y],
];

export type Align = 'left' | 'center' | 'right';

export interface TextStyle {
  font: TextFont;
  size: number;
  color: Rgb;
  align?: Align;
  /** Extra space after every letter, in points (PDF's Tc): spaced capitals for titles. */
  spacing?: number;
}

export const glyphCount = (text: string) => [...text.normalize('NFC')].length;

export function textWidth(text: string, style: Pick<TextStyle, 'font' | 'size' | 'spacing'>): number {
  const spacing = style.spacing ?? 0;
  return style.font.widthOfTextAtSize(text, style.size) + spacing * Math.max(0, glyphCount(text) - 1);
}

export class Content {
  private readonly parts: string[] = [];
  private readonly fontKeys = new Map<TextFont, string>();

  constructor(private readonly page?: PDFPage) {}

  raw(...ops: string[]): this {
    this.parts.push(...ops);
    return this;
  }

  /** Paths added in `draw` are filled with `color` (non-zero winding), inside their own q … Q. */
  fill(color: Rgb, draw: (c: this) => void): this {
    this.parts.push(`q ${color.map(num).join(' ')} rg`);
    draw(this);
    this.parts.push('f Q');
    return this;
  }

  stroke(color: Rgb, width: number, draw: (c: this) => void): this {
    this.parts.push(`q ${color.map(num).join(' ')} RG ${num(width)} w`);
    draw(this);
    this.parts.push('S Q');
    return this;
  }

  rect(x: number, y: number, w: number, h: number): this {
    this.parts.push(`${num(x)} ${num(y)} ${num(w)} ${num(h)} re`);
    return this;
  }

  line(x1: number, y1: number, x2: number, y2: number): this {
    this.parts.push(`${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l`);
    return this;
  }

  polygon(points: readonly Point[]): this {
    points.forEach(([x, y], i) => {
      this.parts.push(`${num(x)} ${num(y)} ${i === 0 ? 'm' : 'l'}`);
    });
    this.parts.push('h');
    return this;
  }

  circle(cx: number, cy: number, r: number): this {
    const k = r * K;
    const c = (...xs: number[]) => `${xs.map(num).join(' ')} c`;
    this.parts.push(
      `${num(cx + r)} ${num(cy)} m`,
      c(cx + r, cy + k, cx + k, cy + r, cx, cy + r),
      c(cx - k, cy + r, cx - r, cy + k, cx - r, cy),
      c(cx - r, cy - k, cx - k, cy - r, cx, cy - r),
      c(cx + k, cy - r, cx + r, cy - k, cx + r, cy),
      'h',
    );
    return this;
  }

  /** One line of text at baseline y, aligned on x; real text (not outlines), so it stays extractable. */
  text(text: string, x: number, y: number, style: TextStyle): this {
    const width = textWidth(text, style);
    const left = style.align === 'center' ? x - width / 2 : style.align === 'right' ? x - width : x;
    // Tc is graphics state and outlives ET: set it on every line, or a spaced title spaces what follows.
    const spacing = ` ${num(style.spacing ?? 0)} Tc`;
    this.parts.push(
      `BT ${style.color.map(num).join(' ')} rg ${this.fontKey(style.font)} ${num(style.size)} Tf${spacing}`,
      `1 0 0 1 ${num(left)} ${num(y)} Tm ${style.font.encodeText(text.normalize('NFC')).toString()} Tj ET`,
    );
    return this;
  }

  private fontKey(font: TextFont): string {
    let key = this.fontKeys.get(font);
    if (!key) {
      if (!this.page) throw new Error('text needs a page to register its font on');
      key = this.page.node.newFontDictionary(font.name, font.ref).toString();
      this.fontKeys.set(font, key);
    }
    return key;
  }

  bytes(): Uint8Array {
    return new TextEncoder().encode(this.parts.join('\n'));
  }
}

/** Compresses and appends content to the page (a page may have several content streams). */
export function appendContent(doc: PDFDocument, page: PDFPage, compressed: Uint8Array): void {
  const stream = doc.context.stream(compressed, { Filter: 'FlateDecode' });
  page.node.addContentStream(doc.context.register(stream));
}

export const deflate = (bytes: Uint8Array): Uint8Array => zlibSync(bytes, { level: 6 });

/**
 * Routes pdf-lib's own compression (font programs, ToUnicode maps, object and xref streams) through
 * fflate: several times faster than pdf-lib's pako and equally deterministic.
 */
export function compressWithFflate(doc: PDFDocument): void {
  const context = doc.context;
  context.flateStream = (contents, dict = {}) =>
    // A string is bytes one char code each, as pdf-lib's own typedArrayFor reads it.
    context.stream(
      deflate(typeof contents === 'string' ? Uint8Array.from(contents, (c) => c.charCodeAt(0)) : contents),
      {
        ...dict,
        Filter: 'FlateDecode',
      },
    );
}

/**
 * Words into at most `maxLines` lines no wider than `width`, greedily; the last line gets an ellipsis
 * when the text does not fit. Long words are kept whole (callers shrink the size first).
 */
export function wrap(text: string, width: number, style: Pick<TextStyle, 'font' | 'size'>, maxLines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && textWidth(candidate, style) > width) {
      lines.push(current);
      current = word;
    } else current = candidate;
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1] ?? '';
  while (last.includes(' ') && textWidth(`${last} …`, style) > width) last = last.slice(0, last.lastIndexOf(' '));
  kept[maxLines - 1] = `${last} …`;
  return kept;
}

/**
 * A name in `lines` balanced lines: every way of breaking the words, keeping the one whose widest
 * line is narrowest. Widths come from each word's width and a space's (pdf-lib does not kern), so
 * trying every break costs additions, not text layouts.
 */
export function balancedLines(
  words: string[],
  lines: number,
  wordWidths: number[],
  spaceWidth: number,
): { lines: string[]; widest: number } {
  const widthOf = (from: number, to: number) => {
    let w = spaceWidth * (to - from - 1);
    for (let i = from; i < to; i++) w += wordWidths[i] ?? 0;
    return w;
  };
  const split = (from: number, count: number): { breaks: number[]; widest: number } => {
    if (count <= 1 || words.length - from <= 1) return { breaks: [], widest: widthOf(from, words.length) };
    let best: { breaks: number[]; widest: number } | undefined;
    for (let i = from + 1; i < words.length; i++) {
      const rest = split(i, count - 1);
      const widest = Math.max(widthOf(from, i), rest.widest);
      if (!best || widest < best.widest) best = { breaks: [i, ...rest.breaks], widest };
    }
    return best ?? { breaks: [], widest: widthOf(from, words.length) };
  };
  const { breaks, widest } = split(0, lines);
  const bounds = [0, ...breaks, words.length];
  return { lines: bounds.slice(1).map((end, i) => words.slice(bounds[i], end).join(' ')), widest };
}

/** The URL broken at a "/" (or anywhere, if it must) into at most three lines no wider than `width`. */
export function urlLines(url: string, width: number, style: Pick<TextStyle, 'font' | 'size' | 'spacing'>): string[] {
  const lines: string[] = [];
  let rest = url;
  while (rest && lines.length < 3) {
    if (textWidth(rest, style) <= width) {
      lines.push(rest);
      break;
    }
    let cut = rest.length - 1;
    while (cut > 1 && textWidth(rest.slice(0, cut), style) > width) cut--;
    const slash = rest.lastIndexOf('/', cut - 1);
    if (slash > cut / 2) cut = slash + 1;
    lines.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  return lines;
}
