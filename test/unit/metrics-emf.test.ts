import { describe, expect, it } from 'vitest';
import { metricNames } from '../../shared/platform/metrics';
import { emfMetrics, metricsNamespace } from '../../shared/platform/metrics-emf';

/**
 * The embedded metric format's rules (CloudWatch_Embedded_Metric_Format_Specification): a root `_aws`
 * with an integer millisecond Timestamp and CloudWatchMetrics directives; each directive's Namespace,
 * Dimensions (arrays of member names) and Metrics (Name, Unit) must name members of the root object,
 * dimension values being strings and metric values numbers.
 */
function assertEmf(line: string): Record<string, unknown> {
  expect(line).not.toContain('\n');
  const root = JSON.parse(line) as Record<string, unknown> & {
    _aws: {
      Timestamp: number;
      CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[];
    };
  };
  expect(Number.isInteger(root._aws.Timestamp)).toBe(true);
  expect(root._aws.CloudWatchMetrics.length).toBeGreaterThan(0);
  for (const directive of root._aws.CloudWatchMetrics) {
    expect(directive.Namespace).toMatch(/^[\w./#:-]{1,255}$/);
    for (const set of directive.Dimensions) {
      expect(set.length).toBeLessThanOrEqual(30);
      for (const dimension of set) expect(typeof root[dimension]).toBe('string');
    }
    for (const metric of directive.Metrics) {
      expect(typeof root[metric.Name]).toBe('number');
      expect(metric.Unit).toBe('Count');
    }
  }
  return root;
}

describe('EMF metrics', () => {
  it('writes one valid EMF line per count, in the namespace, with the service dimension', () => {
    const lines: string[] = [];
    const metrics = emfMetrics(
      'PlatformStack-dev-ApiFunction',
      (line) => lines.push(line),
      () => 1_767_225_600_000,
    );
    metrics.count('ApplicationsSubmitted');
    metrics.count('JobsFailed', 3);
    expect(lines).toHaveLength(2);
    const [first, second] = lines.map(assertEmf);
    expect(first).toEqual({
      _aws: {
        Timestamp: 1_767_225_600_000,
        CloudWatchMetrics: [
          {
            Namespace: metricsNamespace,
            Dimensions: [['service']],
            Metrics: [{ Name: 'ApplicationsSubmitted', Unit: 'Count' }],
          },
        ],
      },
      service: 'PlatformStack-dev-ApiFunction',
      ApplicationsSubmitted: 1,
    });
    expect(second).toMatchObject({ JobsFailed: 3, service: 'PlatformStack-dev-ApiFunction' });
  });

  it('every business metric makes a valid line; the service defaults to the Lambda function name', () => {
    const previous = process.env.AWS_LAMBDA_FUNCTION_NAME;
    process.env.AWS_LAMBDA_FUNCTION_NAME = 'worker-fn';
    try {
      const lines: string[] = [];
      const metrics = emfMetrics(undefined, (line) => lines.push(line));
      for (const name of metricNames) metrics.count(name);
      expect(lines.map(assertEmf).map((root) => root.service)).toEqual(metricNames.map(() => 'worker-fn'));
    } finally {
      if (previous === undefined) delete process.env.AWS_LAMBDA_FUNCTION_NAME;
      else process.env.AWS_LAMBDA_FUNCTION_NAME = previous;
    }
  });
});
