/**
 * Business metrics (issue 19 §5): counts of what the contest is doing, as CloudWatch metrics in the
 * cloud (metrics-emf.ts) and nothing, or a record for tests, elsewhere. A use case counts an event
 * right after the write that made it true, so a retried request that changed nothing counts nothing.
 */
export type MetricName =
  | 'ApplicationsSubmitted'
  | 'SheetsSubmitted'
  | 'CertificatesIssued'
  | 'LoginFailures'
  | 'JobsFailed';

export const metricNames: readonly MetricName[] = [
  'ApplicationsSubmitted',
  'SheetsSubmitted',
  'CertificatesIssued',
  'LoginFailures',
  'JobsFailed',
];

export interface Metrics {
  count(name: MetricName, n?: number): void;
}

/** For `npm start`: the events are already in the log and the audit trail. */
export const noMetrics: Metrics = { count: () => {} };

/** Keeps every count in memory (tests assert on what was counted). */
export function recordingMetrics(): Metrics & { counts: Partial<Record<MetricName, number>> } {
  const counts: Partial<Record<MetricName, number>> = {};
  return {
    counts,
    count(name, n = 1) {
      counts[name] = (counts[name] ?? 0) + n;
    },
  };
}
