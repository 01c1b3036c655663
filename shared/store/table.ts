import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The single table, defined once. The CDK stack (infra/constructs/data.ts) and the local stack
 * (infra/local/) both build the table from this object, so local and cloud cannot drift.
 * Attribute names are generic; item collections and indexes are named for their access pattern
 * in docs/data-model.md.
 */
export interface KeyAttribute {
  name: string;
  type: 'S' | 'N';
}
export interface IndexDefinition {
  name: string;
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
}

export const tableDefinition = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  /** Overloaded indexes (docs/data-model.md): gsi1 = "items of an owner", gsi2 = "an edition's applications by status". */
  globalIndexes: [
    { name: 'gsi1', partitionKey: { name: 'gsi1pk', type: 'S' }, sortKey: { name: 'gsi1sk', type: 'S' } },
    { name: 'gsi2', partitionKey: { name: 'gsi2pk', type: 'S' }, sortKey: { name: 'gsi2sk', type: 'S' } },
  ],
  /** Epoch seconds; DynamoDB deletes expired items (sessions, tokens, rate-limit counters). */
  timeToLiveAttribute: 'expiresAt',
  /** The table's stream (new images): survey answers are counted from it (issue 18 §7, docs/surveys.md). */
  stream: 'NEW_IMAGE',
} as const satisfies {
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
  globalIndexes: readonly IndexDefinition[];
  timeToLiveAttribute: string;
  stream: 'NEW_IMAGE';
};

export type IndexName = (typeof tableDefinition.globalIndexes)[number]['name'];

/** CreateTable input for DynamoDB Local (the cloud table is created by CDK from the same object). */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const { partitionKey, sortKey, globalIndexes } = tableDefinition;
  const attributes = new Map<string, KeyAttribute>();
  for (const a of [partitionKey, sortKey, ...globalIndexes.flatMap((i) => [i.partitionKey, i.sortKey])]) {
    attributes.set(a.name, a);
  }
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    StreamSpecification: { StreamEnabled: true, StreamViewType: tableDefinition.stream },
    AttributeDefinitions: [...attributes.values()].map((a) => ({ AttributeName: a.name, AttributeType: a.type })),
    KeySchema: [
      { AttributeName: partitionKey.name, KeyType: 'HASH' },
      { AttributeName: sortKey.name, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: globalIndexes.map((i) => ({
      IndexName: i.name,
      KeySchema: [
        { AttributeName: i.partitionKey.name, KeyType: 'HASH' },
        { AttributeName: i.sortKey.name, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
  };
}
