import { MalformedJobError, processCertificateJob } from '../certificates/process-certificate-job';
import { buildExport, type ExportDeps } from '../exports/build-export';
import { exportJobSchema } from '../exports/export-job';
import type { Logger } from '../platform/logger';

/**
 * The worker's entry: one queue carries certificate and export jobs; the `type` field says which.
 * The export deps are built on first need (a certificate job needs only the logger).
 * A malformed body throws, so the queue retries it and then dead-letters it.
 */
export async function processJob(deps: { logger: Logger; exports: () => ExportDeps }, body: string): Promise<void> {
  let type: unknown;
  try {
    type = (JSON.parse(body) as { type?: unknown }).type;
  } catch {
    throw new MalformedJobError(['body is not JSON']);
  }
  if (type === 'export.applications') {
    const parsed = exportJobSchema.safeParse(JSON.parse(body));
    if (!parsed.success)
      throw new MalformedJobError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
    await buildExport(deps.exports(), parsed.data);
    return;
  }
  await processCertificateJob(deps, body);
}
