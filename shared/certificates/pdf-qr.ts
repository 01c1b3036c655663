import QRCode from 'qrcode';
import type { Content } from './pdf-content';

/** Where a QR code goes on the page: its lower-left corner and its side, in points. */
export interface QrBox {
  left: number;
  bottom: number;
  size: number;
}

/**
 * QR modules as vector rectangles (each row's dark runs merged), not an image: sharp at any zoom
 * and small. Drawn in module units under one matrix, so every rectangle is a few small integers.
 * The box is the modules' own square; the caller keeps a light quiet zone around it.
 */
export function drawQr(c: Content, url: string, box: QrBox): void {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const m = box.size / n;
  c.raw(`q 0.067 0.067 0.067 rg ${m.toFixed(4)} 0 0 ${m.toFixed(4)} ${box.left} ${box.bottom} cm`);
  const runs: string[] = [];
  for (let r = 0; r < n; r++) {
    for (let col = 0; col < n; ) {
      if (!modules.get(r, col)) {
        col++;
        continue;
      }
      let end = col;
      while (end < n && modules.get(r, end)) end++;
      runs.push(`${col} ${n - 1 - r} ${end - col} 1 re`);
      col = end;
    }
  }
  c.raw(runs.join(' '), 'f Q');
}
