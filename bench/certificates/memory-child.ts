/**
 * Run in a fresh Node process by certificates.ts: one worker's renderer issuing COUNT certificates
 * in a row, as the queue worker would. Prints JSON: peak RSS (the kernel's high-water mark for this
 * process, startup included), bytes per certificate, time.
 */
import { CertificateRenderer } from '../../shared/certificates/render-certificate';
import { sampleCertificate } from './sample-data';

const count = Number(process.argv[2] ?? 1000);
const renderer = await CertificateRenderer.create();
let bytes = 0;
let largest = 0;
let sampledRss = 0;
const start = performance.now();
for (let i = 0; i < count; i++) {
  const pdf = await renderer.render(sampleCertificate(i));
  bytes += pdf.byteLength;
  largest = Math.max(largest, pdf.byteLength);
  if (i % 50 === 0) sampledRss = Math.max(sampledRss, process.memoryUsage.rss());
}
const ms = performance.now() - start;
console.log(
  JSON.stringify({
    count,
    peakRss: process.resourceUsage().maxRSS * 1024,
    sampledRss,
    meanBytes: bytes / count,
    largest,
    ms,
  }),
);
