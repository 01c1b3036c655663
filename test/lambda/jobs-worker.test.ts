import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it, vi } from 'vitest';
import { handler } from '../../functions/jobs-worker';
import { processJob } from '../../shared/jobs/process-job';
import { sqsEvent } from './events';
import { recordingMetrics } from '../../shared/platform/metrics';

const validJob = {
  type: 'certificate.issue',
  editionId: 'E2026',
  applicationId: 'A0001',
  code: '3ZQ3V-0M8KE-T1R9A-7HCX-4NWD-2F6U',
  requestedAt: '2026-06-01T10:00:00.000Z',
  requestedBy: 'organizer-1',
};

describe('jobs worker: malformed jobs', () => {
  it('reports exactly the malformed messages, so SQS redrives only those to the DLQ', async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const out = await handler(
      sqsEvent([
        'not json',
        JSON.stringify({ ...validJob, editionId: '' }),
        JSON.stringify({ ...validJob, code: undefined }),
        JSON.stringify({ type: 'other' }),
      ]),
    );
    expect(out.batchItemFailures).toEqual([
      { itemIdentifier: 'msg-0' },
      { itemIdentifier: 'msg-1' },
      { itemIdentifier: 'msg-2' },
      { itemIdentifier: 'msg-3' },
    ]);
    vi.restoreAllMocks();
  });

  it('names what is wrong with a malformed job', async () => {
    const never = () => {
      throw new Error('no handler may run for a malformed job');
    };
    const metrics = recordingMetrics();
    const deps = {
      logger: console as never,
      metrics,
      exports: never,
      mail: never,
      scoring: never,
      results: never,
      certificates: never,
      mailFeedback: never,
    };
    await expect(processJob(deps, { body: JSON.stringify({ ...validJob, requestedAt: 'yesterday' }) })).rejects.toThrow(
      'requestedAt',
    );
    await expect(processJob(deps, { body: JSON.stringify({ ...validJob, code: '' }) })).rejects.toThrow('code');
    await expect(processJob(deps, { body: '{' })).rejects.toThrow('not JSON');
    expect(metrics.counts).toEqual({ JobsFailed: 3 });
  });
});

describe('jobs worker: mail jobs', () => {
  const ses = mockClient(SESv2Client);
  // The suppression check reads one item per mail (none here: test/lambda/ses-feedback.test.ts has the real table).
  const dynamo = mockClient(DynamoDBDocumentClient);
  const mailJob = (to: string) =>
    JSON.stringify({ type: 'mail.send', message: { to, subject: 'Nowe zgłoszenia do oceny', text: 'Dzień dobry' } });

  it('sends each mail job through SES from the configured sender; a failed send is retried alone', async () => {
    vi.stubEnv('MAIL_FROM', 'konkurs@example.org');
    vi.stubEnv('TABLE_NAME', 'platform-table');
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    dynamo.reset();
    dynamo.on(GetCommand).resolves({});
    ses.reset();
    ses
      .on(SendEmailCommand, { Destination: { ToAddresses: ['anna@example.org'] } })
      .resolves({ MessageId: 'm-1' })
      .on(SendEmailCommand, { Destination: { ToAddresses: ['jan@example.org'] } })
      .rejects(Object.assign(new Error('Message rejected'), { name: 'MessageRejected', $metadata: {} }));
    const out = await handler(sqsEvent([mailJob('anna@example.org'), mailJob('jan@example.org')]));
    expect(out.batchItemFailures).toEqual([{ itemIdentifier: 'msg-1' }]);
    const sent = ses.commandCalls(SendEmailCommand).map((c) => c.args[0].input);
    expect(sent).toHaveLength(2);
    expect(sent[0]?.FromEmailAddress).toBe('konkurs@example.org');
    expect(sent[0]?.Content?.Simple?.Subject?.Data).toBe('Nowe zgłoszenia do oceny');
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('refuses a mail job without a recipient as malformed (dead-lettered after the retries)', async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const out = await handler(sqsEvent([JSON.stringify({ type: 'mail.send', message: { subject: 'x', text: 'y' } })]));
    expect(out.batchItemFailures).toEqual([{ itemIdentifier: 'msg-0' }]);
    vi.restoreAllMocks();
  });
});
