import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { fileBlobStore } from '../../shared/platform/blob-store-files';
import { fixedClock } from '../../shared/platform/clock';
import { ulidGenerator } from '../../shared/platform/ids';
import { outboxMailer } from '../../shared/platform/mailer-outbox';
import { inProcessQueue } from '../../shared/platform/queue-in-process';

const tempDir = () => mkdtempSync(join(tmpdir(), 'pu-local-'));
const clock = fixedClock('2026-05-01T08:00:00Z');
const ids = ulidGenerator(clock);

describe('file blob store', () => {
  it('"if absent" never replaces stored bytes, even when two writers race', async () => {
    const store = fileBlobStore(tempDir());
    const results = await Promise.allSettled(
      [1, 2, 3, 4].map((n) =>
        store.put('applications/a/b', new Uint8Array([n]), 'application/pdf', { ifAbsent: true }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused.map((r) => (r.reason as { code?: string }).code)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT']);
    const winner = results.findIndex((r) => r.status === 'fulfilled') + 1;
    expect([...((await store.get('applications/a/b'))?.body ?? [])]).toEqual([winner]);
    await expect(
      store.put('applications/a/b', new Uint8Array([9]), 'application/pdf', { ifAbsent: true }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('round-trips bytes and content type, and deletes', async () => {
    const store = fileBlobStore(tempDir());
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0xff, 0x00]);
    await store.put('applications/A1/attachment.pdf', bytes, 'application/pdf');
    const blob = await store.get('applications/A1/attachment.pdf');
    expect(blob?.contentType).toBe('application/pdf');
    expect(Array.from(blob?.body ?? [])).toEqual(Array.from(bytes));
    await store.delete('applications/A1/attachment.pdf');
    expect(await store.get('applications/A1/attachment.pdf')).toBeNull();
  });

  it('a missing blob is null', async () => {
    expect(await fileBlobStore(tempDir()).get('nope/x.pdf')).toBeNull();
  });

  it.each(['../outside', 'a/../../b', '/abs', 'a//b', '', 'plan ł.pdf', 'a\\b'])(
    'refuses unsafe key %j as bad input (400)',
    async (key) => {
      const error = await fileBlobStore(tempDir())
        .put(key, new Uint8Array(), 'text/plain')
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(400);
    },
  );

  it('keeps `a` and `a/b` apart, as S3 does', async () => {
    const store = fileBlobStore(tempDir());
    await store.put('a', new Uint8Array([1]), 'text/plain');
    await store.put('a/b', new Uint8Array([2]), 'application/pdf');
    expect(Array.from((await store.get('a'))?.body ?? [])).toEqual([1]);
    expect((await store.get('a/b'))?.contentType).toBe('application/pdf');
  });

  it('concurrent writes of one key leave one whole version, never a mix', async () => {
    const store = fileBlobStore(tempDir());
    const versions = Array.from({ length: 8 }, (_, i) => new Uint8Array(64 * 1024).fill(i));
    await Promise.all(versions.map((v, i) => store.put('same/key.bin', v, `type/${i}`)));
    const got = await store.get('same/key.bin');
    const first = got?.body[0] ?? -1;
    expect(got?.body.every((b) => b === first)).toBe(true);
    expect(got?.body.length).toBe(64 * 1024);
  });
});

describe('local outbox', () => {
  it('keeps messages in memory, newest first', async () => {
    const outbox = outboxMailer(clock, ids);
    await outbox.send({ to: 'a@gmina.pl', subject: 'Pierwsza', text: '1' });
    clock.advance(1000);
    await outbox.send({ to: 'b@gmina.pl', subject: 'Druga', text: '2' });
    const list = await outbox.list();
    expect(list.map((m) => m.subject)).toEqual(['Druga', 'Pierwsza']);
    expect(list[0]?.sentAt).toBe('2026-05-01T08:00:01.000Z');
  });

  it('with a folder, messages survive a new outbox instance (a restart)', async () => {
    const dir = join(tempDir(), 'outbox');
    expect(await outboxMailer(clock, ids, dir).list()).toEqual([]);
    const id = await outboxMailer(clock, ids, dir).send({ to: 'c@gmina.pl', subject: 'Zaproszenie', text: 'Witamy' });
    const list = await outboxMailer(clock, ids, dir).list();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id, to: 'c@gmina.pl', subject: 'Zaproszenie' });
  });

  it('skips a damaged outbox file instead of failing the list', async () => {
    const dir = join(tempDir(), 'outbox');
    await outboxMailer(clock, ids, dir).send({ to: 'd@gmina.pl', subject: 'Ok', text: 'ok' });
    writeFileSync(join(dir, 'ZZZ-broken.json'), '{"to": 42');
    writeFileSync(join(dir, 'ZZZ-wrong-shape.json'), '{"to": 42}');
    expect((await outboxMailer(clock, ids, dir).list()).map((m) => m.subject)).toEqual(['Ok']);
  });
});

describe('in-process queue', () => {
  it('hands each job, serialized, to the worker after send returns', async () => {
    const seen: string[] = [];
    const queue = inProcessQueue<{ n: number }>(ids, async (body) => {
      seen.push(body);
    });
    await queue.send({ n: 1 });
    await queue.send({ n: 2 });
    expect(seen).toEqual([]); // not inside the request that sent it
    await queue.drain();
    expect(seen).toEqual(['{"n":1}', '{"n":2}']);
  });

  it('retries a failing job and then dead-letters it', async () => {
    let attempts = 0;
    const queue = inProcessQueue<{ n: number }>(
      ids,
      async () => {
        attempts++;
        throw new Error('render failed');
      },
      3,
    );
    await queue.send({ n: 7 });
    await queue.drain();
    expect(attempts).toBe(3);
    expect(queue.deadLetters).toEqual([{ job: { n: 7 }, error: 'render failed' }]);
  });

  it('a job that succeeds on retry is not dead-lettered', async () => {
    let attempts = 0;
    const queue = inProcessQueue<{ n: number }>(ids, async () => {
      attempts++;
      if (attempts < 2) throw new Error('transient');
    });
    await queue.send({ n: 1 });
    await queue.drain();
    expect(attempts).toBe(2);
    expect(queue.deadLetters).toEqual([]);
  });
});
