import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { keys } from '../../shared/store/keys';
import { Store } from '../../shared/store/store';
import { localDynamo, testTableName } from '../support/dynamo';
import { testCursorCodec, uniqueId } from '../support/factories';

const dynamo = localDynamo();
const store = new Store(testTableName(), dynamo, testCursorCodec());
afterAll(() => dynamo.destroy());

async function appErrorOf(p: Promise<unknown>): Promise<AppError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('store on DynamoDB Local', () => {
  it('puts and gets an item', async () => {
    const pk = uniqueId('ITEM');
    await store.put({ pk, sk: 'A', name: 'Urząd Miasta Łodzi', version: 1 });
    expect(await store.get({ pk, sk: 'A' })).toEqual({ pk, sk: 'A', name: 'Urząd Miasta Łodzi', version: 1 });
    expect(await store.get({ pk, sk: 'missing' })).toBeNull();
  });

  it('a failed condition (lost update) is a CONFLICT, and the item is unchanged', async () => {
    const pk = uniqueId('ITEM');
    await store.put({ pk, sk: 'A', version: 1, name: 'first' });
    await store.update(
      { pk, sk: 'A' },
      { expression: 'SET #n = :n, version = :v2', names: { '#n': 'name' }, values: { ':n': 'second', ':v2': 2 } },
      { expression: 'version = :v1', values: { ':v1': 1 } },
    );
    const stale = store.update(
      { pk, sk: 'A' },
      { expression: 'SET #n = :n, version = :v2', names: { '#n': 'name' }, values: { ':n': 'stale', ':v2': 2 } },
      { expression: 'version = :v1', values: { ':v1': 1 } },
    );
    expect((await appErrorOf(stale)).code).toBe('CONFLICT');
    expect(await store.get({ pk, sk: 'A' })).toMatchObject({ name: 'second', version: 2 });
  });

  it('uniqueness through a marker item in a transaction: the second writer gets CONFLICT and writes nothing', async () => {
    const nip = uniqueId('NIP');
    const create = (id: string) =>
      store.transact([
        {
          Put: {
            TableName: '',
            Item: { pk: `INSTITUTION#${id}`, sk: 'PROFILE', nip },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: '',
            Item: { ...keys.unique('nip', nip), owner: id },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ]);
    const a = uniqueId('A');
    const b = uniqueId('B');
    const results = await Promise.allSettled([create(a), create(b)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected?.reason).toBeInstanceOf(AppError);
    expect(['CONFLICT', 'CONCURRENT_MODIFICATION']).toContain((rejected!.reason as AppError).code);
    const winner = (await store.get<{ owner: string }>(keys.unique('nip', nip)))?.owner;
    const loser = winner === a ? b : a;
    expect(await store.get({ pk: `INSTITUTION#${loser}`, sk: 'PROFILE' })).toBeNull();
  });

  it('paginates a query with an opaque cursor, every item exactly once', async () => {
    const pk = uniqueId('EDITION');
    const sks = Array.from({ length: 23 }, (_, i) => `APPLICATION#${String(i).padStart(3, '0')}`);
    await Promise.all(sks.map((sk) => store.put({ pk, sk })));
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await store.query<{ sk: string }>({
        partitionKey: pk,
        sortKeyPrefix: 'APPLICATION#',
        limit: 10,
        cursor,
      });
      seen.push(...page.items.map((i) => i.sk));
      cursor = page.cursor ?? undefined;
      pages++;
    } while (cursor);
    expect(seen).toEqual(sks);
    expect(pages).toBe(3);
  });

  it('queries a GSI and newest-first order', async () => {
    const owner = uniqueId('OWNER');
    await Promise.all(
      ['2026-01', '2026-03', '2026-02'].map((m) => store.put({ pk: uniqueId('X'), sk: 'X', gsi1pk: owner, gsi1sk: m })),
    );
    const page = await store.query<{ gsi1sk: string }>({
      index: 'gsi1',
      partitionKey: owner,
      limit: 10,
      descending: true,
    });
    expect(page.items.map((i) => i.gsi1sk)).toEqual(['2026-03', '2026-02', '2026-01']);
    expect(page.cursor).toBeNull();
  });

  it('reads only the named attributes (reserved words included) and the keys; a filter and the cursor still work', async () => {
    const pk = uniqueId('EDITION');
    const big = { questionnaire: { sections: ['x'.repeat(500)] }, rubric: { criteria: [1, 2] } };
    await store.put({ pk, sk: 'A', name: 'Edycja 2027', state: 'open', year: 2027, ...big });
    // name, state and year are DynamoDB reserved words: the projection must go through placeholders.
    expect(await store.get({ pk, sk: 'A' }, { attributes: ['name', 'state', 'year'] })).toEqual({
      pk,
      sk: 'A',
      name: 'Edycja 2027',
      state: 'open',
      year: 2027,
    });
    expect(await store.get({ pk, sk: 'missing' }, { attributes: ['name'] })).toBeNull();

    const owner = uniqueId('OWNER');
    await Promise.all(
      ['a', 'b', 'c'].map((sk, i) =>
        store.put({ pk: owner, sk, name: `n${i}`, state: i === 1 ? 'draft' : 'open', ...big }),
      ),
    );
    const filter = { expression: '#state = :open', names: { '#state': 'state' }, values: { ':open': 'open' } };
    const first = await store.query({ partitionKey: owner, limit: 2, filter, attributes: ['name', 'rubric'] });
    expect(first.items).toEqual([{ pk: owner, sk: 'a', name: 'n0', rubric: big.rubric }]);
    const rest = await store.query({
      partitionKey: owner,
      limit: 2,
      filter,
      attributes: ['name', 'rubric'],
      cursor: first.cursor ?? '',
    });
    expect(rest.items).toEqual([{ pk: owner, sk: 'c', name: 'n2', rubric: big.rubric }]);
    expect(rest.cursor).toBeNull();
  });

  it('a query after a known sort key returns the rest of the partition, not that item, and pages within that range', async () => {
    const pk = uniqueId('APPLICATION');
    await Promise.all(['APPLICATION', 'ATTACHMENT#1', 'SECTION#a', 'SECTION#b'].map((sk) => store.put({ pk, sk })));
    const all = await store.queryAll({ partitionKey: pk, sortKeyAfter: 'APPLICATION' });
    expect(all.map((i) => i.sk)).toEqual(['ATTACHMENT#1', 'SECTION#a', 'SECTION#b']);
    const first = await store.query({ partitionKey: pk, sortKeyAfter: 'APPLICATION', limit: 2 });
    expect(first.items.map((i) => i.sk)).toEqual(['ATTACHMENT#1', 'SECTION#a']);
    // The cursor belongs to that range: the whole partition's query refuses it.
    const cursor = first.cursor ?? '';
    expect((await appErrorOf(store.query({ partitionKey: pk, limit: 2, cursor }))).code).toBe('INVALID_CURSOR');
    const rest = await store.query({ partitionKey: pk, sortKeyAfter: 'APPLICATION', limit: 2, cursor });
    expect(rest.items.map((i) => i.sk)).toEqual(['SECTION#b']);
  });

  it('a query over a sort key range includes both ends, pages within the range, and its cursor fits no other range', async () => {
    const pk = uniqueId('AUDIT');
    const at = [
      '2026-03-01T22:59:59.999Z',
      '2026-03-01T23:00:00.000Z',
      '2026-03-02T10:00:00.000Z',
      '2026-03-02T23:00:00.000Z',
    ];
    await Promise.all(at.map((t) => store.put({ pk, sk: `${t}#x` })));
    const range = { from: '2026-03-01T23:00:00.000Z', to: '2026-03-02T23:00:00.000Z#x' };
    const all = await store.queryAll({ partitionKey: pk, sortKeyBetween: range });
    expect(all.map((i) => i.sk)).toEqual(at.slice(1).map((t) => `${t}#x`));
    const first = await store.query({ partitionKey: pk, sortKeyBetween: range, limit: 2, descending: true });
    expect(first.items.map((i) => i.sk)).toEqual([at[3], at[2]].map((t) => `${t}#x`));
    const cursor = first.cursor ?? '';
    const narrower = { ...range, to: '2026-03-02T23:00:00.000Z' };
    expect((await appErrorOf(store.query({ partitionKey: pk, sortKeyBetween: narrower, limit: 2, cursor }))).code).toBe(
      'INVALID_CURSOR',
    );
    const rest = await store.query({ partitionKey: pk, sortKeyBetween: range, limit: 2, descending: true, cursor });
    expect(rest.items.map((i) => i.sk)).toEqual([`${at[1]}#x`]);
  });

  it('a tampered cursor or one from another partition is a 400 INVALID_CURSOR', async () => {
    const pk = uniqueId('EDITION');
    await Promise.all([1, 2, 3].map((n) => store.put({ pk, sk: `S#${n}` })));
    const first = await store.query({ partitionKey: pk, limit: 1 });
    expect(first.cursor).not.toBeNull();
    const cursor = first.cursor ?? '';
    const tampered = `${cursor.slice(0, -2)}${cursor.endsWith('AA') ? 'BB' : 'AA'}`;
    expect((await appErrorOf(store.query({ partitionKey: pk, limit: 1, cursor: tampered }))).code).toBe(
      'INVALID_CURSOR',
    );
    const other = uniqueId('EDITION');
    expect((await appErrorOf(store.query({ partitionKey: other, limit: 1, cursor }))).code).toBe('INVALID_CURSOR');
  });

  it('batch-gets many items (more than one batch of 100)', async () => {
    const pk = uniqueId('MANY');
    const sks = Array.from({ length: 130 }, (_, i) => `S#${i}`);
    for (let i = 0; i < sks.length; i += 25) await Promise.all(sks.slice(i, i + 25).map((sk) => store.put({ pk, sk })));
    // Duplicates would be a ValidationException from DynamoDB; they are asked for once.
    const items = await store.batchGet([...sks, ...sks.slice(0, 5)].map((sk) => ({ pk, sk })));
    expect(items.map((i) => i.sk).sort()).toEqual([...sks].sort());
  });

  it('a missing table becomes SERVICE_UNAVAILABLE, not an SDK exception', async () => {
    const missing = new Store('no-such-table', dynamo, testCursorCodec());
    const error = await appErrorOf(missing.get({ pk: 'a', sk: 'b' }));
    expect(error.code).toBe('SERVICE_UNAVAILABLE');
  });
});
