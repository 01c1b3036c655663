import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/**
 * A PDF as its readers meet it: its text extracted by poppler's pdftotext, its first page rasterised
 * by pdftoppm and a QR code read back with jsQR. Without poppler-utils the checks are skipped locally
 * (with a loud warning) and fail in CI, where `.ci/run` installs it.
 */
export const poppler = (() => {
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

let dir: string | undefined;
let file = 0;
export function savePdf(pdf: Uint8Array): string {
  dir ??= mkdtempSync(join(tmpdir(), 'pdf-check-'));
  const path = join(dir, `c${process.pid}-${file++}.pdf`);
  writeFileSync(path, pdf);
  return path;
}

export const pdfText = (pdf: Uint8Array, layout = true) =>
  execFileSync('pdftotext', [...(layout ? ['-layout'] : []), savePdf(pdf), '-'], { encoding: 'utf8' });

export function decodeQr(pdf: Uint8Array): string | undefined {
  const path = savePdf(pdf);
  execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', '-singlefile', path, `${path}-page`]);
  const png = PNG.sync.read(readFileSync(`${path}-page.png`));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}
