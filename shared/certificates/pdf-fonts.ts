import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

/**
 * DejaVu Serif (regular and bold) from the `dejavu-fonts-ttf` package: open-licensed TTFs with every
 * Polish letter. The standard PDF fonts cannot encode ą or Ł, and the WOFF2 builds crash fontkit's
 * subsetter, hence the TTFs. Read from disk once per process.
 */
export interface FontFiles {
  regular: Uint8Array;
  bold: Uint8Array;
}

const require = createRequire(import.meta.url);
/**
 * In the Lambda bundles the two TTFs are copied beside index.mjs (`fonts/`, infra's bundledFiles):
 * there is no node_modules there. The worker's code is index.mjs itself; in the api's split bundle this
 * module is a chunk in `chunks/` (the survey poster), one level below. Locally and in tests, from the package.
 */
const here = dirname(fileURLToPath(import.meta.url));
const bundledFonts = [join(here, 'fonts'), join(here, '..', 'fonts')];
const fontPath = (file: string) =>
  bundledFonts.map((dir) => join(dir, file)).find((path) => existsSync(path)) ??
  require.resolve(`dejavu-fonts-ttf/ttf/${file}`);

let files: FontFiles | undefined;
export function dejaVuSerif(): FontFiles {
  files ??= {
    regular: new Uint8Array(readFileSync(fontPath('DejaVuSerif.ttf'))),
    bold: new Uint8Array(readFileSync(fontPath('DejaVuSerif-Bold.ttf'))),
  };
  return files;
}

/** The font program parsed by fontkit, as pdf-lib's embedders use it. */
export type ParsedFont = ReturnType<typeof fontkit.create>;

/**
 * The font with `layout` reduced to what pdf-lib reads from it: the glyph of each character. pdf-lib
 * uses only `layout(text).glyphs` (widths and glyph ids; it ignores GPOS positions, so kerning never
 * reached the page), while fontkit's full OpenType shaping cost most of a render's time. Text is
 * NFC-normalised first, so "ą" typed as a + combining ogonek still takes DejaVu's single ą glyph.
 * Ligatures are thereby off too: every glyph maps back to one letter for `pdftotext`.
 */
function withPlainLayout(font: ParsedFont): ParsedFont {
  const plain: ParsedFont = Object.create(font);
  plain.layout = (text: string) => {
    const nfc = text.normalize('NFC');
    const glyphs = font.glyphsForString(nfc);
    // fontkit caches a glyph with the code points of its first request; a glyph first met as a part of
    // a composite (O in Ó, while a subset is written) is cached with none, and pdf-lib then leaves it out
    // of the ToUnicode map of every later document: "Ośrodek" extracted as "środek". Its letter is known here.
    const points = Array.from(nfc, (ch) => ch.codePointAt(0) ?? 0);
    if (points.length === glyphs.length)
      glyphs.forEach((glyph, i) => {
        if (glyph.id !== 0 && glyph.codePoints.length === 0) glyph.codePoints = [points[i] ?? 0];
      });
    return { glyphs, positions: [] } as unknown as ReturnType<ParsedFont['layout']>;
  };
  // The subsetter decodes every glyph it copies, in every document, only to see whether it is a
  // composite; the decoded outline of a glyph never changes, so each glyph is decoded once.
  const decoded = new WeakSet<object>();
  plain.getGlyph = (id: number, codePoints?: number[]) => {
    const glyph = font.getGlyph(id, codePoints);
    if (!decoded.has(glyph)) {
      const internal = glyph as unknown as { _decode: () => unknown };
      const once = internal._decode();
      internal._decode = () => once;
      decoded.add(glyph);
    }
    return glyph;
  };
  return plain;
}

/**
 * A fontkit stand-in that hands pdf-lib fonts parsed once. pdf-lib's `embedFont` parses the whole
 * 380 KB font on every call; a parsed fontkit font is immutable apart from its glyph and layout
 * caches, and each embedding still makes its own subset (`font.createSubset()`), so reusing the
 * parsed font across documents changes no byte of the output, only the time.
 */
export class ParsedFonts {
  private readonly parsed = new Map<Uint8Array, ParsedFont>();

  constructor(readonly files: FontFiles) {
    for (const bytes of [files.regular, files.bold]) this.parsed.set(bytes, withPlainLayout(fontkit.create(bytes)));
  }

  get(bytes: Uint8Array): ParsedFont {
    const font = this.parsed.get(bytes);
    if (!font) throw new Error('font was not prepared by ParsedFonts');
    return font;
  }

  readonly fontkit = { create: (bytes: Uint8Array) => this.get(bytes) };

  /**
   * Embeds both fonts subset into `doc`. The subset tag is fixed (no random name) and the same in
   * every file, which PDF allows: a tag only has to differ between subsets within one document.
   */
  async embed(doc: PDFDocument): Promise<{ regular: PDFFont; bold: PDFFont }> {
    doc.registerFontkit(this.fontkit);
    const [regular, bold] = await Promise.all([
      doc.embedFont(this.files.regular, { subset: true, customName: 'PUDOCA+DejaVuSerif' }),
      doc.embedFont(this.files.bold, { subset: true, customName: 'PUDOCB+DejaVuSerif-Bold' }),
    ]);
    return { regular, bold };
  }
}
