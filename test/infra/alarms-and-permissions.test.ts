import { beforeAll, describe, expect, it } from 'vitest';
import { allows, roleStatements, synthPlatform, type PlatformFixture } from './support';

let fx: PlatformFixture;
beforeAll(() => {
  fx = synthPlatform();
}, 300_000);

describe('alarms', () => {
  const alarmsOn = (metric: string) =>
    Object.values(fx.template.findResources('AWS::CloudWatch::Alarm', { Properties: { MetricName: metric } })).map(
      (a) => a.Properties,
    );
  const topic = () => ({ Ref: fx.id(fx.stack.alarms.topic) });

  it('alarm on any HTTP API 5xx', () => {
    const [alarm] = alarmsOn('5xx');
    expect(alarm).toMatchObject({ Namespace: 'AWS/ApiGateway', Threshold: 1, AlarmActions: [topic()] });
    expect(alarm!.Dimensions).toEqual([{ Name: 'ApiId', Value: { Ref: fx.id(fx.stack.httpApi.httpApi) } }]);
  });

  it('alarm on errors of each function', () => {
    const alarms = alarmsOn('Errors');
    const watched = alarms.map((a) => a.Dimensions[0].Value);
    expect(watched).toEqual(
      expect.arrayContaining([{ Ref: fx.id(fx.stack.api.fn.function) }, { Ref: fx.id(fx.stack.worker.fn.function) }]),
    );
    for (const alarm of alarms) expect(alarm).toMatchObject({ Namespace: 'AWS/Lambda', AlarmActions: [topic()] });
  });

  it('alarm as soon as one certificate job is dead-lettered', () => {
    // The jobs' dead letters (the survey counter's have their own alarm: test/infra/survey-counter.test.ts).
    const jobs = fx.id(fx.stack.worker.jobs.deadLetters);
    const alarm = alarmsOn('ApproximateNumberOfMessagesVisible').find((a) =>
      JSON.stringify(a.Dimensions).includes(jobs),
    );
    expect(alarm).toMatchObject({
      Namespace: 'AWS/SQS',
      Threshold: 1, // one dead-lettered message is enough
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Dimensions: [
        { Name: 'QueueName', Value: { 'Fn::GetAtt': [fx.id(fx.stack.worker.jobs.deadLetters), 'QueueName'] } },
      ],
      AlarmActions: [topic()],
    });
  });
});

describe('least privilege', () => {
  const api = () => roleStatements(fx.template, fx.id(fx.stack.api.fn.role));
  const worker = () => roleStatements(fx.template, fx.id(fx.stack.worker.fn.role));
  const certificates = () => fx.id(fx.stack.storage.certificates);
  const documents = () => fx.id(fx.stack.storage.documents);

  it('api: reads certificates but cannot write them; reads and writes documents', () => {
    expect(allows(api(), 's3:GetObject', certificates())).not.toEqual([]);
    for (const write of ['s3:PutObject', 's3:DeleteObject', 's3:PutObjectAcl']) {
      expect(allows(api(), write, certificates()), write).toEqual([]);
    }
    expect(allows(api(), 's3:PutObject', documents())).not.toEqual([]);
    expect(allows(api(), 's3:GetObject', documents())).not.toEqual([]);
  });

  it('api: sends jobs but does not consume them; sends mail only as the configured identity', () => {
    const queue = fx.id(fx.stack.worker.jobs.queue);
    expect(allows(api(), 'sqs:SendMessage', queue)).not.toEqual([]);
    expect(allows(api(), 'sqs:ReceiveMessage', queue)).toEqual([]);
    const mail = api().filter((s) => s.actions.some((a) => a.startsWith('ses:')));
    expect([...new Set(mail.flatMap((s) => s.actions))].sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
    // The sender's two possible identities, and the configuration set every mail names (SES v2 authorises both).
    const resources = mail.flatMap((s) => s.resources);
    expect(resources).toHaveLength(3);
    const configurationSet = fx.id(fx.stack.mail.configurationSet);
    expect(
      resources.every(
        (r) => /:identity\/(urzad\.example\.pl|konkurs@urzad\.example\.pl)"/.test(r) || r.includes(configurationSet),
      ),
    ).toBe(true);
  });

  it('worker: sends mail jobs only from the configured sender; cannot read the secret or delete documents; reads and writes documents only for exports', () => {
    // mail.send jobs (assignment digests) are delivered by the worker: SES send only, only as MAIL_FROM.
    const mail = worker().filter((s) => s.actions.some((a) => a === '*' || a.toLowerCase().startsWith('ses:')));
    expect([...new Set(mail.flatMap((s) => s.actions))].sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
    expect(mail.every((s) => JSON.stringify(s.conditions ?? null).includes('ses:FromAddress'))).toBe(true);
    expect(allows(worker(), 'secretsmanager:GetSecretValue', fx.id(fx.stack.secret.secret))).toEqual([]);
    expect(allows(worker(), 's3:DeleteObject', documents())).toEqual([]);
    expect(allows(worker(), 's3:GetObject', documents())).not.toEqual([]);
    expect(allows(worker(), 's3:PutObject', certificates())).not.toEqual([]);
  });

  it('documents bucket: browsers may PUT presigned uploads from the web origin only', () => {
    const buckets = fx.template.findResources('AWS::S3::Bucket');
    const documentsBucket = buckets[fx.id(fx.stack.storage.documents)] as {
      Properties: {
        CorsConfiguration?: {
          CorsRules: { AllowedMethods: string[]; AllowedOrigins: unknown[]; AllowedHeaders: string[] }[];
        };
      };
    };
    const rules = documentsBucket.Properties.CorsConfiguration?.CorsRules ?? [];
    expect(rules).toHaveLength(1);
    expect(rules[0]!.AllowedMethods).toEqual(['PUT']);
    // The headers the presigned PUT signs (shared/platform/uploads-s3.ts), and no others.
    expect(rules[0]!.AllowedHeaders).toEqual(['content-type', 'x-amz-checksum-sha256', 'if-none-match']);
    expect(JSON.stringify(rules[0]!.AllowedOrigins)).toContain('DomainName');
  });

  it('no function may Scan the table or act on every resource', () => {
    for (const statements of [api(), worker()]) {
      expect(allows(statements, 'dynamodb:Scan', fx.id(fx.stack.data.table))).toEqual([]);
      expect(statements.filter((s) => s.resources.includes('"*"'))).toEqual([]);
      expect(allows(statements, 'dynamodb:Query', fx.id(fx.stack.data.table))).not.toEqual([]);
    }
  });
});

describe('scheduled scoring reminders (issue 13)', () => {
  it('an hourly rule puts a scoring.reminders job on the jobs queue, which the worker parses', async () => {
    const rules = Object.values(fx.template.findResources('AWS::Events::Rule')) as {
      Properties: { ScheduleExpression?: string; Targets: { Arn: unknown; Input?: string }[] };
    }[];
    const hourly = rules.filter((r) => r.Properties.ScheduleExpression === 'rate(1 hour)');
    expect(hourly).toHaveLength(1);
    const [target] = hourly[0]!.Properties.Targets;
    expect(target?.Arn).toEqual({ 'Fn::GetAtt': [fx.id(fx.stack.worker.jobs.queue), 'Arn'] });
    const { jobSchema } = await import('../../shared/jobs/job');
    const { safeParse } = await import('zod/mini');
    expect(safeParse(jobSchema, JSON.parse(target?.Input ?? '{}')).success).toBe(true);
  });
});
