import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { localCredentials, localRegion } from '../../infra/local/dynamodb-local';

/** A client for the DynamoDB Local the api project's global setup started. */
export function localDynamo(): DynamoDBClient {
  return new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: localRegion, credentials: localCredentials });
}

export const testTableName = () => inject('tableName');
