import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler } from '../../functions/jobs-worker';
import {
  localCredentials,
  localRegion,
  startDynamoDbLocal,
  type DynamoDbLocal,
} from '../../infra/local/dynamodb-local';
import { ensureTable } from '../../infra/local/ensure-table';
import { findSuppression } from '../../shared/mail/suppression-store';
import { keys } from '../../shared/store/keys';
import { Store } from '../../shared/store/store';
import { testCursorCodec } from '../support/factories';
import { sqsEvent } from './events';

/**
 * SES's bounce and complaint events through the real worker handler (functions/jobs-worker.ts) as
 * the jobs queue delivers them: the SES event (fixtures/, the event-publishing format) inside SNS's
 * notification envelope (raw delivery off), against DynamoDB Local started for this file.
 */
const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', `${name}.json`), 'utf8');

const FEEDBACK_TOPIC = 'arn:aws:sns:eu-central-1:123456789012:PlatformStack-MailFeedback';
let sequence = 0;
/** The SQS body SNS delivers for one published SES event. */
function snsNotification(sesEvent: string): string {
  sequence += 1;
  return JSON.stringify({
    Type: 'Notification',
    MessageId: `6f1d4c2e-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    TopicArn: FEEDBACK_TOPIC,
    Message: sesEvent,
    Timestamp: '2026-03-02T08:15:31.000Z',
    SignatureVersion: '1',
    Signature: 'EXAMPLE==',
    SigningCertURL: 'https://sns.eu-central-1.amazonaws.com/SimpleNotificationService-0000.pem',
    UnsubscribeURL: 'https://sns.eu-central-1.amazonaws.com/?Action=Unsubscribe',
  });
}

const mailJob = (to: string) =>
  JSON.stringify({ type: 'mail.send', message: { to, subject: 'Przypomnienie o ocenie', text: 'Dzień dobry' } });

const tableName = 'ses-feedback-test';
let db: DynamoDbLocal;
let store: Store;
const ses = mockClient(SESv2Client);
let logLines: string[] = [];

beforeAll(async () => {
  db = await startDynamoDbLocal();
  const client = new DynamoDBClient({ endpoint: db.endpoint, region: localRegion, credentials: localCredentials });
  await ensureTable(client, tableName);
  store = new Store(tableName, client, testCursorCodec());
  // The worker builds its own DynamoDB client from the environment, as in Lambda.
  vi.stubEnv('TABLE_NAME', tableName);
  vi.stubEnv('AWS_ENDPOINT_URL_DYNAMODB', db.endpoint);
  vi.stubEnv('AWS_ACCESS_KEY_ID', localCredentials.accessKeyId);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', localCredentials.secretAccessKey);
  vi.stubEnv('AWS_REGION', localRegion);
  vi.stubEnv('MAIL_FROM', 'konkurs@urzad.example.pl');
  vi.stubEnv('MAIL_CONFIGURATION_SET', 'PlatformStackMailConfigurationSet');
  vi.stubEnv('MAIL_FEEDBACK_TOPIC_ARN', FEEDBACK_TOPIC);
  vi.stubEnv('LOG_LEVEL', 'info');
}, 120_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await db?.stop();
});

beforeEach(() => {
  logLines = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((line) => {
    logLines.push(String(line));
    return true;
  });
  ses.reset();
  ses.on(SendEmailCommand).resolves({ MessageId: 'ses-message-1' });
  return () => vi.restoreAllMocks();
});

describe('jobs worker: SES bounces and complaints suppress the address', () => {
  it('records a permanent bounce once per address (lower-cased), however often SQS delivers it', async () => {
    const body = snsNotification(fixture('ses-bounce-permanent'));
    const first = await handler(sqsEvent([body]));
    const again = await handler(sqsEvent([body, body]));
    expect(first.batchItemFailures).toEqual([]);
    expect(again.batchItemFailures).toEqual([]);
    const suppression = await findSuppression(store, 'nieistniejacy.urzednik@urzad.example.pl');
    expect(suppression).toEqual({
      address: 'nieistniejacy.urzednik@urzad.example.pl',
      reason: 'bounce',
      bounceSubType: 'General',
      firstAt: '2026-03-02T08:15:30.123Z',
      lastAt: '2026-03-02T08:15:30.123Z',
      count: 1,
    });
    // The logs name the address only masked.
    expect(logLines.join('')).toContain('n***@urzad.example.pl');
    expect(logLines.join('').toLowerCase()).not.toContain('nieistniejacy.urzednik@');
  });

  it('counts a second, distinct bounce of the same address and keeps when it was first seen', async () => {
    const event = JSON.parse(fixture('ses-bounce-permanent'));
    event.bounce.feedbackId = 'another-feedback-id';
    event.bounce.timestamp = '2026-03-05T10:00:00.000Z';
    event.bounce.bounceSubType = 'NoEmail';
    await handler(sqsEvent([snsNotification(fixture('ses-bounce-permanent'))]));
    expect((await handler(sqsEvent([snsNotification(JSON.stringify(event))]))).batchItemFailures).toEqual([]);
    expect(await findSuppression(store, 'nieistniejacy.urzednik@urzad.example.pl')).toMatchObject({
      bounceSubType: 'NoEmail',
      firstAt: '2026-03-02T08:15:30.123Z',
      lastAt: '2026-03-05T10:00:00.000Z',
      count: 2,
    });
  });

  it('records a complaint', async () => {
    expect((await handler(sqsEvent([snsNotification(fixture('ses-complaint'))]))).batchItemFailures).toEqual([]);
    const suppression = await findSuppression(store, 'sekretariat@starostwo.example.pl');
    expect(suppression).toMatchObject({ reason: 'complaint', count: 1, firstAt: '2026-03-03T12:00:00.000Z' });
    expect(suppression?.bounceSubType).toBeUndefined();
  });

  it('only logs a transient bounce', async () => {
    expect((await handler(sqsEvent([snsNotification(fixture('ses-bounce-transient'))]))).batchItemFailures).toEqual([]);
    expect(await findSuppression(store, 'pelna.skrzynka@gmina.example.pl')).toBeNull();
    expect(logLines.join('')).toContain('not suppressed');
  });

  it('reports malformed notifications as failures of those messages alone (no crash)', async () => {
    const bounce = JSON.parse(fixture('ses-bounce-permanent'));
    const out = await handler(
      sqsEvent([
        snsNotification('not json'),
        snsNotification(JSON.stringify({ ...bounce, bounce: undefined })),
        snsNotification(JSON.stringify({ ...bounce, bounce: { ...bounce.bounce, bouncedRecipients: 'x' } })),
        JSON.stringify({ Type: 'Notification', TopicArn: 'arn:aws:sns:eu-central-1:123456789012:t' }),
        // A well-formed complaint, but posted by something other than SES's topic: it suppresses nothing.
        snsNotification(fixture('ses-complaint')).replace(
          FEEDBACK_TOPIC,
          'arn:aws:sns:eu-central-1:123456789012:other',
        ),
        snsNotification(fixture('ses-complaint')),
      ]),
    );
    expect(out.batchItemFailures).toEqual([
      { itemIdentifier: 'msg-0' },
      { itemIdentifier: 'msg-1' },
      { itemIdentifier: 'msg-2' },
      { itemIdentifier: 'msg-3' },
      { itemIdentifier: 'msg-4' },
    ]);
  });
});

describe('jobs worker: mail to a suppressed address', () => {
  it('is skipped and recorded (audit entry, masked log), and the job succeeds; other mail goes out through the configuration set', async () => {
    await handler(sqsEvent([snsNotification(fixture('ses-complaint'))]));
    const out = await handler(
      sqsEvent([mailJob('Sekretariat@Starostwo.example.pl'), mailJob('anna.nowak@urzad.example.pl')]),
    );
    expect(out.batchItemFailures).toEqual([]);

    const sent = ses.commandCalls(SendEmailCommand).map((c) => c.args[0].input);
    expect(sent.map((m) => m.Destination?.ToAddresses)).toEqual([['anna.nowak@urzad.example.pl']]);
    expect(sent[0]?.ConfigurationSetName).toBe('PlatformStackMailConfigurationSet');
    expect(sent[0]?.FromEmailAddress).toBe('konkurs@urzad.example.pl');

    const audit = await store.query({
      index: 'gsi1',
      partitionKey: keys.auditSubject('email', 'sekretariat@starostwo.example.pl'),
      limit: 10,
    });
    expect(audit.items).toEqual([
      expect.objectContaining({
        action: 'mail.skippedSuppressed',
        actor: { label: 'system' },
        details: expect.objectContaining({ subject: 'Przypomnienie o ocenie', reason: 'complaint' }),
      }),
    ]);
    const skipLog = logLines.find((l) => l.includes('mail skipped'));
    expect(skipLog).toContain('s***@starostwo.example.pl');
    expect(skipLog).not.toContain('sekretariat@');
  });
});
