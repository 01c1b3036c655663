import { CreateTableCommand, DescribeTableCommand, DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureTable } from '../../infra/local/ensure-table';
import { createTableInput, tableDefinition } from '../../shared/store/table';
import { localDynamo } from '../support/dynamo';
import { uniqueId } from '../support/factories';

const dynamo = localDynamo();
afterAll(() => dynamo.destroy());

describe('local table from the shared definition', () => {
  it('creates the table once, with the keys, indexes and TTL of tableDefinition', async () => {
    const name = uniqueId('table');
    expect(await ensureTable(dynamo, name)).toBe('created');
    expect(await ensureTable(dynamo, name)).toBe('reused');
    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: name }));
    expect(Table?.KeySchema).toEqual([
      { AttributeName: tableDefinition.partitionKey.name, KeyType: 'HASH' },
      { AttributeName: tableDefinition.sortKey.name, KeyType: 'RANGE' },
    ]);
    expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(
      tableDefinition.globalIndexes.map((i) => i.name).sort(),
    );
    const ttl = await dynamo.send(new DescribeTimeToLiveCommand({ TableName: name }));
    expect(ttl.TimeToLiveDescription?.AttributeName).toBe(tableDefinition.timeToLiveAttribute);
    expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_IMAGE' });
  });

  it('gives a table made before the stream was defined its stream (survey answers are counted from it)', async () => {
    const name = uniqueId('table');
    const { StreamSpecification: _, ...withoutStream } = createTableInput(name);
    await dynamo.send(new CreateTableCommand(withoutStream));
    expect(await ensureTable(dynamo, name)).toBe('updated');
    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: name }));
    expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_IMAGE' });
    expect(Table?.LatestStreamArn).toBeTruthy();
    expect(await ensureTable(dynamo, name)).toBe('reused');
  });

  it('brings an older local table up to the definition: adds a missing index, drops a stale one', async () => {
    const name = uniqueId('table');
    const current = createTableInput(name);
    const [gsi1, gsi2] = current.GlobalSecondaryIndexes ?? [];
    const stale = {
      IndexName: 'gsiOld',
      KeySchema: [{ AttributeName: 'old', KeyType: 'HASH' as const }],
      Projection: { ProjectionType: 'KEYS_ONLY' as const },
    };
    await dynamo.send(
      new CreateTableCommand({
        ...current,
        AttributeDefinitions: [
          ...(current.AttributeDefinitions ?? []).filter(
            (a) => !gsi2?.KeySchema?.some((k) => k.AttributeName === a.AttributeName),
          ),
          { AttributeName: 'old', AttributeType: 'S' },
        ],
        GlobalSecondaryIndexes: [gsi1 ?? stale, stale],
      }),
    );
    expect(await ensureTable(dynamo, name)).toBe('updated');
    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: name }));
    expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(
      [gsi1?.IndexName, gsi2?.IndexName].sort(),
    );
    expect(await ensureTable(dynamo, name)).toBe('reused');
  });

  it('refuses a table whose key schema differs, saying what to do', async () => {
    const name = uniqueId('table');
    await dynamo.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      }),
    );
    await expect(ensureTable(dynamo, name)).rejects.toThrow('delete .data/');
  });
});
