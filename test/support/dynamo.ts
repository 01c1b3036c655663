import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { localCredentials, localRegion } from '../../infra/local/dynamodb-local';

/** A client for the DynamoDB Local the api project's global setup started. */
export function localDynamo(): DynamoDBClient {
  return new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: localRegion, credentials: localCredentials });
}

export const testTableName = () => inject('tableName');

/**
 * A DynamoDB Local client that records the name of every command it sends (GetItem, Query,
 * TransactWriteItems…), so a test can count what one request costs.
 */
export function countingDynamo(): { client: DynamoDBClient; calls: string[] } {
  const client = localDynamo();
  const calls: string[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      calls.push(String(context.commandName ?? 'unknown').replace(/Command$/, ''));
      return next(args);
    },
    { step: 'initialize', name: 'countCalls' },
  );
  return { client, calls };
}
