import { longDate } from '../certificates/certificate-text';
import { hex, type Rgb, type TextStyle, textWidth, urlLines, wrap } from '../certificates/pdf-content';
import type { QrBox } from '../certificates/pdf-qr';
import type { TextFont } from '../certificates/prepared-font';
import type { Language } from '../language';
import type { ContactChannel, ContactMatter } from './survey';

/**
 * The survey poster (issue 18 §1): an A4 sheet for a counter, a waiting room or a notice board — the
 * office's name, the survey's title, a short invitation, a large QR code of the public answer link,
 * the link as text and the period. Pure: the layout is computed from the data and the fonts' widths,
 * with no I/O; survey-poster-pdf.ts draws it.
 */
export const A4_PORTRAIT = { width: 595.28, height: 841.89 } as const;
const { width: W, height: H } = A4_PORTRAIT;
const CX = W / 2;
const MARGIN = 48;
const COLUMN = W - 2 * MARGIN;

export const posterColors = {
  navy: hex('#1c335c'),
  gold: hex('#b08a3e'),
  ink: hex('#1f2329'),
  muted: hex('#555c66'),
  white: [1, 1, 1] as Rgb,
} as const;
const { navy, gold, ink, muted, white } = posterColors;

export interface PosterData {
  institutionName: string;
  title: string;
  /** The absolute public link the QR code holds (pre-filled or not). */
  url: string;
  opensOn: string;
  closesOn: string;
  language: Language;
}

export interface Prefill {
  channel?: ContactChannel;
  matter?: ContactMatter;
}

/**
 * The answer page's absolute address, `?kanal=…&sprawa=…` when pre-filled: the names the answer page
 * reads (web/src/pages/surveys/SurveyAnswerPage.tsx) and a resident may see in the address bar.
 */
export function posterUrl(origin: string, surveyId: string, prefill: Prefill = {}): string {
  const query = new URLSearchParams();
  if (prefill.channel) query.set('kanal', prefill.channel);
  if (prefill.matter) query.set('sprawa', prefill.matter);
  const search = query.toString();
  return `${origin.replace(/\/+$/, '')}/ankieta/${encodeURIComponent(surveyId)}${search ? `?${search}` : ''}`;
}

/** A safe ASCII file name: the survey id and what the link pre-fills, so two desks' posters differ. */
export function posterFileName(surveyId: string, prefill: Prefill, language: Language): string {
  const parts = [language === 'pl' ? 'plakat-ankieta' : 'survey-poster', surveyId, prefill.channel, prefill.matter];
  return `${parts
    .filter(Boolean)
    .join('-')
    .replace(/[^A-Za-z0-9_-]/g, '')}.pdf`;
}

const day = (d: string) => `${d}T12:00:00Z`;

export function posterWords(data: Pick<PosterData, 'opensOn' | 'closesOn' | 'language'>) {
  const from = longDate(day(data.opensOn), data.language);
  const to = longDate(day(data.closesOn), data.language);
  return data.language === 'pl'
    ? {
        kicker: 'BADANIE SATYSFAKCJI MIESZKAŃCÓW',
        question: 'Jak oceniasz naszą obsługę?',
        scan: 'Zeskanuj kod i odpowiedz w 30 sekund',
        anonymous: 'Anonimowo — bez logowania i bez podawania danych.',
        address: 'Adres ankiety:',
        period: `Ankieta trwa od ${from} do ${to}`,
        thanks: 'Dziękujemy! Państwa odpowiedzi pomagają nam poprawiać obsługę.',
      }
    : {
        kicker: 'RESIDENTS’ SATISFACTION SURVEY',
        question: 'How would you rate our service?',
        scan: 'Scan the code and answer in 30 seconds',
        anonymous: 'Anonymous — no login, no personal details.',
        address: 'Survey address:',
        period: `The survey runs from ${from} to ${to}`,
        thanks: 'Thank you! Your answers help us improve our service.',
      };
}

export interface PosterText {
  text: string;
  x: number;
  y: number;
  style: TextStyle;
}

export interface PosterLayout {
  /** Filled rectangles, drawn first: [x, y, width, height, colour]. */
  fills: { x: number; y: number; w: number; h: number; color: Rgb }[];
  /** Stroked lines and frames. */
  strokes: { x: number; y: number; w: number; h: number; color: Rgb; width: number }[];
  texts: PosterText[];
  qr: QrBox & { url: string };
}

export interface PosterFonts {
  regular: TextFont;
  bold: TextFont;
}

/**
 * A text as large as fits `maxLines` lines of `width`, from `max` down to `min` points (on one line
 * down to `oneLineMin` first); at `min` the
 * last line ends in an ellipsis. A word wider than the column is broken (a long compound name on a
 * narrow sheet), so no line ever runs off the paper.
 */
export function fitText(
  text: string,
  font: TextFont,
  opts: { max: number; min: number; width: number; maxLines: number; oneLineMin?: number },
): { lines: string[]; size: number } {
  // One line when it can stay large enough: a short sentence broken in two looks like an accident.
  for (let size = opts.max; size >= (opts.oneLineMin ?? opts.max + 1); size -= 1)
    if (textWidth(text, { font, size }) <= opts.width) return { lines: [text], size };
  for (let size = opts.max; size >= opts.min; size -= 1) {
    const style = { font, size };
    const words = breakLongWords(text, opts.width, style);
    const lines = wrap(words, opts.width, style, Number.POSITIVE_INFINITY);
    if (lines.length <= opts.maxLines) return { lines, size };
  }
  const style = { font, size: opts.min };
  const lines = wrap(breakLongWords(text, opts.width, style), opts.width, style, opts.maxLines);
  // wrap keeps the last line's words whole when adding the ellipsis; a single long word may still be too wide.
  return { lines: lines.map((l) => clip(l, opts.width, style)), size: opts.min };
}

function breakLongWords(text: string, width: number, style: Pick<TextStyle, 'font' | 'size'>): string {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((word) => {
      if (textWidth(word, style) <= width) return [word];
      const pieces: string[] = [];
      let piece = '';
      for (const ch of word) {
        if (piece && textWidth(`${piece}${ch}-`, style) > width) {
          pieces.push(`${piece}-`);
          piece = ch;
        } else piece += ch;
      }
      return [...pieces, piece];
    })
    .join(' ');
}

function clip(line: string, width: number, style: Pick<TextStyle, 'font' | 'size'>): string {
  if (textWidth(line, style) <= width) return line;
  let chars = [...line];
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, style) > width) chars = chars.slice(0, -1);
  return `${chars.join('').trimEnd()}…`;
}

/** The link in lines: the path, then its query from `?` (each `&…` on its own line if still too wide). */
function linkLines(url: string, width: number, style: TextStyle): string[] {
  if (textWidth(url, style) <= width) return [url];
  const q = url.indexOf('?');
  if (q < 0) return urlLines(url, width, style);
  const query = url.slice(q);
  const queryLines = textWidth(query, style) <= width ? [query] : query.split(/(?=&)/);
  return [...urlLines(url.slice(0, q), width, style), ...queryLines.flatMap((l) => urlLines(l, width, style))];
}

/** The poster's layout: every line, frame and the QR code's square, top to bottom. */
export function posterLayout(data: PosterData, { regular, bold }: PosterFonts): PosterLayout {
  const words = posterWords(data);
  const texts: PosterText[] = [];
  const centred = (font: TextFont, size: number, color: Rgb, spacing?: number): TextStyle => ({
    font,
    size,
    color,
    align: 'center',
    ...(spacing ? { spacing } : {}),
  });
  let y = H;
  const lines = (fitted: { lines: string[]; size: number }, style: TextStyle, leading = 1.22) => {
    for (const text of fitted.lines) {
      y -= fitted.size * leading;
      texts.push({ text, x: CX, y, style });
    }
  };

  // The band: the office's name, white on navy, as large as fits in up to three lines.
  y -= 44;
  texts.push({ text: words.kicker, x: CX, y, style: centred(bold, 10, gold, 2.4) });
  y -= 6;
  const name = fitText(data.institutionName, bold, { max: 28, min: 15, width: COLUMN, maxLines: 3, oneLineMin: 22 });
  lines(name, centred(bold, name.size, white));
  y -= 28;
  const band = y;
  const fills: PosterLayout['fills'] = [{ x: 0, y: band, w: W, h: H - band, color: navy }];
  const strokes: PosterLayout['strokes'] = [{ x: 0, y: band - 5, w: W, h: 0, color: gold, width: 3 }];

  // The survey's title, then the invitation.
  y -= 22;
  const title = fitText(data.title, bold, { max: 21, min: 13, width: COLUMN, maxLines: 3, oneLineMin: 17 });
  lines(title, centred(bold, title.size, ink));
  y -= 14;
  const question = fitText(words.question, bold, { max: 30, min: 20, width: COLUMN, maxLines: 2, oneLineMin: 22 });
  lines(question, centred(bold, question.size, navy));
  const scan = fitText(words.scan, regular, { max: 19, min: 13, width: COLUMN, maxLines: 2 });
  y -= 4;
  lines(scan, centred(regular, scan.size, ink));
  y -= 20;
  texts.push({ text: words.anonymous, x: CX, y, style: centred(regular, 12, muted) });

  // The foot, bottom up: thanks, period, the link — the QR code takes the room left between.
  // The link as text, for a phone without a camera: smaller rather than broken, broken before `?` or `&`.
  let urlStyle = centred(bold, 12.5, navy);
  while (urlStyle.size > 9 && textWidth(data.url, urlStyle) > COLUMN)
    urlStyle = { ...urlStyle, size: urlStyle.size - 0.5 };
  const url = linkLines(data.url, COLUMN, urlStyle);
  let foot = 40;
  texts.push({ text: words.thanks, x: CX, y: foot, style: centred(regular, 9.5, muted) });
  strokes.push({ x: MARGIN, y: foot + 16, w: COLUMN, h: 0, color: gold, width: 0.8 });
  foot += 42;
  const period = fitText(words.period, regular, { max: 13, min: 10, width: COLUMN, maxLines: 2 });
  for (const text of [...period.lines].reverse()) {
    texts.push({ text, x: CX, y: foot, style: centred(regular, period.size, ink) });
    foot += period.size * 1.25;
  }
  foot += 12;
  for (const text of [...url].reverse()) {
    texts.push({ text, x: CX, y: foot, style: urlStyle });
    foot += urlStyle.size * 1.3;
  }
  texts.push({ text: words.address, x: CX, y: foot, style: centred(regular, 11, muted) });
  foot += 11 + 22;

  // The QR code: as large as the room allows, up to 300 pt, in a gold frame with a white quiet zone.
  const pad = 16;
  const room = y - 26 - foot;
  const size = Math.max(120, Math.min(300, room - 2 * pad));
  const bottom = foot + (room - size) / 2;
  strokes.push({
    x: CX - size / 2 - pad,
    y: bottom - pad,
    w: size + 2 * pad,
    h: size + 2 * pad,
    color: gold,
    width: 1.2,
  });
  return { fills, strokes, texts, qr: { url: data.url, left: CX - size / 2, bottom, size } };
}
