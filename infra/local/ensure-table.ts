import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type DynamoDBClient,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { createTableInput, tableDefinition } from '../../shared/store/table';

export type TableChange = 'created' | 'reused' | 'updated';

/**
 * Makes the local table match the shared definition, as a CDK deploy does in the cloud: creates it
 * when missing, adds indexes the definition gained since `.data/` was made and drops ones it lost.
 * Key schema changes cannot be migrated in place: that is refused with what to do.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<TableChange> {
  const existing = await describe(client, tableName);
  if (!existing) {
    await client.send(new CreateTableCommand(createTableInput(tableName)));
    await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: tableName });
    await ensureTtl(client, tableName);
    return 'created';
  }
  const wanted = createTableInput(tableName);
  const keys = (k: { AttributeName?: string; KeyType?: string }[] | undefined) =>
    JSON.stringify((k ?? []).map((x) => [x.AttributeName, x.KeyType]));
  if (keys(existing.KeySchema) !== keys(wanted.KeySchema)) {
    throw new Error(
      `The local table "${tableName}" has another key schema than shared/store/table.ts. Stop the platform and delete .data/ to recreate it.`,
    );
  }
  const have = new Map((existing.GlobalSecondaryIndexes ?? []).map((i) => [i.IndexName, keys(i.KeySchema)]));
  const want = wanted.GlobalSecondaryIndexes ?? [];
  let changed = false;
  for (const index of want) {
    const current = have.get(index.IndexName);
    if (current === keys(index.KeySchema)) continue;
    if (current !== undefined) await updateIndexes(client, tableName, [{ Delete: { IndexName: index.IndexName } }]);
    const used = new Set((index.KeySchema ?? []).map((k) => k.AttributeName));
    const attributes = (wanted.AttributeDefinitions ?? []).filter((a) => used.has(a.AttributeName));
    await updateIndexes(
      client,
      tableName,
      [{ Create: { IndexName: index.IndexName, KeySchema: index.KeySchema, Projection: index.Projection } }],
      attributes,
    );
    changed = true;
  }
  for (const name of have.keys()) {
    if (name && !want.some((i) => i.IndexName === name)) {
      await updateIndexes(client, tableName, [{ Delete: { IndexName: name } }]);
      changed = true;
    }
  }
  changed = (await ensureTtl(client, tableName)) || changed;
  changed = (await ensureStream(client, tableName, existing)) || changed;
  return changed ? 'updated' : 'reused';
}

async function describe(client: DynamoDBClient, tableName: string): Promise<TableDescription | null> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table ?? null;
  } catch (error) {
    if (error instanceof Error && error.name === 'ResourceNotFoundException') return null;
    throw error;
  }
}

type IndexUpdate = NonNullable<
  ConstructorParameters<typeof UpdateTableCommand>[0]['GlobalSecondaryIndexUpdates']
>[number];

/** One index change per call (a DynamoDB rule), then wait until the table is ACTIVE again. */
async function updateIndexes(
  client: DynamoDBClient,
  tableName: string,
  updates: IndexUpdate[],
  attributes?: ConstructorParameters<typeof CreateTableCommand>[0]['AttributeDefinitions'],
): Promise<void> {
  await client.send(
    new UpdateTableCommand({
      TableName: tableName,
      GlobalSecondaryIndexUpdates: updates,
      AttributeDefinitions: attributes,
    }),
  );
  for (let i = 0; i < 300; i++) {
    const table = await describe(client, tableName);
    if (
      table?.TableStatus === 'ACTIVE' &&
      (table.GlobalSecondaryIndexes ?? []).every((g) => g.IndexStatus === 'ACTIVE')
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The local table "${tableName}" did not become ACTIVE after an index change`);
}

async function ensureTtl(client: DynamoDBClient, tableName: string): Promise<boolean> {
  const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  const attribute = tableDefinition.timeToLiveAttribute;
  if (
    ttl.TimeToLiveDescription?.AttributeName === attribute &&
    ttl.TimeToLiveDescription.TimeToLiveStatus === 'ENABLED'
  )
    return false;
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: attribute, Enabled: true },
    }),
  );
  return true;
}

/** A table made before the stream was in the definition gets it (survey answers are counted from it). */
async function ensureStream(client: DynamoDBClient, tableName: string, table: TableDescription): Promise<boolean> {
  const spec = table.StreamSpecification;
  if (spec?.StreamEnabled && spec.StreamViewType === tableDefinition.stream) return false;
  if (spec?.StreamEnabled)
    await client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: { StreamEnabled: false } }));
  await client.send(
    new UpdateTableCommand({
      TableName: tableName,
      StreamSpecification: { StreamEnabled: true, StreamViewType: tableDefinition.stream },
    }),
  );
  return true;
}
