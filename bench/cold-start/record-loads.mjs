// Module hooks for one unmeasured run (measure-once.mjs with BENCH_LOADS_FILE set): every file URL
// Node loads is appended to that file, so the benchmark can add up the chunks a request read.
import { appendFileSync } from 'node:fs';

export async function load(url, context, nextLoad) {
  if (url.startsWith('file:')) appendFileSync(process.env.BENCH_LOADS_FILE, `${url}\n`);
  return nextLoad(url, context);
}
