import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { surveyCounterBatch, surveyCounterRetries } from '../../infra/constructs/survey-counter';
import { allows, type PlatformFixture, roleStatements, synthPlatform } from './support';

let fx: PlatformFixture;
beforeAll(() => {
  fx = synthPlatform();
}, 300_000);

describe('survey answers counted from the table stream (issue 18 §7)', () => {
  it('the table has a stream of new images', () => {
    expect(fx.resource(fx.stack.data.table).Properties.StreamSpecification).toEqual({
      StreamViewType: 'NEW_IMAGE',
    });
  });

  it('maps the stream to the counter: new answer items only, batched, bisected, retried, then dead-lettered', () => {
    const counter = fx.stack.surveyCounter;
    fx.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: fx.id(counter.fn.function) },
      EventSourceArn: { 'Fn::GetAtt': [fx.id(fx.stack.data.table), 'StreamArn'] },
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: surveyCounterBatch.size,
      MaximumBatchingWindowInSeconds: surveyCounterBatch.window.toSeconds(),
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: surveyCounterRetries,
      MaximumRecordAgeInSeconds: 86_400,
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [fx.id(counter.deadLetters), 'Arn'] } },
      },
      FilterCriteria: {
        Filters: [
          {
            Pattern: JSON.stringify({
              eventName: ['INSERT'],
              dynamodb: { NewImage: { entity: { S: ['surveyAnswer'] }, countedOnWrite: [{ exists: false }] } },
            }),
          },
        ],
      },
    });
    fx.template.hasResourceProperties('AWS::SQS::Queue', {
      QueueName: Match.absent(),
      MessageRetentionPeriod: 14 * 24 * 3600,
      SqsManagedSseEnabled: true,
    });
  });

  it('the counter may read the stream, get and update items — nothing else on the table, and sends failures to its DLQ', () => {
    const counter = fx.stack.surveyCounter;
    const statements = roleStatements(fx.template, fx.id(counter.fn.role));
    const table = fx.id(fx.stack.data.table);
    expect(allows(statements, 'dynamodb:UpdateItem', table)).not.toHaveLength(0);
    expect(allows(statements, 'dynamodb:GetItem', table)).not.toHaveLength(0);
    expect(allows(statements, 'dynamodb:GetRecords', table)).not.toHaveLength(0);
    for (const action of ['dynamodb:Scan', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:DeleteItem'])
      expect(allows(statements, action, table), action).toHaveLength(0);
    expect(allows(statements, 'sqs:SendMessage', fx.id(counter.deadLetters))).not.toHaveLength(0);
  });

  it('alarms on the first dead-lettered batch and on the counter’s errors', () => {
    const counter = fx.stack.surveyCounter;
    fx.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [fx.id(counter.deadLetters), 'QueueName'] } }],
      Threshold: 1,
      AlarmActions: [{ Ref: fx.id(fx.stack.alarms.topic) }],
    });
    expect(fx.stack.alarms.functionErrors['survey-counter']).toBeDefined();
  });

  it('the api function does not carry the counter: its role may not read the stream', () => {
    const statements = roleStatements(fx.template, fx.id(fx.stack.api.fn.role));
    expect(allows(statements, 'dynamodb:GetRecords', fx.id(fx.stack.data.table))).toHaveLength(0);
  });
});
