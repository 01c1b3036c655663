import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { sdkStreamMixin } from '@smithy/core/serde';
import { mockClient } from 'aws-sdk-client-mock';
import { Readable } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { tinyPdf } from '../../infra/local/demo-edition';
import { keys } from '../../shared/store/keys';
import { createApp } from '../../shared/http/app';
import { s3BlobStore } from '../../shared/platform/blob-store-s3';
import { s3UploadTarget } from '../../shared/platform/uploads-s3';
import { apiHarness, errorOf, jsonRequest, seedInstitution } from '../support/accounts';
import { sha256Of } from '../support/applications';

/**
 * The cloud path of a feedback's attachment: presigned S3 PUT to the slot's key, then the sending reads
 * it back, copies it under the feedback and deletes the upload — S3 mocked (it cannot run here), the
 * table real. An S3 failure is a clear 503 and stores no feedback, so the resident may simply retry.
 */
const s3 = mockClient(S3Client);
beforeEach(() => s3.reset());

const base = apiHarness({ maxBodyBytes: 64 * 1024 }).deps;
const client = () =>
  new S3Client({ region: 'eu-central-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' } });
const deps = {
  ...base,
  blobs: { ...base.blobs, documents: s3BlobStore(client, 'docs-bucket') },
  uploads: s3UploadTarget(client, 'docs-bucket', base.clock),
};
const app = createApp(deps);
let addressSeq = 0;
const headers = () => ({ 'x-test-client-address': `198.18.0.${(addressSeq++ % 250) + 1}` });
const pdf = tinyPdf('Zdjecie kolejki');
const stream = (bytes: Uint8Array) => sdkStreamMixin(Readable.from([Buffer.from(bytes)]));
const complaint = { category: 'complaint', text: 'Zdjęcie w załączniku.' };

async function slotFor(institutionId: string) {
  const res = await app.request(
    `/api/public/institutions/${institutionId}/feedback/attachment-slots`,
    jsonRequest('POST', { contentType: 'application/pdf', size: pdf.length, sha256: sha256Of(pdf) }, headers()),
  );
  expect(res.status).toBe(201);
  return (await res.json()) as { slotId: string; upload: { url: string; headers: Record<string, string> } };
}
const send = (institutionId: string, slotId: string) =>
  app.request(
    `/api/public/institutions/${institutionId}/feedback`,
    jsonRequest('POST', { ...complaint, attachmentSlot: slotId }, headers()),
  );
const stored = (institutionId: string) =>
  deps.store.queryAll({ partitionKey: keys.institutionFeedback(institutionId) });

describe('feedback attachment on S3 (aws-sdk-client-mock)', () => {
  it('presigns a conditional PUT of exactly the declared bytes to the slot key; the sending copies it under the feedback', async () => {
    const { institutionId } = await seedInstitution(deps);
    const { slotId, upload } = await slotFor(institutionId);
    const url = new URL(upload.url);
    expect(url.host).toBe('docs-bucket.s3.eu-central-1.amazonaws.com');
    expect(url.pathname).toBe(`/feedback-slots/${slotId}`);
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toContain('if-none-match');
    expect(upload.headers).toMatchObject({ 'content-type': 'application/pdf', 'if-none-match': '*' });

    s3.on(GetObjectCommand, { Key: `feedback-slots/${slotId}` }).resolves({
      Body: stream(pdf),
      ContentType: 'application/pdf',
    });
    s3.on(PutObjectCommand).resolves({});
    s3.on(DeleteObjectCommand).resolves({});
    expect((await send(institutionId, slotId)).status).toBe(201);
    const [feedback] = (await stored(institutionId)) as { feedbackId: string; attachment?: unknown }[];
    expect(feedback?.attachment).toMatchObject({ kind: 'pdf', size: pdf.length, sha256: sha256Of(pdf) });
    expect(s3.commandCalls(PutObjectCommand)[0]?.args[0].input).toMatchObject({
      Bucket: 'docs-bucket',
      Key: `feedback/${institutionId}/${feedback?.feedbackId}`,
      ContentType: 'application/pdf',
      IfNoneMatch: '*',
    });
    expect(s3.commandCalls(DeleteObjectCommand)[0]?.args[0].input.Key).toBe(`feedback-slots/${slotId}`);
  });

  it('an S3 failure reading the upload or writing the copy is a 503 with no feedback stored; the slot stays usable', async () => {
    const { institutionId } = await seedInstitution(deps);
    const { slotId } = await slotFor(institutionId);
    const unavailable = Object.assign(new Error('Service Unavailable'), {
      name: 'ServiceUnavailable',
      $metadata: { httpStatusCode: 503 },
    });
    s3.on(GetObjectCommand).rejects(unavailable);
    const read = await errorOf(await send(institutionId, slotId));
    expect(read).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(await stored(institutionId)).toHaveLength(0);

    s3.reset();
    s3.on(GetObjectCommand).resolves({ Body: stream(pdf), ContentType: 'application/pdf' });
    s3.on(PutObjectCommand).rejects(
      Object.assign(new Error('Internal Error'), { name: 'InternalError', $metadata: { httpStatusCode: 500 } }),
    );
    const write = await errorOf(await send(institutionId, slotId));
    expect(write).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(await stored(institutionId)).toHaveLength(0);
    expect(s3.commandCalls(DeleteObjectCommand)).toHaveLength(0);

    // S3 is back: the same slot still works, once.
    s3.reset();
    s3.on(GetObjectCommand).resolves({ Body: stream(pdf), ContentType: 'application/pdf' });
    s3.on(PutObjectCommand).resolves({});
    s3.on(DeleteObjectCommand).resolves({});
    expect((await send(institutionId, slotId)).status).toBe(201);
    expect(await stored(institutionId)).toHaveLength(1);
  });
});
