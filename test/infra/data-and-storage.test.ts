import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { slotBlobKey } from '../../shared/feedback/attachment';
import { tableDefinition } from '../../shared/store/table';
import { allows, roleStatements, synthPlatform, type PlatformFixture } from './support';

let fx: PlatformFixture;
beforeAll(() => {
  fx = synthPlatform();
}, 300_000);

describe('data', () => {
  it('builds the table from tableDefinition: keys, every GSI, TTL', () => {
    const keySchema = (pk: { name: string }, sk: { name: string }) => [
      { AttributeName: pk.name, KeyType: 'HASH' },
      { AttributeName: sk.name, KeyType: 'RANGE' },
    ];
    const { partitionKey, sortKey, globalIndexes, timeToLiveAttribute } = tableDefinition;
    const attributes = new Map(
      [partitionKey, sortKey, ...globalIndexes.flatMap((i) => [i.partitionKey, i.sortKey])].map((a) => [
        a.name,
        a.type,
      ]),
    );
    const tables = fx.template.findResources('AWS::DynamoDB::GlobalTable');
    expect(Object.keys(tables)).toHaveLength(1);
    const props = Object.values(tables)[0]!.Properties;

    expect(props.KeySchema).toEqual(keySchema(partitionKey, sortKey));
    expect(props.GlobalSecondaryIndexes).toEqual(
      globalIndexes.map((i) => ({
        IndexName: i.name,
        KeySchema: keySchema(i.partitionKey, i.sortKey),
        Projection: { ProjectionType: 'ALL' },
      })),
    );
    const definitions = props.AttributeDefinitions as { AttributeName: string; AttributeType: string }[];
    expect(new Map(definitions.map((a) => [a.AttributeName, a.AttributeType]))).toEqual(attributes);
    expect(props.TimeToLiveSpecification).toEqual({ AttributeName: timeToLiveAttribute, Enabled: true });
    expect(props.BillingMode).toBe('PAY_PER_REQUEST');
  });

  it('protects the table with PITR (retention and deletion protection per stage: stages-and-backup.test.ts)', () => {
    fx.template.hasResource('AWS::DynamoDB::GlobalTable', {
      Properties: Match.objectLike({
        Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })],
      }),
    });
  });
});

describe('buckets', () => {
  it('every bucket is private, versioned, S3-encrypted and retained', () => {
    const buckets = fx.template.findResources('AWS::S3::Bucket');
    expect(Object.keys(buckets).sort()).toEqual(
      [fx.stack.storage.accessLogs, fx.stack.storage.documents, fx.stack.storage.certificates, fx.stack.web.bucket]
        .map(fx.id)
        .sort(),
    );
    for (const bucket of Object.values(buckets)) {
      expect(bucket.DeletionPolicy).toBe('Retain');
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
      expect(bucket.Properties.BucketEncryption).toEqual({
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      });
    }
  });

  it('every bucket policy denies requests without TLS', () => {
    const policies = Object.values(fx.template.findResources('AWS::S3::BucketPolicy'));
    for (const bucketId of Object.keys(fx.template.findResources('AWS::S3::Bucket'))) {
      const policy = policies.find((p) => p.Properties.Bucket.Ref === bucketId);
      expect(policy, `bucket policy of ${bucketId}`).toBeDefined();
      expect(policy!.Properties.PolicyDocument.Statement).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            Effect: 'Deny',
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      );
    }
  });

  it('unsent feedback attachments (upload slots never used) expire from the documents bucket after a day', () => {
    const rules = fx.resource(fx.stack.storage.documents).Properties.LifecycleConfiguration?.Rules;
    expect(rules).toEqual([
      expect.objectContaining({ NoncurrentVersionExpiration: { NoncurrentDays: 90 } }),
      expect.objectContaining({
        Prefix: slotBlobKey('x').replace(/x$/, ''),
        ExpirationInDays: 1,
        NoncurrentVersionExpiration: { NoncurrentDays: 1 },
        Status: 'Enabled',
      }),
    ]);
    // Only that prefix: applications' documents and evidence are kept, and so are certificates.
    expect(rules.filter((r: { ExpirationInDays?: number }) => r.ExpirationInDays !== undefined)).toHaveLength(1);
    expect(JSON.stringify(fx.resource(fx.stack.storage.certificates).Properties.LifecycleConfiguration)).not.toContain(
      'ExpirationInDays',
    );
  });

  it('content buckets log their access to the log bucket', () => {
    for (const bucket of [fx.stack.storage.documents, fx.stack.storage.certificates, fx.stack.web.bucket]) {
      expect(fx.resource(bucket).Properties.LoggingConfiguration).toEqual({
        DestinationBucketName: { Ref: fx.id(fx.stack.storage.accessLogs) },
        LogFilePrefix: expect.stringMatching(/^s3\/[a-z]+\/$/),
      });
    }
  });
});

describe('app secret', () => {
  it('is generated, long, and only the api function can read it (by its ARN in env)', () => {
    fx.template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: Match.objectLike({ PasswordLength: Match.anyValue(), ExcludePunctuation: true }),
    });
    const secret = Object.values(fx.template.findResources('AWS::SecretsManager::Secret'))[0]!;
    expect(secret.Properties.GenerateSecretString.PasswordLength).toBeGreaterThanOrEqual(48);

    const apiEnv = fx.resource(fx.stack.api.fn.function).Properties.Environment.Variables;
    expect(apiEnv.APP_SECRET_ARN).toEqual({ Ref: fx.id(fx.stack.secret.secret) });
    const api = roleStatements(fx.template, fx.id(fx.stack.api.fn.role));
    expect(allows(api, 'secretsmanager:GetSecretValue', fx.id(fx.stack.secret.secret))).toHaveLength(1);
    expect(
      api.filter((s) => s.actions.some((a) => a.startsWith('secretsmanager:'))).flatMap((s) => s.resources),
    ).toEqual([JSON.stringify({ Ref: fx.id(fx.stack.secret.secret) })]);
    expect(
      allows(
        roleStatements(fx.template, fx.id(fx.stack.worker.fn.role)),
        'secretsmanager:GetSecretValue',
        fx.id(fx.stack.secret.secret),
      ),
    ).toEqual([]);
  });
});

describe('certificate queue', () => {
  it('dead-letters a job after 3 receives; the visibility timeout is at least 6x the worker timeout', () => {
    const queue = fx.resource(fx.stack.worker.jobs.queue).Properties;
    expect(queue.RedrivePolicy).toEqual({
      deadLetterTargetArn: { 'Fn::GetAtt': [fx.id(fx.stack.worker.jobs.deadLetters), 'Arn'] },
      maxReceiveCount: 3,
    });
    expect(queue.VisibilityTimeout).toBeGreaterThanOrEqual(
      6 * fx.resource(fx.stack.worker.fn.function).Properties.Timeout,
    );
    expect(queue.SqsManagedSseEnabled).toBe(true);
    const dlq = fx.resource(fx.stack.worker.jobs.deadLetters).Properties;
    expect(dlq.MessageRetentionPeriod).toBe(14 * 24 * 3600);
    expect(dlq.SqsManagedSseEnabled).toBe(true);
  });

  it('both queues refuse requests without TLS', () => {
    for (const queue of [fx.stack.worker.jobs.queue, fx.stack.worker.jobs.deadLetters]) {
      fx.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: fx.id(queue) }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    }
  });
});
