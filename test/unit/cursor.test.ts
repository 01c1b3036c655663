import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { testCursorCodec } from '../support/factories';

const key = { pk: 'EDITION#1', sk: 'APPLICATION#0042', gsi1pk: 'X', n: 7 };

async function decodeError(run: () => Promise<unknown>): Promise<AppError> {
  const error = await run().then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('pagination cursor', () => {
  it('round-trips a LastEvaluatedKey and is opaque', async () => {
    const codec = testCursorCodec();
    const cursor = await codec.encode('table|EDITION#1|', key);
    expect(cursor).not.toContain('EDITION');
    expect(await codec.decode('table|EDITION#1|', cursor)).toEqual(key);
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

  it('rejects a cursor whose body was changed', async () => {
    const codec = testCursorCodec();
    const cursor = await codec.encode('s', key);
    const [body, sig] = cursor.split('.');
    const forged = Buffer.from(JSON.stringify({ s: 's', k: { ...key, pk: 'EDITION#2' } })).toString('base64url');
    expect(forged).not.toBe(body);
    const error = await decodeError(() => codec.decode('s', `${forged}.${sig}`));
    expect(error.code).toBe('INVALID_CURSOR');
    expect(error.fields).toEqual({ cursor: 'invalid' });
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

  it.each(['', 'garbage', 'a.b.c', '.', '%%%.xyz'])('rejects malformed cursor %j', async (bad) => {
    expect((await decodeError(() => testCursorCodec().decode('s', bad))).code).toBe('INVALID_CURSOR');
  });
});
