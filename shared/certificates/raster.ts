import type { Point, Rgb } from './pdf-content';

/**
 * A tiny anti-aliased rasteriser for the emblem's PNG: filled polygons (non-zero winding), with
 * 4 sub-scanlines per pixel row and exact horizontal coverage. Circles are polygons of many sides and
 * letters are DejaVu's own outlines flattened, so the PNG shows the same text as the SVG and the PDF.
 */
export class Raster {
  readonly data: Uint8Array;
  private readonly coverage: Float32Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = new Uint8Array(width * height * 4);
    this.coverage = new Float32Array(width + 2);
  }

  /** Fills the contours (in pixels, y downwards) with `color`, blending over what is there. */
  fill(contours: Point[][], color: Rgb): void {
    const edges: [number, number, number, number, number][] = [];
    let minY = Number.POSITIVE_INFINITY;
    let maxY = Number.NEGATIVE_INFINITY;
    let minX = Number.POSITIVE_INFINITY;
    let maxX = Number.NEGATIVE_INFINITY;
    for (const contour of contours) {
      for (let i = 0; i < contour.length; i++) {
        const [x0, y0] = contour[i] ?? [0, 0];
        const [x1, y1] = contour[(i + 1) % contour.length] ?? [0, 0];
        if (y0 === y1) continue;
        edges.push(y0 < y1 ? [x0, y0, x1, y1, 1] : [x1, y1, x0, y0, -1]);
        minY = Math.min(minY, y0, y1);
        maxY = Math.max(maxY, y0, y1);
        minX = Math.min(minX, x0, x1);
        maxX = Math.max(maxX, x0, x1);
      }
    }
    const SS = 4;
    const rgb = color.map((v) => v * 255);
    const top = Math.max(0, Math.floor(minY));
    const bottom = Math.min(this.height, Math.ceil(maxY));
    const left = Math.max(0, Math.floor(minX));
    const right = Math.min(this.width, Math.ceil(maxX) + 1);
    const cov = this.coverage;
    const crossings: [number, number][] = [];
    // Each row tests only the edges it crosses: edges sorted by top, the active ones kept.
    edges.sort((a, b) => a[1] - b[1]);
    let next = 0;
    let active: typeof edges = [];
    for (let py = top; py < bottom; py++) {
      while (next < edges.length && (edges[next]?.[1] ?? 0) < py + 1)
        active.push(edges[next++] as (typeof edges)[number]);
      active = active.filter((e) => e[3] > py);
      cov.fill(0, left, right + 1);
      let touched = false;
      for (let s = 0; s < SS; s++) {
        const y = py + (s + 0.5) / SS;
        crossings.length = 0;
        for (const [x0, y0, x1, y1, dir] of active) {
          if (y < y0 || y >= y1) continue;
          crossings.push([x0 + ((y - y0) * (x1 - x0)) / (y1 - y0), dir]);
        }
        if (crossings.length < 2) continue;
        crossings.sort((a, b) => a[0] - b[0]);
        let winding = 0;
        for (let i = 0; i < crossings.length - 1; i++) {
          winding += crossings[i]?.[1] ?? 0;
          if (winding === 0) continue;
          this.span(crossings[i]?.[0] ?? 0, crossings[i + 1]?.[0] ?? 0, 1 / SS);
          touched = true;
        }
      }
      if (!touched) continue;
      for (let px = left; px < right; px++) {
        const a = Math.min(1, cov[px] ?? 0);
        if (a <= 0) continue;
        const o = (py * this.width + px) * 4;
        const d = this.data;
        const back = (d[o + 3] ?? 0) / 255;
        const outA = a + back * (1 - a);
        for (let k = 0; k < 3; k++) {
          const mixed = ((rgb[k] ?? 0) * a + (d[o + k] ?? 0) * back * (1 - a)) / outA;
          d[o + k] = Math.round(mixed);
        }
        d[o + 3] = Math.round(outA * 255);
      }
    }
  }

  private span(xa: number, xb: number, weight: number): void {
    const a = Math.max(0, Math.min(this.width, xa));
    const b = Math.max(0, Math.min(this.width, xb));
    if (b <= a) return;
    const ia = Math.floor(a);
    const ib = Math.floor(b);
    const cov = this.coverage;
    if (ia === ib) {
      cov[ia] = (cov[ia] ?? 0) + (b - a) * weight;
      return;
    }
    cov[ia] = (cov[ia] ?? 0) + (ia + 1 - a) * weight;
    for (let i = ia + 1; i < ib; i++) cov[i] = (cov[i] ?? 0) + weight;
    if (ib < this.width) cov[ib] = (cov[ib] ?? 0) + (b - ib) * weight;
  }
}

export const circleContour = (cx: number, cy: number, r: number, sides = 180): Point[] =>
  Array.from({ length: sides }, (_, i) => {
    const a = (i / sides) * 2 * Math.PI;
    return [cx + r * Math.cos(a), cy + r * Math.sin(a)] as const;
  });

export interface PathCommand {
  command: string;
  args: number[];
}

/**
 * A glyph outline (font units, y upwards) placed at (x, baseline) with `scale` pixels per unit,
 * curves flattened into short lines.
 */
export function outlineContours(commands: PathCommand[], x: number, baseline: number, scale: number): Point[][] {
  const contours: Point[][] = [];
  let current: Point[] = [];
  let pen: Point = [0, 0];
  const at = (gx: number, gy: number): Point => [x + gx * scale, baseline - gy * scale];
  const STEPS = 8;
  for (const { command, args } of commands) {
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = args;
    if (command === 'moveTo') {
      if (current.length) contours.push(current);
      current = [at(a, b)];
      pen = [a, b];
    } else if (command === 'lineTo') {
      current.push(at(a, b));
      pen = [a, b];
    } else if (command === 'quadraticCurveTo') {
      for (let i = 1; i <= STEPS; i++) {
        const t = i / STEPS;
        const u = 1 - t;
        current.push(at(u * u * pen[0] + 2 * u * t * a + t * t * c, u * u * pen[1] + 2 * u * t * b + t * t * d));
      }
      pen = [c, d];
    } else if (command === 'bezierCurveTo') {
      for (let i = 1; i <= STEPS; i++) {
        const t = i / STEPS;
        const u = 1 - t;
        const px = u * u * u * pen[0] + 3 * u * u * t * a + 3 * u * t * t * c + t * t * t * e;
        const py = u * u * u * pen[1] + 3 * u * u * t * b + 3 * u * t * t * d + t * t * t * f;
        current.push(at(px, py));
      }
      pen = [e, f];
    } else if (command === 'closePath') {
      if (current.length) contours.push(current);
      current = [];
    }
  }
  if (current.length) contours.push(current);
  return contours;
}
