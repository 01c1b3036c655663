import type {} from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { TestProject } from 'vitest/node';
import { localCredentials, localRegion, startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { ensureTable } from '../../infra/local/ensure-table';
import { checkJava } from '../../infra/local/java';

export const TEST_TABLE = 'test-table';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    tableName: string;
  }
}

/** One DynamoDB Local per test run, in memory, on a random port; killed at teardown. */
export default async function setup(project: TestProject) {
  const java = checkJava();
  if (!java.ok) throw new Error(`The api tests run against DynamoDB Local. ${java.message}`);
  const db = await startDynamoDbLocal();
  const client = new DynamoDBClient({ endpoint: db.endpoint, region: localRegion, credentials: localCredentials });
  await ensureTable(client, TEST_TABLE);
  client.destroy();
  project.provide('dynamoEndpoint', db.endpoint);
  project.provide('tableName', TEST_TABLE);
  return async () => {
    await db.stop();
  };
}
