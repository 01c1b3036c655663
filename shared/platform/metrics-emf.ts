import type { MetricName, Metrics } from './metrics';

/** The CloudWatch namespace of every business metric; the dashboard and alarms read it. */
export const metricsNamespace = 'PrzyjaznyUrzad';

/**
 * CloudWatch embedded metric format: one JSON line per count on stdout, which Lambda ships to the
 * function's log group, where CloudWatch extracts the metric. No SDK, no call, nothing on the
 * request path but a write (docs/performance.md's cold-start budget). The `service` dimension is the
 * Lambda function's name, so a dev and a prod stage in one account never add up.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
 */
export function emfMetrics(
  service: string = process.env.AWS_LAMBDA_FUNCTION_NAME ?? 'local',
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  now: () => number = Date.now,
): Metrics {
  return {
    count(name: MetricName, n = 1) {
      write(
        JSON.stringify({
          _aws: {
            Timestamp: now(),
            CloudWatchMetrics: [
              { Namespace: metricsNamespace, Dimensions: [['service']], Metrics: [{ Name: name, Unit: 'Count' }] },
            ],
          },
          service,
          [name]: n,
        }),
      );
    },
  };
}
