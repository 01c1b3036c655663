/**
 * Certificates (issue 15 §9): how fast one worker renders certificate PDFs, against a naive pdf-lib
 * baseline measured in the same run (bench/certificates/naive.ts: every PDF from scratch, fonts
 * parsed, embedded and subset each time). Rates are per CPU second of this process
 * (process.cpuUsage), i.e. "on one core": the machine is shared, and wall time would count other
 * processes' turns on the CPU; the wall-clock rate is printed beside it. Samples interleave the two
 * so drift hits both alike. Then a fresh Node process running memory-child.ts, bundled with the
 * Lambda bundling options, issues 1,000 certificates and reports its peak RSS and the bytes per
 * certificate.
 * Targets: ≥ 100 certificates/s, ≥ 5× the baseline, ≤ 60 KB each, peak RSS ≤ 256 MB for 1,000.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { bundleFileName, esbuildOptions, repoRoot } from '../../infra/constructs/bundling';
import { CertificateRenderer } from '../../shared/certificates/render-certificate';
import { benchRoot, type Figure, median, printTable, round, writeFigures } from '../support';
import { naiveCertificate } from './naive';
import { sampleCertificate } from './sample-data';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 5);
const PER_SAMPLE = Number(process.env.BENCH_CERTIFICATES ?? 100);
const BASELINE_PER_SAMPLE = Math.max(5, Math.round(PER_SAMPLE / 5));
const MEMORY_COUNT = 1000;
const TARGET_RATE = 100;
const TARGET_RATIO = 5;
const TARGET_BYTES = 60 * 1024;
const TARGET_RSS = 256 * 1024 * 1024;

interface Rate {
  cpu: number;
  wall: number;
}

async function measure(count: number, offset: number, render: (i: number) => Promise<Uint8Array>): Promise<Rate> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  for (let i = 0; i < count; i++) await render(offset + i);
  const wallS = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  return { cpu: count / ((used.user + used.system) / 1e6), wall: count / wallS };
}

interface MemoryRun {
  count: number;
  peakRss: number;
  sampledRss: number;
  meanBytes: number;
  largest: number;
  ms: number;
}

/** The worker's code bundled as CDK bundles the Lambda functions, run by plain Node (no tsx in memory). */
async function memoryRun(): Promise<MemoryRun> {
  const outfile = join(benchRoot, '.build', 'certificates', bundleFileName);
  await build({
    ...esbuildOptions,
    entryPoints: [join(benchRoot, 'certificates', 'memory-child.ts')],
    outfile,
    absWorkingDir: repoRoot,
    logLevel: 'error',
  });
  const { stdout } = await promisify(execFile)(process.execPath, [outfile, String(MEMORY_COUNT)], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as MemoryRun;
}

export async function certificatesBenchmark(): Promise<Figure[]> {
  const renderer = await CertificateRenderer.create();
  const fast = (i: number) => renderer.render(sampleCertificate(i));
  const naive = (i: number) => naiveCertificate(sampleCertificate(i));
  // Warm both paths (JIT, font caches), then interleave the samples.
  await measure(20, 0, fast);
  await measure(5, 0, naive);
  const fastRates: Rate[] = [];
  const naiveRates: Rate[] = [];
  for (let s = 0; s < SAMPLES; s++) {
    fastRates.push(await measure(PER_SAMPLE, s * PER_SAMPLE, fast));
    naiveRates.push(await measure(BASELINE_PER_SAMPLE, s * BASELINE_PER_SAMPLE, naive));
  }
  const rate = median(fastRates.map((r) => r.cpu));
  const baseline = median(naiveRates.map((r) => r.cpu));
  const ratio = round(rate / baseline);
  const wall = median(fastRates.map((r) => r.wall));
  const naiveWall = median(naiveRates.map((r) => r.wall));
  const naiveBytes = (await naive(0)).byteLength;
  const memory = await memoryRun();

  const ok = (pass: boolean) => (pass ? 'PASS' : 'FAIL');
  printTable(
    `Certificates: renderer vs naive pdf-lib (median of ${SAMPLES} samples of ${PER_SAMPLE} / ${BASELINE_PER_SAMPLE}; ${MEMORY_COUNT} in a fresh process for memory)`,
    ['figure', 'renderer', 'naive baseline', 'ratio', 'target', 'result'],
    [
      [
        'certificates per CPU second',
        round(rate, 1),
        round(baseline, 1),
        `${ratio}×`,
        `≥ ${TARGET_RATE}, ≥ ${TARGET_RATIO}×`,
        ok(rate >= TARGET_RATE && ratio >= TARGET_RATIO),
      ],
      [
        'certificates per wall second (shared machine)',
        round(wall, 1),
        round(naiveWall, 1),
        `${round(wall / naiveWall)}×`,
        '',
        '',
      ],
      ['bytes per certificate (mean)', Math.round(memory.meanBytes), naiveBytes, '', '', ''],
      ['bytes, largest certificate', memory.largest, '', '', `≤ ${TARGET_BYTES}`, ok(memory.largest <= TARGET_BYTES)],
      [
        `peak RSS for ${memory.count} certificates`,
        `${round(memory.peakRss / 2 ** 20, 1)} MB`,
        '',
        '',
        '≤ 256 MB',
        ok(memory.peakRss <= TARGET_RSS),
      ],
      [`wall time for ${memory.count} in one process`, `${round(memory.ms / 1000, 1)} s`, '', '', '', ''],
    ],
  );
  const figures: Figure[] = [
    {
      benchmark: 'certificates',
      name: 'certificates per second (one core)',
      value: round(rate, 1),
      unit: '1/s',
      baseline: round(baseline, 1),
      ratio,
      target: TARGET_RATE,
      ok: rate >= TARGET_RATE,
    },
    {
      benchmark: 'certificates',
      name: 'speed-up over naive pdf-lib',
      value: ratio,
      unit: '×',
      baseline: 1,
      ratio,
      target: TARGET_RATIO,
      ok: ratio >= TARGET_RATIO,
    },
    {
      benchmark: 'certificates',
      name: 'bytes per certificate (largest)',
      value: memory.largest,
      unit: 'bytes',
      baseline: naiveBytes,
      ratio: round(memory.largest / naiveBytes),
      target: TARGET_BYTES,
      ok: memory.largest <= TARGET_BYTES,
    },
    {
      benchmark: 'certificates',
      name: `peak RSS, ${memory.count} certificates`,
      value: round(memory.peakRss / 2 ** 20, 1),
      unit: 'MB',
      baseline: 0,
      ratio: 0,
      target: 256,
      ok: memory.peakRss <= TARGET_RSS,
    },
  ];
  writeFigures('certificates', figures);
  return figures;
}
