import { Duration } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface AlarmsProps {
  readonly httpApi: apigwv2.HttpApi;
  readonly functions: Record<string, lambda.IFunction>;
  readonly deadLetters: sqs.IQueue;
  /** Optional address subscribed to the alarm topic (context `alarmEmail`). */
  readonly alarmEmail?: string;
}

/**
 * The api's p99 latency above which, for 15 minutes running (3 periods of 5), someone should look. A
 * warm request takes tens of milliseconds and a cold start about a second (docs/performance.md); the
 * slowest routes (an edition's assignment preview, results) stay under two. Three seconds at p99 for a
 * quarter of an hour is no single cold start but a degraded dependency (DynamoDB throttling, S3, SES)
 * or a route that grew slow with the data, well before the function's 25 s timeout turns it into 5xx.
 */
export const apiP99LatencyThreshold = Duration.seconds(3);

/**
 * Alarms on what must never happen silently. Bad input is always a 4xx (DESIGN.md section 5), so
 * any 5xx or function error is a defect worth a look, and any dead-lettered job (an export, an e-mail,
 * a certificate) is work that was not done. A throttled invocation is a request refused or a job
 * delayed for want of concurrency. The WAF alarm is in EdgeStack (edge-alarms.ts), beside the ACL.
 */
export class Alarms extends Construct {
  readonly topic: sns.Topic;
  readonly serverErrors: cloudwatch.Alarm;
  readonly functionErrors: Record<string, cloudwatch.Alarm>;
  readonly functionThrottles: Record<string, cloudwatch.Alarm>;
  readonly deadLetters: cloudwatch.Alarm;
  readonly apiLatency: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Topic', { displayName: 'Przyjazny Urzad platform alarms', enforceSSL: true });
    if (props.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    const notify = new actions.SnsAction(this.topic);
    const period = Duration.minutes(5);

    // Every alarm here fires on the first occurrence in a 5-minute period; no data means all is well.
    const onAnyOccurrence = (id: string, alarmDescription: string, metric: cloudwatch.IMetric) =>
      new cloudwatch.Alarm(this, id, {
        alarmDescription,
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });

    this.serverErrors = onAnyOccurrence(
      'ApiServerErrors',
      'The HTTP API answered with 5xx (an unhandled error or a function failure)',
      props.httpApi.metricServerError({ period, statistic: cloudwatch.Stats.SUM }),
    );
    this.functionErrors = {};
    this.functionThrottles = {};
    for (const [name, fn] of Object.entries(props.functions)) {
      this.functionErrors[name] = onAnyOccurrence(
        `${pascal(name)}Errors`,
        `The ${name} function threw or timed out`,
        fn.metricErrors({ period, statistic: cloudwatch.Stats.SUM }),
      );
      this.functionThrottles[name] = onAnyOccurrence(
        `${pascal(name)}Throttles`,
        `The ${name} function was throttled (the account's concurrency ran out): requests refused or jobs delayed`,
        fn.metricThrottles({ period, statistic: cloudwatch.Stats.SUM }),
      );
    }
    this.deadLetters = onAnyOccurrence(
      'DeadLetterJobs',
      'Background jobs were dead-lettered after 3 failed attempts; see docs/operations.md to inspect and redrive',
      props.deadLetters.metricApproximateNumberOfMessagesVisible({ period, statistic: cloudwatch.Stats.MAXIMUM }),
    );

    this.apiLatency = new cloudwatch.Alarm(this, 'ApiLatencyP99', {
      alarmDescription: `The HTTP API's p99 latency stayed above ${apiP99LatencyThreshold.toSeconds()} s for 15 minutes (see the dashboard: function duration, DynamoDB throttles)`,
      metric: props.httpApi.metricLatency({ period, statistic: cloudwatch.Stats.p(99) }),
      threshold: apiP99LatencyThreshold.toMilliseconds(),
      evaluationPeriods: 3,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });

    for (const alarm of [
      this.serverErrors,
      ...Object.values(this.functionErrors),
      ...Object.values(this.functionThrottles),
      this.deadLetters,
      this.apiLatency,
    ]) {
      alarm.addAlarmAction(notify);
      alarm.addOkAction(notify);
    }
  }
}

const pascal = (name: string) => name.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());
