import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../shared/http/app';
import { freePort, localCredentials, localRegion } from '../../infra/local/dynamodb-local';
import { localDynamo, testTableName } from '../support/dynamo';
import { testDeps } from '../support/factories';

const dynamo = localDynamo();
afterAll(() => dynamo.destroy());

describe('the app against DynamoDB Local', () => {
  it('GET /api/health reports the table reachable', async () => {
    const app = createApp(testDeps({ dynamo, tableName: testTableName() }));
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toMatchObject({ status: 'ok', checks: { table: 'reachable' } });
  });

  it('GET /api/health is 503 when the table does not exist', async () => {
    const app = createApp(testDeps({ dynamo, tableName: 'table-that-was-never-created' }));
    const res = await app.request('/api/health');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'unavailable', checks: { table: 'unreachable' } });
  });

  it('GET /api/health is 503 when DynamoDB does not answer at all', async () => {
    const port = await freePort(); // nothing listens there
    const down = new DynamoDBClient({
      endpoint: `http://127.0.0.1:${port}`,
      region: localRegion,
      credentials: localCredentials,
      maxAttempts: 1,
    });
    const res = await createApp(testDeps({ dynamo: down, tableName: testTableName() })).request('/api/health');
    expect(res.status).toBe(503);
    down.destroy();
  });
});
