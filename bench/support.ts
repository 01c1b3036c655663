import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchRoot = dirname(fileURLToPath(import.meta.url));
export const resultsFile = join(benchRoot, 'results', 'latest.json');

/** One figure of one benchmark, with the baseline measured in the same run. */
export interface Figure {
  benchmark: string;
  name: string;
  value: number;
  unit: string;
  baseline: number;
  ratio: number;
  target?: number;
  ok?: boolean;
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
};

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Replaces this benchmark's figures in bench/results/latest.json, keeping other benchmarks' figures. */
export function writeFigures(benchmark: string, figures: Figure[]): void {
  let existing: Figure[] = [];
  try {
    const parsed: unknown = JSON.parse(readFileSync(resultsFile, 'utf8'));
    if (Array.isArray(parsed)) existing = parsed.filter((f: { benchmark?: unknown }) => f.benchmark !== benchmark);
  } catch {
    // first run
  }
  mkdirSync(dirname(resultsFile), { recursive: true });
  writeFileSync(resultsFile, `${JSON.stringify([...existing, ...figures], null, 2)}\n`);
}

export function printTable(title: string, header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(`\n${title}\n`);
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r.map(String)));
}
