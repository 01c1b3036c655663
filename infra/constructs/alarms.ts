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
 * Alarms on what must never happen silently. Bad input is always a 4xx (DESIGN.md section 5), so
 * any 5xx or function error is a defect worth a look, and any dead-lettered job (an export, an e-mail,
 * a certificate) is work that was not done.
 */
export class Alarms extends Construct {
  readonly topic: sns.Topic;
  readonly serverErrors: cloudwatch.Alarm;
  readonly functionErrors: Record<string, cloudwatch.Alarm>;
  readonly deadLetters: cloudwatch.Alarm;

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
    for (const [name, fn] of Object.entries(props.functions)) {
      this.functionErrors[name] = onAnyOccurrence(
        `${pascal(name)}Errors`,
        `The ${name} function threw or timed out`,
        fn.metricErrors({ period, statistic: cloudwatch.Stats.SUM }),
      );
    }
    this.deadLetters = onAnyOccurrence(
      'DeadLetterJobs',
      'Background jobs were dead-lettered after 3 failed attempts; see docs/operations.md to inspect and redrive',
      props.deadLetters.metricApproximateNumberOfMessagesVisible({ period, statistic: cloudwatch.Stats.MAXIMUM }),
    );

    for (const alarm of [this.serverErrors, ...Object.values(this.functionErrors), this.deadLetters]) {
      alarm.addAlarmAction(notify);
      alarm.addOkAction(notify);
    }
  }
}

const pascal = (name: string) => name.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());
