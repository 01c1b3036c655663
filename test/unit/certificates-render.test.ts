import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCertificateCode } from '../../shared/certificates/certificate-code';
import type { CertificateData } from '../../shared/certificates/certificate-data';
import { A4_LANDSCAPE, CertificateRenderer } from '../../shared/certificates/render-certificate';

/**
 * The certificate as its readers meet it: parsed back by pdf-lib, its text extracted by poppler's
 * pdftotext, its first page rasterised by pdftoppm and the QR code read back with jsQR.
 */
const poppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    if (process.env.CI === 'true') throw new Error('pdftotext/pdftoppm (poppler-utils) missing: cannot skip in CI');
    console.warn('\n*** poppler-utils missing: PDF text and QR checks SKIPPED (apt-get install poppler-utils) ***\n');
    return false;
  }
})();

let seed = 1;
const code = () => newCertificateCode(new Uint8Array(16).map((_, i) => (i * 31 + seed++ * 7) & 255));

const certificate = (overrides: Partial<CertificateData> = {}): CertificateData => {
  const c = overrides.code ?? code();
  return {
    code: c,
    verifyUrl: `https://przyjaznyurzad.example.pl/weryfikacja/${c}`,
    language: 'pl',
    institution: { name: 'Urząd Gminy Łęczna', town: 'Łęczna' },
    edition: { name: 'Przyjazny Urząd', number: 'X edycja', year: 2025 },
    category: { pl: 'urzędy gmin wiejskich', en: 'rural municipal offices' },
    outcome: 'laureate',
    issuedAt: '2025-12-01T10:00:00.000Z',
    validUntil: '2026-12-01T10:00:00.000Z',
    certificateNumber: 'PU/2025/0007',
    signatories: [
      { name: 'prof. dr hab. Żaneta Śliwińska', role: 'Przewodnicząca Kapituły' },
      { name: 'Łukasz Źródłowski', role: 'Prezes Instytutu Jakości, organizator konkursu' },
    ],
    snapshotHash: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    ...overrides,
  };
};

let renderer: CertificateRenderer;
let dir: string;
beforeAll(async () => {
  renderer = await CertificateRenderer.create();
  dir = mkdtempSync(join(tmpdir(), 'cert-render-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let file = 0;
const save = (pdf: Uint8Array) => {
  const path = join(dir, `c${file++}.pdf`);
  writeFileSync(path, pdf);
  return path;
};
const text = (pdf: Uint8Array, layout = true) =>
  execFileSync('pdftotext', [...(layout ? ['-layout'] : []), save(pdf), '-'], { encoding: 'utf8' });

function decodeQr(pdf: Uint8Array): string | undefined {
  const path = save(pdf);
  execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', '-singlefile', path, `${path}-page`]);
  const png = PNG.sync.read(readFileSync(`${path}-page.png`));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

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
