import { describe, expect, it, vi } from 'vitest';
import { handler } from '../../functions/certificate-worker';
import { parseCertificateJob } from '../../shared/certificates/process-certificate-job';
import { sqsEvent } from './events';

const validJob = {
  type: 'certificate.issue',
  editionId: 'E2026',
  applicationId: 'A0001',
  requestedAt: '2026-06-01T10:00:00.000Z',
  requestedBy: 'organizer-1',
};

describe('certificate worker', () => {
  it('acknowledges valid jobs (no batch item failures)', async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const out = await handler(
      sqsEvent([JSON.stringify(validJob), JSON.stringify({ ...validJob, applicationId: 'A0002' })]),
    );
    expect(out.batchItemFailures).toEqual([]);
    vi.restoreAllMocks();
  });

  it('reports exactly the malformed messages, so SQS redrives only those to the DLQ', async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const out = await handler(
      sqsEvent([
        JSON.stringify(validJob),
        'not json',
        JSON.stringify({ ...validJob, editionId: '' }),
        JSON.stringify({ type: 'other' }),
      ]),
    );
    expect(out.batchItemFailures).toEqual([
      { itemIdentifier: 'msg-1' },
      { itemIdentifier: 'msg-2' },
      { itemIdentifier: 'msg-3' },
    ]);
    vi.restoreAllMocks();
  });

  it('names what is wrong with a malformed job', () => {
    expect(() => parseCertificateJob(JSON.stringify({ ...validJob, requestedAt: 'yesterday' }))).toThrow('requestedAt');
    expect(() => parseCertificateJob('{')).toThrow('not JSON');
  });
});
