import { crc32 } from 'node:zlib';
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { certificateFields, testCode } from '../support/credential-fixtures';
import { decodeQr, pdfText, poppler, savePdf } from '../support/pdf';
import type { CertificateData } from '../../shared/certificates/certificate-data';
import {
  bakePng,
  type EmblemData,
  emblemPdf,
  emblemPng,
  emblemSvg,
  readBakedCredential,
} from '../../shared/certificates/emblem';
import { A4_LANDSCAPE, CertificateRenderer } from '../../shared/certificates/render-certificate';

const code = testCode;

/** The shared fixture with this file's edition (X, 2025) and a full-length results hash. */
const certificate = (overrides: Partial<CertificateData> = {}): CertificateData => {
  const c = overrides.code ?? code();
  return certificateFields({
    code: c,
    verifyUrl: `https://przyjaznyurzad.example.pl/weryfikacja/${c}`,
    edition: { name: 'Przyjazny Urząd', number: 'X edycja', year: 2025 },
    issuedAt: '2025-12-01T10:00:00.000Z',
    validUntil: '2026-12-01T10:00:00.000Z',
    certificateNumber: 'PU/2025/0007',
    snapshotHash: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    ...overrides,
  });
};

let renderer: CertificateRenderer;
beforeAll(async () => {
  renderer = await CertificateRenderer.create();
});
const text = pdfText;
const _save = savePdf;

const names = [
  { name: 'Urząd Gminy Łęczna', town: 'Łęczna' },
  { name: 'Urząd Miasta i Gminy Ćmielów', town: 'Ćmielów' },
  { name: 'Urząd Gminy Kaźmierz', town: 'Kaźmierz' },
  { name: 'Starostwo Powiatowe w Łańcucie', town: 'Łańcut' },
  { name: 'Urząd Gminy Żółkiewka', town: 'Żółkiewka' },
  { name: 'Miejski Ośrodek Pomocy Społecznej w Świętochłowicach', town: 'Świętochłowice' },
];

describe('certificate PDF', () => {
  it('is one A4 landscape page, dated issuedAt, at most 60 KB', async () => {
    const pdf = await renderer.render(certificate());
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect(width).toBeCloseTo(A4_LANDSCAPE.width, 1);
    expect(height).toBeCloseTo(A4_LANDSCAPE.height, 1);
    expect(width).toBeGreaterThan(height);
    expect(doc.getCreationDate()?.toISOString()).toBe('2025-12-01T10:00:00.000Z');
    expect(doc.getModificationDate()?.toISOString()).toBe('2025-12-01T10:00:00.000Z');
    expect(doc.getProducer()).toBe('pdf-lib 1.17.1');
    expect(pdf.byteLength).toBeLessThanOrEqual(60 * 1024);
  });

  const fontDescriptors = async (pdf: Uint8Array) => {
    const doc = await PDFDocument.load(pdf);
    const descriptors = doc.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .filter((o): o is PDFDict => o instanceof PDFDict && o.get(PDFName.of('Type')) === PDFName.of('FontDescriptor'));
    return descriptors.map((d) => {
      const program = doc.context.lookup(d.get(PDFName.of('FontFile2')));
      if (!(program instanceof PDFRawStream)) throw new Error('no embedded font program');
      return { name: d.get(PDFName.of('FontName'))?.toString(), bytes: program.getContents().byteLength };
    });
  };

  it('embeds the fonts as subsets prepared once (tagged names, a fraction of the 350–380 KB files)', async () => {
    const fonts = await fontDescriptors(await renderer.render(certificate()));
    expect(fonts.map((f) => f.name).sort()).toEqual(['/PUCRTA+DejaVuSerif', '/PUCRTB+DejaVuSerif-Bold']);
    for (const f of fonts) expect(f.bytes).toBeLessThan(30 * 1024);
  });

  it('subsets the fonts for the one document when a name has a letter outside the prepared set', async () => {
    const pdf = await renderer.render(
      certificate({ institution: { name: 'Urząd Gminy Ėžerėlis Ştefan', town: 'Łęczna' } }),
    );
    const fonts = await fontDescriptors(pdf);
    expect(fonts.map((f) => f.name).sort()).toEqual(['/PUDOCA+DejaVuSerif', '/PUDOCB+DejaVuSerif-Bold']);
    for (const f of fonts) expect(f.bytes).toBeLessThan(30 * 1024);
    expect(pdf.byteLength).toBeLessThanOrEqual(60 * 1024);
    if (poppler) expect(text(pdf)).toContain('Urząd Gminy Ėžerėlis Ştefan');
  });

  it('gives byte-identical files for the same data, from this renderer and a fresh one', async () => {
    const data = certificate();
    const first = await renderer.render(data);
    const again = await renderer.render(structuredClone(data));
    const fresh = await (await CertificateRenderer.create()).render(data);
    expect(Buffer.compare(Buffer.from(first), Buffer.from(again))).toBe(0);
    expect(Buffer.compare(Buffer.from(first), Buffer.from(fresh))).toBe(0);
    const latin1 = Buffer.from(first).toString('latin1');
    expect(latin1).toMatch(/\/ID \[ <[0-9a-f]{32}> <[0-9a-f]{32}> \]/i);
  });

  it('gives different bytes for different data', async () => {
    const base = certificate();
    const variants = [
      base,
      { ...base, institution: { ...base.institution, name: 'Urząd Gminy Łęczno' } },
      { ...base, certificateNumber: 'PU/2025/0008' },
      { ...base, validUntil: '2026-12-02T10:00:00.000Z' },
      { ...base, language: 'en' as const },
    ];
    const hashes = new Set<string>();
    for (const v of variants) hashes.add(Buffer.from(await renderer.render(v)).toString('base64'));
    expect(hashes.size).toBe(variants.length);
  });

  it('refuses malformed data naming the field', async () => {
    await expect(renderer.render(certificate({ code: 'not-a-code' }))).rejects.toThrow(/code/);
    await expect(renderer.render(certificate({ snapshotHash: 'xyz' }))).rejects.toThrow(/snapshotHash/);
    await expect(renderer.render(certificate({ signatories: [] }))).rejects.toThrow(/signatories/);
  });
});

describe.skipIf(!poppler)('certificate PDF as poppler reads it', () => {
  it('shows "Urząd Gminy Łęczna" exactly, on one line', async () => {
    const out = text(await renderer.render(certificate()));
    expect(out.split('\n').map((l) => l.trim())).toContain('Urząd Gminy Łęczna');
  });

  it.each(names)('shows "$name" exactly, with the number, validity and results digest', async (institution) => {
    const pdf = await renderer.render(certificate({ institution }));
    expect(text(pdf, false).replace(/\s+/g, ' ')).toContain(institution.name);
    const out = text(pdf);
    expect(out).toContain(institution.town);
    expect(out).toContain('PU/2025/0007');
    expect(out).toContain('CERTYFIKAT');
    expect(out).toContain('LAUREAT KONKURSU');
    expect(out).toContain('ważny do 1 grudnia 2026 r.');
    expect(out).toContain('Skrót wyników: ba78 16bf 8f01');
    expect(out).toContain('prof. dr hab. Żaneta Śliwińska');
  });

  it('wraps a long name onto lines that read back as the name', async () => {
    const name = 'Miejski Ośrodek Pomocy Społecznej im. Świętej Jadwigi Śląskiej w Bielsku-Białej & Żółte Łąki';
    const out = text(await renderer.render(certificate({ institution: { name, town: 'Bielsko-Biała' } })), false);
    expect(out.replace(/\s+/g, ' ')).toContain(name);
  });

  it('prints a distinction with its reason', async () => {
    const pdf = await renderer.render(
      certificate({ outcome: 'distinction', distinctionReason: 'Za dostępność cyfrową.' }),
    );
    const out = text(pdf);
    expect(out).toContain('WYRÓŻNIENIE');
    expect(out).toContain('„Za dostępność cyfrową.”');
    expect(out).not.toContain('LAUREAT');
  });

  it('has an English version', async () => {
    const out = text(await renderer.render(certificate({ language: 'en' })));
    expect(out).toContain('CERTIFICATE');
    expect(out).toContain('Valid until 1 December 2026');
    expect(out).toContain('Urząd Gminy Łęczna');
    expect(out.toLowerCase()).toContain('certificate');
  });

  it('prints the date of the Warsaw calendar, not UTC', async () => {
    const out = text(await renderer.render(certificate({ validUntil: '2026-03-31T22:30:00.000Z' })));
    expect(out).toContain('ważny do 1 kwietnia 2026 r.');
  });

  it('carries a QR code that decodes to the verification URL, printed with the grouped code under it', async () => {
    const data = certificate();
    const pdf = await renderer.render(data);
    expect(decodeQr(pdf)).toBe(data.verifyUrl);
    const out = text(pdf);
    expect(out).toContain(`Kod: ${data.code}`);
    expect(out.replace(/\s+/g, '')).toContain('https://przyjaznyurzad.example.pl/weryfikacja/');
  });

  it('decodes the QR code of a long verification URL too', async () => {
    const c = code();
    const verifyUrl = `https://konkurs.przyjazny-urzad.example.gov.pl/weryfikacja/${c}?lang=pl&source=certificate`;
    expect(decodeQr(await renderer.render(certificate({ code: c, verifyUrl, language: 'en' })))).toBe(verifyUrl);
  });
});

/** Well-formed XML, checked by hand: tags nest and close, attributes are quoted, text has no bare & or <. */
function wellFormed(xml: string): boolean {
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|<\?[^>]*\?>|([^<]+)|(<)/g;
  for (const m of xml.matchAll(token)) {
    const [, closing, name, attributes, selfClosing, text, stray] = m;
    if (stray) return false;
    if (text !== undefined) {
      if (/&(?!(?:amp|lt|gt|quot|apos|#\d+);)/.test(text)) return false;
      continue;
    }
    if (!name) continue;
    if (/&(?!(?:amp|lt|gt|quot|apos|#\d+);)/.test(attributes ?? '')) return false;
    if (closing) {
      if (stack.pop() !== name) return false;
    } else if (!selfClosing) stack.push(name);
  }
  return stack.length === 0;
}

function pngChunks(png: Uint8Array) {
  const buf = Buffer.from(png);
  const chunks: { type: string; crcOk: boolean; data: Buffer }[] = [];
  for (let at = 8; at < buf.length; ) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + length);
    const crcOk = crc32(buf.subarray(at + 4, at + 8 + length)) >>> 0 === buf.readUInt32BE(at + 8 + length);
    chunks.push({ type, crcOk, data });
    at += 12 + length;
  }
  return chunks;
}

const emblem: EmblemData = {
  year: 2025,
  institutionName: 'Urząd Gminy Łęczna',
  validUntil: '2026-12-01T10:00:00.000Z',
};

describe('emblem', () => {
  it('is a well-formed SVG with the name escaped', () => {
    const svg = emblemSvg({ ...emblem, institutionName: 'Zakład Gospodarki Komunalnej <Łańcut> & "Syn"' });
    expect(wellFormed(svg)).toBe(true);
    expect(wellFormed('<svg><text>A & B</text></svg>')).toBe(false);
    expect(svg).toContain('Zakład Gospodarki Komunalnej &lt;Łańcut&gt; &amp; &quot;Syn&quot;');
    expect(svg).toContain('PRZYJAZNY');
    expect(svg).toContain('2025');
    expect(svg).toContain('ważny do 01.12.2026');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(emblemSvg(emblem)).toBe(emblemSvg(structuredClone(emblem)));
  });

  it('is a PNG of size × size with a transparent corner and the same bytes every time', () => {
    for (const size of [512, 200]) {
      const png = emblemPng(emblem, size);
      const decoded = PNG.sync.read(Buffer.from(png));
      expect([decoded.width, decoded.height]).toEqual([size, size]);
      expect(decoded.data[3]).toBe(0);
      const centre = (Math.floor(size / 2) * size + Math.floor(size / 2)) * 4;
      expect(decoded.data[centre + 3]).toBe(255);
      expect(pngChunks(png).every((c) => c.crcOk)).toBe(true);
    }
    expect(Buffer.compare(Buffer.from(emblemPng(emblem, 128)), Buffer.from(emblemPng(emblem, 128)))).toBe(0);
    expect(
      Buffer.compare(Buffer.from(emblemPng(emblem, 128)), Buffer.from(emblemPng({ ...emblem, year: 2026 }, 128))),
    ).not.toBe(0);
  });

  it('bakes an Open Badges credential into an iTXt chunk before IEND that reads back identical', () => {
    const png = emblemPng(emblem, 64);
    const credential = JSON.stringify({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      name: 'Przyjazny Urząd 2025 — Łęczna',
    });
    const baked = bakePng(png, credential);
    expect(readBakedCredential(baked)).toBe(credential);
    expect(readBakedCredential(png)).toBeNull();
    const chunks = pngChunks(baked);
    expect(chunks.every((c) => c.crcOk)).toBe(true);
    expect(chunks.map((c) => c.type).slice(-2)).toEqual(['iTXt', 'IEND']);
    expect(chunks.at(-2)?.data.toString('latin1', 0, 20)).toBe('openbadgecredential\0');
    expect(PNG.sync.read(Buffer.from(baked)).width).toBe(64);
    // Baking again replaces the credential instead of adding a second one.
    const rebaked = bakePng(baked, '{"v":2}');
    expect(readBakedCredential(rebaked)).toBe('{"v":2}');
    expect(pngChunks(rebaked).filter((c) => c.type === 'iTXt')).toHaveLength(1);
    expect(() => bakePng(new Uint8Array([1, 2, 3]), '{}')).toThrow(TypeError);
  });

  it('is a one-page vector PDF, the same bytes every time', async () => {
    const pdf = await emblemPdf(emblem);
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getPage(0).getSize()).toEqual({ width: 512, height: 512 });
    expect(Buffer.compare(Buffer.from(pdf), Buffer.from(await emblemPdf(emblem)))).toBe(0);
    if (poppler) {
      const out = text(pdf, false).replace(/\s+/g, ' ');
      expect(out).toContain('Urząd Gminy Łęczna');
      expect(out).toContain('ważny do 01.12.2026');
    }
  });
});
