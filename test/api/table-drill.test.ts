import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AttributeValue, PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { ensureTable } from '../../infra/local/ensure-table';
import { exportTable, fromExportValue, importTable, toExportValue } from '../../scripts/table-drill';
import { localDynamo } from '../support/dynamo';
import { apiHarness } from '../support/accounts';
import { seedApplication, seedEdition } from '../support/applications';
import { seedInstitution } from '../support/accounts';
import { uniqueId } from '../support/factories';
import { Store } from '../../shared/store/store';
import { CursorCodec } from '../../shared/store/cursor';

/**
 * Issue 19 §6, the restore drill exercised locally: a seeded table exported to DynamoDB JSON lines (the
 * shape of DynamoDB's export to S3) and imported into a fresh table comes back item for item.
 */
const dynamo = localDynamo();
const dir = mkdtempSync(join(tmpdir(), 'table-drill-'));
afterAll(() => {
  dynamo.destroy();
  rmSync(dir, { recursive: true, force: true });
});

async function everything(tableName: string): Promise<Record<string, AttributeValue>[]> {
  const items: Record<string, AttributeValue>[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await dynamo.send(
      new ScanCommand({ TableName: tableName, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  const key = (i: Record<string, AttributeValue>) => `${i.pk?.S}\u0000${i.sk?.S}`;
  return items.sort((a, b) => key(a).localeCompare(key(b)));
}

/** A fresh table seeded through the app's own use cases (an edition, an institution, a submitted application). */
async function seededTable(): Promise<string> {
  const tableName = uniqueId('drill-source');
  await ensureTable(dynamo, tableName);
  const { deps } = apiHarness();
  const store = new Store(tableName, dynamo, new CursorCodec(() => deps.keyRing.key('cursor')));
  const seeded = { ...deps, store };
  const edition = await seedEdition(seeded, { state: 'open' });
  const { member } = await seedInstitution(seeded);
  await seedApplication(seeded, member, edition.editionId, { submit: true });
  // Every attribute type an export must carry, binary ones included.
  await dynamo.send(
    new PutItemCommand({
      TableName: tableName,
      Item: {
        pk: { S: 'DRILL#types' },
        sk: { S: 'ALL' },
        bytes: { B: new Uint8Array([0, 1, 254, 255]) },
        byteSet: { BS: [new Uint8Array([1]), new Uint8Array([2, 3])] },
        numbers: { NS: ['1', '2.5'] },
        strings: { SS: ['a', 'ą'] },
        nested: {
          M: { list: { L: [{ N: '-3' }, { BOOL: false }, { NULL: true }, { M: { b: { B: new Uint8Array([9]) } } }] } },
        },
      },
    }),
  );
  return tableName;
}

describe('restore drill: export → import into DynamoDB Local', () => {
  it('a seeded table survives export and import item for item', async () => {
    const source = await seededTable();
    const before = await everything(source);
    expect(before.length).toBeGreaterThan(5);
    const file = join(dir, 'export.jsonl');
    expect(await exportTable(dynamo, source, file)).toBe(before.length);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(before.length);
    for (const line of lines) expect(Object.keys(JSON.parse(line) as object)).toEqual(['Item']);

    const restored = uniqueId('drill-restored');
    expect(await importTable(dynamo, restored, file)).toBe(before.length);
    expect(await everything(restored)).toEqual(before);
  });

  it('DynamoDB JSON round-trips every attribute type, binary as base64', () => {
    const value: AttributeValue = {
      M: { b: { B: new Uint8Array([0, 255]) }, l: { L: [{ S: 'x' }, { NS: ['1'] }, { BS: [new Uint8Array([7])] }] } },
    };
    const json = JSON.parse(JSON.stringify(toExportValue(value)));
    expect(json).toEqual({ M: { b: { B: 'AP8=' }, l: { L: [{ S: 'x' }, { NS: ['1'] }, { BS: ['Bw=='] }] } } });
    expect(fromExportValue(json)).toEqual({
      M: { b: { B: Buffer.from([0, 255]) }, l: { L: [{ S: 'x' }, { NS: ['1'] }, { BS: [Buffer.from([7])] }] } },
    });
  });

  it('the command line exports and imports as docs/operations.md says', async () => {
    const source = await seededTable();
    const file = join(dir, 'cli.jsonl');
    const run = (...args: string[]) =>
      spawnSync(
        'node',
        ['--import', 'tsx', 'scripts/table-drill.ts', ...args, '--endpoint', inject('dynamoEndpoint')],
        {
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
    const exported = run('export', '--table', source, '--file', file);
    expect(exported.status, exported.stderr).toBe(0);
    const count = (await everything(source)).length;
    expect(exported.stdout).toContain(`exported ${count} items`);
    const restored = uniqueId('drill-cli');
    const imported = run('import', '--table', restored, '--file', file);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain(`imported ${count} items`);
    expect(await everything(restored)).toEqual(await everything(source));
    expect(run('restore', '--table', restored).status).toBe(2);
  });
});
