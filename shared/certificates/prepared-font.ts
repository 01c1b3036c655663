import type { PDFDocument, PDFRef } from 'pdf-lib';
import { PDFHexString, PDFString } from 'pdf-lib';
import { deflate } from './pdf-content';
import type { ParsedFont } from './pdf-fonts';

/**
 * A font subset made once per worker and embedded as ready bytes into every certificate: the letters
 * of Polish and English text (ASCII and the Polish letters), the usual typographic marks, and the
 * accented letters most often met in Polish institutions' and people's names. Subsetting anew for
 * each certificate (fontkit encodes and pdf-lib compresses the font program, builds the widths and
 * the ToUnicode map) was most of a certificate's cost; here it is done once, and each document only
 * registers the prepared streams. Text with a character outside the set takes pdf-lib's
 * per-document subsetting instead (render-certificate.ts), so nothing is drawn as a missing glyph.
 * All of Latin-1 and Latin Extended-A would make the two fonts 53 KB, too much for a 60 KB file.
 */
const charset = [
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)),
  ...'ąćęłńóśźżĄĆĘŁŃÓŚŹŻ',
  ...'\u00a0§°«»×·–—‘’‚“”„•…€',
  ...'äöüßéèêëáàâíìîïúùûçčšžřňťďěůýÄÖÜÉÈÁÀÍÓÚČŠŽŘÝ',
].map((ch) => ch.codePointAt(0) ?? 0);

/** The part of a font the text drawer uses: pdf-lib's PDFFont fits it too. */
export interface TextFont {
  readonly name: string;
  readonly ref: PDFRef;
  widthOfTextAtSize(text: string, size: number): number;
  encodeText(text: string): { toString(): string };
}

interface Prepared {
  program: Uint8Array;
  programLength: number;
  toUnicode: Uint8Array;
  widths: number[];
  gids: Map<number, number>;
  advances: Map<number, number>;
  descriptor: Record<string, number | number[]>;
}

export class PreparedFont {
  private constructor(
    private readonly baseName: string,
    private readonly prepared: Prepared,
  ) {}

  static async create(font: ParsedFont, baseName: string): Promise<PreparedFont> {
    const scale = 1000 / font.unitsPerEm;
    const subset = font.createSubset();
    const gids = new Map<number, number>();
    const advances = new Map<number, number>();
    const unicodeOf = new Map<number, number>();
    for (const cp of charset) {
      if (!font.hasGlyphForCodePoint(cp)) continue;
      const glyph = font.glyphForCodePoint(cp);
      const gid = subset.includeGlyph(glyph);
      gids.set(cp, gid);
      advances.set(cp, glyph.advanceWidth * scale);
      if (!unicodeOf.has(gid)) unicodeOf.set(gid, cp);
    }
    const program = await new Promise<Uint8Array>((resolve) => {
      const parts: Uint8Array[] = [];
      subset
        .encodeStream()
        .on('data', (bytes) => parts.push(bytes))
        .on('end', () => resolve(Buffer.concat(parts)));
    });
    const widths: number[] = [];
    for (const [gid, cp] of [...unicodeOf].sort((a, b) => a[0] - b[0])) widths[gid] = advances.get(cp) ?? 0;
    const { bbox } = font;
    return new PreparedFont(baseName, {
      program: deflate(program),
      programLength: program.byteLength,
      toUnicode: deflate(new TextEncoder().encode(toUnicodeCmap(unicodeOf))),
      widths,
      gids,
      advances,
      descriptor: {
        // Symbolic (a CID font addressed by glyph id) and serif.
        Flags: 6,
        FontBBox: [bbox.minX * scale, bbox.minY * scale, bbox.maxX * scale, bbox.maxY * scale].map(Math.round),
        ItalicAngle: font.italicAngle,
        Ascent: Math.round(font.ascent * scale),
        Descent: Math.round(font.descent * scale),
        CapHeight: Math.round((font.capHeight || font.ascent) * scale),
        XHeight: Math.round((font.xHeight || 0) * scale),
        StemV: 0,
      },
    });
  }

  /** Whether every character of `text` (NFC) is in the prepared subset. */
  covers(text: string): boolean {
    for (const ch of text.normalize('NFC')) if (!this.prepared.gids.has(ch.codePointAt(0) ?? 0)) return false;
    return true;
  }

  /** Registers the prepared font in `doc` (a handful of small dictionaries around ready streams). */
  embed(doc: PDFDocument): TextFont {
    const { context } = doc;
    const p = this.prepared;
    const program = context.register(context.stream(p.program, { Filter: 'FlateDecode', Length1: p.programLength }));
    const descriptor = context.register(
      context.obj({ Type: 'FontDescriptor', FontName: this.baseName, ...p.descriptor, FontFile2: program }),
    );
    const w: (number | number[])[] = [];
    p.widths.forEach((width, gid) => {
      w.push(gid, [Math.round(width)]);
    });
    const cidFont = context.register(
      context.obj({
        Type: 'Font',
        Subtype: 'CIDFontType2',
        BaseFont: this.baseName,
        CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
        FontDescriptor: descriptor,
        CIDToGIDMap: 'Identity',
        W: w,
      }),
    );
    const toUnicode = context.register(context.stream(p.toUnicode, { Filter: 'FlateDecode' }));
    const ref = context.register(
      context.obj({
        Type: 'Font',
        Subtype: 'Type0',
        BaseFont: this.baseName,
        Encoding: 'Identity-H',
        DescendantFonts: [cidFont],
        ToUnicode: toUnicode,
      }),
    );
    return {
      name: this.baseName,
      ref,
      widthOfTextAtSize: (text, size) => {
        let width = 0;
        for (const ch of text.normalize('NFC')) width += p.advances.get(ch.codePointAt(0) ?? 0) ?? 0;
        return (width * size) / 1000;
      },
      encodeText: (text) => {
        let hex = '';
        for (const ch of text.normalize('NFC'))
          hex += (p.gids.get(ch.codePointAt(0) ?? 0) ?? 0).toString(16).padStart(4, '0');
        return PDFHexString.of(hex);
      },
    };
  }
}

function toUnicodeCmap(unicodeOf: Map<number, number>): string {
  const hex4 = (n: number) => n.toString(16).padStart(4, '0');
  const entries = [...unicodeOf].sort((a, b) => a[0] - b[0]).map(([gid, cp]) => `<${hex4(gid)}> <${hex4(cp)}>`);
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const block = entries.slice(i, i + 100);
    blocks.push(`${block.length} beginbfchar\n${block.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000><ffff>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}
