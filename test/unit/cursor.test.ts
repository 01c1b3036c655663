import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { testCursorCodec } from '../support/factories';

const key = { pk: 'EDITION#1', sk: 'APPLICATION#0042', gsi1pk: 'X', n: 7 };

async function decodeError(run: () => Promise<unknown>): Promise<AppError> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('pagination cursor', () => {
  it('round-trips a LastEvaluatedKey and reveals nothing of it', async () => {
    const codec = testCursorCodec();
    const cursor = await codec.encode('table|EDITION#1|', key);
    const decodedBytes = Buffer.from(cursor.slice(3), 'base64url').toString('latin1');
    expect(decodedBytes).not.toContain('EDITION');
    expect(decodedBytes).not.toContain('APPLICATION');
    expect(await codec.decode('table|EDITION#1|', cursor)).toEqual(key);
    expect(await codec.encode('table|EDITION#1|', key)).not.toBe(cursor); // fresh IV each time
  });

  it('round-trips any key (property)', async () => {
    const codec = testCursorCodec();
    await fc.assert(
      fc.asyncProperty(
        fc.string(),
        // Key attribute names as DynamoDB items have them (pk, gsi1sk…); values are any string or number.
        fc.dictionary(fc.stringMatching(/^[a-z][A-Za-z0-9]{0,15}$/), fc.oneof(fc.string(), fc.integer())),
        async (scope, k) => {
          expect(await codec.decode(scope, await codec.encode(scope, k))).toEqual(k);
        },
      ),
    );
  });

  it('rejects a cursor with any byte changed', async () => {
    const codec = testCursorCodec();
    const cursor = await codec.encode('s', key);
    const raw = Buffer.from(cursor.slice(3), 'base64url');
    for (const at of [0, 14, raw.length - 1]) {
      const changed = Buffer.from(raw);
      changed[at] = (changed[at] ?? 0) ^ 0x01;
      const error = await decodeError(() => codec.decode('s', `v1.${changed.toString('base64url')}`));
      expect(error.code).toBe('INVALID_CURSOR');
      expect(error.fields).toEqual({ cursor: 'invalid' });
    }
  });

  it('rejects a forged plain-text cursor', async () => {
    const forged = Buffer.from(JSON.stringify({ s: 's', k: key })).toString('base64url');
    expect((await decodeError(() => testCursorCodec().decode('s', `v1.${forged}`))).code).toBe('INVALID_CURSOR');
  });

  it('rejects a cursor signed with another key', async () => {
    const cursor = await testCursorCodec('a'.repeat(48)).encode('s', key);
    expect((await decodeError(() => testCursorCodec('b'.repeat(48)).decode('s', cursor))).code).toBe('INVALID_CURSOR');
  });

  it('rejects a cursor replayed against another query', async () => {
    const codec = testCursorCodec();
    const cursor = await codec.encode('table|INSTITUTION#A|', key);
    expect((await decodeError(() => codec.decode('table|INSTITUTION#B|', cursor))).code).toBe('INVALID_CURSOR');
  });

  it.each(['', 'garbage', 'a.b.c', '.', '%%%.xyz', 'v1.', 'v1.AAAA', 'v2.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'])(
    'rejects malformed cursor %j',
    async (bad) => {
      expect((await decodeError(() => testCursorCodec().decode('s', bad))).code).toBe('INVALID_CURSOR');
    },
  );
});
