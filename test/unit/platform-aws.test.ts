import { createHash } from 'node:crypto';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { sdkStreamMixin } from '@smithy/core/serde';
import { mockClient } from 'aws-sdk-client-mock';
import { Readable } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { s3BlobStore } from '../../shared/platform/blob-store-s3';
import { s3UploadTarget } from '../../shared/platform/uploads-s3';
import { sesMailer } from '../../shared/platform/mailer-ses';
import { sqsQueue } from '../../shared/platform/queue-sqs';
import { secretsManagerSecret } from '../../shared/platform/secrets-aws';

const s3 = mockClient(S3Client);
const ses = mockClient(SESv2Client);
const sqs = mockClient(SQSClient);
const secrets = mockClient(SecretsManagerClient);
beforeEach(() => {
  s3.reset();
  ses.reset();
  sqs.reset();
  secrets.reset();
});

const awsError = (name: string) => Object.assign(new Error(name), { name, $metadata: {} });
const region = { region: 'eu-central-1' };

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
}

describe('S3 blob store', () => {
  const store = () => s3BlobStore(() => new S3Client(region), 'docs-bucket');

  it('puts with bucket, key and content type', async () => {
    s3.on(PutObjectCommand).resolves({});
    await store().put('applications/a1/plan.pdf', new Uint8Array([37, 80, 68, 70]), 'application/pdf');
    const input = s3.commandCalls(PutObjectCommand)[0]?.args[0].input;
    expect(input).toMatchObject({
      Bucket: 'docs-bucket',
      Key: 'applications/a1/plan.pdf',
      ContentType: 'application/pdf',
    });
  });

  it('puts "if absent" as a conditional write, and a 412 (an object is there) is CONFLICT, not a 500', async () => {
    s3.on(PutObjectCommand)
      .resolvesOnce({})
      .rejectsOnce(
        Object.assign(new Error('At least one of the pre-conditions you specified did not hold'), {
          name: 'PreconditionFailed',
          $metadata: { httpStatusCode: 412 },
        }),
      );
    await store().put('applications/a1/b1', new Uint8Array([1]), 'application/pdf', { ifAbsent: true });
    expect(s3.commandCalls(PutObjectCommand)[0]?.args[0].input.IfNoneMatch).toBe('*');
    const error = await rejection(
      store().put('applications/a1/b1', new Uint8Array([2]), 'application/pdf', { ifAbsent: true }),
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('CONFLICT');
    // Without the option nothing is conditional (certificates are rewritten on purpose).
    s3.on(PutObjectCommand).resolves({});
    await store().put('applications/a1/b2', new Uint8Array([1]), 'application/pdf');
    expect(s3.commandCalls(PutObjectCommand)[2]?.args[0].input.IfNoneMatch).toBeUndefined();
  });

  it('gets the bytes and content type back', async () => {
    const body = sdkStreamMixin(Readable.from([Buffer.from('%PDF-1.7')]));
    s3.on(GetObjectCommand, { Bucket: 'docs-bucket', Key: 'a/b.pdf' }).resolves({
      Body: body,
      ContentType: 'application/pdf',
    });
    const blob = await store().get('a/b.pdf');
    expect(blob?.contentType).toBe('application/pdf');
    expect(Buffer.from(blob?.body ?? []).toString()).toBe('%PDF-1.7');
  });

  it('a missing object is null, not an error', async () => {
    s3.on(GetObjectCommand).rejects(awsError('NoSuchKey'));
    expect(await store().get('missing.pdf')).toBeNull();
  });

  it('S3 throttling becomes a retryable 503', async () => {
    s3.on(PutObjectCommand).rejects(awsError('SlowDown'));
    const error = await rejection(store().put('a.pdf', new Uint8Array(), 'application/pdf'));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('THROTTLED');
    expect((error as AppError).status).toBe(503);
    expect((error as AppError).retryAfterSeconds).toBeGreaterThan(0);
  });

  it.each([
    ['a 5xx answer', Object.assign(awsError('InternalError'), { $metadata: { httpStatusCode: 500 } })],
    ['a time-out', awsError('TimeoutError')],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
  ])('%s becomes SERVICE_UNAVAILABLE (503), not a 500', async (_what, failure) => {
    s3.on(GetObjectCommand).rejects(failure);
    const error = await rejection(store().get('a.pdf'));
    expect((error as AppError).code).toBe('SERVICE_UNAVAILABLE');
  });

  it('access denied is not hidden', async () => {
    s3.on(DeleteObjectCommand).rejects(awsError('AccessDenied'));
    const error = await rejection(store().delete('a.pdf'));
    expect((error as Error).name).toBe('AccessDenied');
  });

  it('refuses keys that could escape their folder', async () => {
    await expect(store().put('../etc/passwd', new Uint8Array(), 'text/plain')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0);
  });
});

describe('SES mailer', () => {
  const mailer = () => sesMailer(() => new SESv2Client(region), 'konkurs@example.org');

  it('sends UTF-8 text and html from the configured address', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });
    const id = await mailer().send({
      to: 'urzad@gmina.pl',
      subject: 'Zgłoszenie przyjęte — Łódź',
      text: 'Dziękujemy',
      html: '<p>Dziękujemy</p>',
    });
    expect(id).toBe('m-1');
    const input = ses.commandCalls(SendEmailCommand)[0]?.args[0].input;
    expect(input?.FromEmailAddress).toBe('konkurs@example.org');
    expect(input?.Destination?.ToAddresses).toEqual(['urzad@gmina.pl']);
    expect(input?.Content?.Simple?.Subject).toEqual({ Data: 'Zgłoszenie przyjęte — Łódź', Charset: 'UTF-8' });
    expect(input?.Content?.Simple?.Body?.Html?.Data).toBe('<p>Dziękujemy</p>');
  });

  it('throttling or paused sending becomes a retryable 503', async () => {
    ses.on(SendEmailCommand).rejects(awsError('TooManyRequestsException'));
    const error = await rejection(mailer().send({ to: 'a@b.pl', subject: 's', text: 't' }));
    expect((error as AppError).code).toBe('THROTTLED');
    expect((error as AppError).status).toBe(503);
  });

  it('a rejected message (bad address) propagates', async () => {
    ses.on(SendEmailCommand).rejects(awsError('MessageRejected'));
    const error = await rejection(mailer().send({ to: 'a@b.pl', subject: 's', text: 't' }));
    expect((error as Error).name).toBe('MessageRejected');
  });

  it('no MessageId is an error, not a silent success', async () => {
    ses.on(SendEmailCommand).resolves({});
    await expect(mailer().send({ to: 'a@b.pl', subject: 's', text: 't' })).rejects.toThrow('MessageId');
  });
});

describe('SQS queue', () => {
  const queue = () => sqsQueue<{ n: number }>(() => new SQSClient(region), 'https://sqs.example/q');

  it('sends the job as JSON to the queue', async () => {
    sqs.on(SendMessageCommand).resolves({ MessageId: 'q-1' });
    expect(await queue().send({ n: 1 })).toBe('q-1');
    expect(sqs.commandCalls(SendMessageCommand)[0]?.args[0].input).toEqual({
      QueueUrl: 'https://sqs.example/q',
      MessageBody: '{"n":1}',
    });
  });

  it('throttling becomes THROTTLED (503)', async () => {
    sqs.on(SendMessageCommand).rejects(awsError('RequestThrottled'));
    expect(((await rejection(queue().send({ n: 1 }))) as AppError).code).toBe('THROTTLED');
  });

  it('other failures propagate', async () => {
    sqs.on(SendMessageCommand).rejects(awsError('QueueDoesNotExist'));
    expect(((await rejection(queue().send({ n: 1 }))) as Error).name).toBe('QueueDoesNotExist');
  });
});

describe('Secrets Manager secret', () => {
  it('reads the string value of the configured secret', async () => {
    secrets.on(GetSecretValueCommand, { SecretId: 'arn:secret' }).resolves({ SecretString: 'v'.repeat(48) });
    expect(await secretsManagerSecret(() => new SecretsManagerClient(region), 'arn:secret').rootSecret()).toBe(
      'v'.repeat(48),
    );
  });

  it('an unreachable secret store is a retryable 503', async () => {
    secrets.on(GetSecretValueCommand).rejects(awsError('TimeoutError'));
    const error = await rejection(
      secretsManagerSecret(() => new SecretsManagerClient(region), 'arn:secret').rootSecret(),
    );
    expect((error as AppError).code).toBe('SERVICE_UNAVAILABLE');
  });

  it('a binary or empty secret is refused', async () => {
    secrets.on(GetSecretValueCommand).resolves({});
    await expect(
      secretsManagerSecret(() => new SecretsManagerClient(region), 'arn:secret').rootSecret(),
    ).rejects.toThrow('no string value');
  });
});

describe('S3 presigned upload', () => {
  const target = () =>
    s3UploadTarget(
      () => new S3Client({ ...region, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } }),
      'docs-bucket',
      { now: () => new Date('2026-03-01T10:00:00Z') },
    );
  const sha256 = createHash('sha256').update('%PDF-1.7 test').digest('hex');

  it('signs the length, type, checksum and If-None-Match, and hands the browser exactly those headers', async () => {
    const ticket = await target().presign({
      key: 'applications/a1/b1',
      contentType: 'application/pdf',
      size: 13,
      sha256,
    });
    const url = new URL(ticket.url);
    const signed = (url.searchParams.get('X-Amz-SignedHeaders') ?? '').split(';');
    expect(signed).toEqual(
      expect.arrayContaining(['content-length', 'content-type', 'host', 'if-none-match', 'x-amz-checksum-sha256']),
    );
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
    expect(ticket.headers).toEqual({
      'content-type': 'application/pdf',
      'x-amz-checksum-sha256': Buffer.from(sha256, 'hex').toString('base64'),
      'if-none-match': '*',
    });
  });

  it('refuses a key it did not build (no path tricks), as a 400', async () => {
    const error = await rejection(
      target().presign({ key: '../etc/passwd', contentType: 'application/pdf', size: 1, sha256 }),
    );
    expect((error as AppError).code).toBe('VALIDATION_FAILED');
  });
});
