/** `npm run bench`: every benchmark, each against a baseline measured in the same run (DESIGN.md §6). */
import { assignmentBenchmark } from './assignment/assignment';
import { certificatesBenchmark } from './certificates/certificates';
import { coldStartBenchmark } from './cold-start/cold-start';
import { lighthouseBenchmark } from './lighthouse/lighthouse';
import { resultsTableBenchmark } from './results-table/results-table';
import { scoringBenchmark } from './scoring/scoring';
import { surveysBenchmark } from './surveys/surveys';
import { resultsFile } from './support';
import { webBundleBenchmark } from './web/web-bundle';

const benchmarks = {
  'cold-start': coldStartBenchmark,
  assignment: assignmentBenchmark,
  scoring: scoringBenchmark,
  results: resultsTableBenchmark,
  certificates: certificatesBenchmark,
  surveys: surveysBenchmark,
  web: webBundleBenchmark,
  lighthouse: lighthouseBenchmark,
} as const;

const only = process.argv.slice(2);
let failed = false;
for (const [name, run] of Object.entries(benchmarks)) {
  if (only.length > 0 && !only.includes(name)) continue;
  const figures = await run();
  const missed = figures.filter((f) => f.ok === false);
  if (missed.length > 0) {
    failed = true;
    console.error(`\n${name}: target missed for ${missed.map((f) => f.name).join(', ')}`);
  }
}
console.log(`\nFigures written to ${resultsFile}`);
if (failed) process.exitCode = 1;
