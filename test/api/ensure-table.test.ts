import { DescribeTableCommand, DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureTable } from '../../infra/local/ensure-table';
import { tableDefinition } from '../../shared/store/table';
import { localDynamo } from '../support/dynamo';
import { uniqueId } from '../support/factories';

const dynamo = localDynamo();
afterAll(() => dynamo.destroy());

describe('local table from the shared definition', () => {
  it('creates the table once, with the keys, indexes and TTL of tableDefinition', async () => {
    const name = uniqueId('table');
    expect(await ensureTable(dynamo, name)).toBe(true);
    expect(await ensureTable(dynamo, name)).toBe(false);
    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: name }));
    expect(Table?.KeySchema).toEqual([
      { AttributeName: tableDefinition.partitionKey.name, KeyType: 'HASH' },
      { AttributeName: tableDefinition.sortKey.name, KeyType: 'RANGE' },
    ]);
    expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(tableDefinition.globalIndexes.map((i) => i.name).sort());
    const ttl = await dynamo.send(new DescribeTimeToLiveCommand({ TableName: name }));
    expect(ttl.TimeToLiveDescription?.AttributeName).toBe(tableDefinition.timeToLiveAttribute);
  });
});
