import type { Language } from '../language';
import { numericDate } from './certificate-text';
import { hex, type Point, type Rgb, starPoints } from './pdf-content';
import { dejaVuSerif, type ParsedFont, ParsedFonts } from './pdf-fonts';

/**
 * The "Przyjazny Urząd <year>" emblem (godło, issue 15 §2) as one list of shapes in a 512 × 512 box
 * (y downwards), drawn by three backends — SVG, vector PDF and PNG — so the three never drift apart.
 * A navy seal with a gold ring and stars, "PRZYJAZNY URZĄD", the year in gold, a ribbon with the
 * institution's name and "ważny do <date>" under it: the mark is the laureate's own and dated, so a
 * copied emblem on someone else's website or past its validity shows itself.
 */
export interface EmblemData {
  year: number;
  institutionName: string;
  /** ISO instant; printed as the Europe/Warsaw date. */
  validUntil: string;
  language?: Language;
}

export const EMBLEM_SIZE = 512;

export type Shape =
  | { kind: 'circle'; cx: number; cy: number; r: number; fill: Rgb }
  | { kind: 'polygon'; points: Point[]; fill: Rgb }
  /** Centred on x, baseline at y; `width` is the advance width the backends must keep. */
  | { kind: 'text'; text: string; x: number; y: number; size: number; fill: Rgb; width: number };

export const emblemColors = {
  navy: hex('#1c335c'),
  gold: hex('#c39a45'),
  cream: hex('#fdfbf6'),
  white: [1, 1, 1] as Rgb,
};

let bold: ParsedFont | undefined;
/** DejaVu Serif Bold, parsed on first use (the one file read the emblem needs). */
export function emblemFont(): ParsedFont {
  if (!bold) {
    const files = dejaVuSerif();
    bold = new ParsedFonts(files).get(files.bold);
  }
  return bold;
}

/** Advance width of `text` at `size`, from the glyphs' advances (no kerning, like pdf-lib). */
export function measure(text: string, size: number): number {
  const font = emblemFont();
  const glyphs = font.glyphsForString(text.normalize('NFC'));
  return (glyphs.reduce((w, g) => w + g.advanceWidth, 0) * size) / font.unitsPerEm;
}

function nameLines(name: string, maxWidth: number): { lines: string[]; size: number } {
  const words = name.trim().split(/\s+/);
  const one = Math.min(24, maxWidth / Math.max(1, measure(name, 1)));
  if (one >= 17 || words.length < 2) return { lines: [name], size: Math.max(one, 6) };
  let best = { lines: [name], widest: measure(name, 1) };
  for (let i = 1; i < words.length; i++) {
    const lines = [words.slice(0, i).join(' '), words.slice(i).join(' ')];
    const widest = Math.max(...lines.map((l) => measure(l, 1)));
    if (widest < best.widest) best = { lines, widest };
  }
  return { lines: best.lines, size: Math.max(6, Math.min(19, maxWidth / best.widest)) };
}

export function emblemShapes(data: EmblemData): Shape[] {
  const { navy, gold, cream, white } = emblemColors;
  const c = EMBLEM_SIZE / 2;
  const text = (t: string, y: number, size: number, fill: Rgb): Shape => ({
    kind: 'text',
    text: t,
    x: c,
    y,
    size,
    fill,
    width: measure(t, size),
  });
  const stars: Shape[] = [-150, -120, -90, -60, -30].map((deg) => {
    const a = (deg * Math.PI) / 180;
    // starPoints is for y upwards; mirror it for this y-down box.
    const points = starPoints(0, 0, deg === -90 ? 11 : 8).map(
      ([x, y]) => [c + 221 * Math.cos(a) + x, c + 221 * Math.sin(a) - y] as const,
    );
    return { kind: 'polygon', points, fill: gold };
  });
  const name = nameLines(data.institutionName, 372);
  const ribbonMid = 370;
  const nameShapes = name.lines.map((line, i) => {
    const lineHeight = name.size * 1.12;
    const baseline = ribbonMid + name.size * 0.36 + (i - (name.lines.length - 1) / 2) * lineHeight;
    return text(line, baseline, name.size, white);
  });
  const valid =
    data.language === 'en' ? `valid until ${numericDate(data.validUntil)}` : `ważny do ${numericDate(data.validUntil)}`;
  return [
    { kind: 'circle', cx: c, cy: c, r: 250, fill: navy },
    { kind: 'circle', cx: c, cy: c, r: 240, fill: gold },
    { kind: 'circle', cx: c, cy: c, r: 235, fill: navy },
    { kind: 'circle', cx: c, cy: c, r: 207, fill: gold },
    { kind: 'circle', cx: c, cy: c, r: 204, fill: cream },
    ...stars,
    text('PRZYJAZNY', 170, 40, navy),
    text('URZĄD', 216, 40, navy),
    { kind: 'polygon', points: rectPoints(180, 234, 152, 3), fill: gold },
    text(String(data.year), 316, 74, gold),
    {
      kind: 'polygon',
      points: [
        [20, 336],
        [492, 336],
        [472, 370],
        [492, 404],
        [20, 404],
        [40, 370],
      ],
      fill: navy,
    },
    { kind: 'polygon', points: [...rectPoints(50, 340, 412, 1.5)], fill: gold },
    { kind: 'polygon', points: [...rectPoints(50, 398.5, 412, 1.5)], fill: gold },
    ...nameShapes,
    text(valid, 430, 15, navy),
  ];
}

const rectPoints = (x: number, y: number, w: number, h: number): Point[] => [
  [x, y],
  [x + w, y],
  [x + w, y + h],
  [x, y + h],
];
