import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { AppFunction } from './app-function';
import type { DataTable } from './data';
import { acknowledge } from './nag';

export interface SurveyCounterProps {
  readonly data: DataTable;
  readonly logLevel: string;
}

/** Records per invocation and how long Lambda gathers them: counts lag about this, not more. */
export const surveyCounterBatch = { size: 500, window: Duration.seconds(2) } as const;
/** Tries of a failing batch (bisected each time) before its description goes to the dead letters. */
export const surveyCounterRetries = 10;

/**
 * Survey answers counted from the table's stream (issue 18 §7, docs/surveys.md): new answer items only
 * (filter: INSERT of `entity = surveyAnswer`, not counted by the seed), 500 at a time within 2 s, to a
 * small function of its own — the api's bundle and cold start know nothing of it. A failing batch is
 * bisected and retried (the counts' per-shard position makes that exact), and after the retries its
 * stream positions are kept in a dead-letter queue for two weeks (docs/operations.md, runbook).
 */
export class SurveyCounter extends Construct {
  readonly fn: AppFunction;
  readonly deadLetters: sqs.Queue;

  constructor(scope: Construct, id: string, props: SurveyCounterProps) {
    super(scope, id);
    this.fn = new AppFunction(this, 'Counter', {
      name: 'survey-counter',
      description:
        'Survey answers from the table stream into each survey counts item (one UpdateItem per survey and batch)',
      memorySize: 256,
      timeout: Duration.seconds(60),
      environment: { TABLE_NAME: props.data.table.tableName, LOG_LEVEL: props.logLevel },
    });
    this.deadLetters = new sqs.Queue(this, 'DeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(
      this.deadLetters,
      'AwsSolutions-SQS3',
      'This queue is the dead-letter destination of the stream mapping (OnFailure): it holds the stream positions of batches that kept failing, for a recount; a DLQ of a DLQ would hold nothing.',
    );
    this.fn.function.addEventSource(
      new DynamoEventSource(props.data.table, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: surveyCounterBatch.size,
        maxBatchingWindow: surveyCounterBatch.window,
        bisectBatchOnError: true,
        retryAttempts: surveyCounterRetries,
        maxRecordAge: Duration.days(1),
        onFailure: new SqsDlq(this.deadLetters),
        filters: [
          lambda.FilterCriteria.filter({
            eventName: lambda.FilterRule.isEqual('INSERT'),
            dynamodb: {
              NewImage: {
                entity: { S: lambda.FilterRule.isEqual('surveyAnswer') },
                countedOnWrite: lambda.FilterRule.notExists(),
              },
            },
          }),
        ],
      }),
    );
    // The counts item only: read its positions, add to it. No Query, no Scan, no other item's write.
    this.fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
        resources: [props.data.table.tableArn],
      }),
    );
  }

  /** An alarm on the first dead-lettered batch: its answers are stored but not counted until recounted. */
  alarmTo(topic: sns.ITopic): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(this, 'DeadLetteredBatches', {
      alarmDescription:
        'A batch of survey answers from the table stream failed every retry: the answers are stored, their counts lack them (docs/operations.md, runbook)',
      metric: this.deadLetters.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: cloudwatch.Stats.MAXIMUM,
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new actions.SnsAction(topic));
    alarm.addOkAction(new actions.SnsAction(topic));
    return alarm;
  }
}
