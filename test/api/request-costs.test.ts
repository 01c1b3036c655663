import { describe, expect, it } from 'vitest';
import { createApp } from '../../shared/http/app';
import { jsonRequest, seedInstitution, sessionCookie } from '../support/accounts';
import { seedApplication, seedEdition } from '../support/applications';
import { countingDynamo, testTableName } from '../support/dynamo';
import { testDeps } from '../support/factories';

/**
 * DynamoDB calls per request: the budgets of the requests people make most. Counted by a client
 * that records every command it sends, against DynamoDB Local (not timed: calls are what a cold
 * Lambda and the bill feel).
 */
const { client, calls } = countingDynamo();
const deps = testDeps({ dynamo: client, tableName: testTableName(), maxBodyBytes: 1024 * 1024 });
const app = createApp(deps);

describe('DynamoDB calls per request', () => {
  it('an institution’s autosave of one section: at most 4 (session, ownership, edition, the write)', async () => {
    const edition = await seedEdition(deps);
    const { member } = await seedInstitution(deps);
    const header = await seedApplication(deps, member, edition.editionId);
    const cookie = await sessionCookie(deps, member.userId);
    const save = (text: string, version: number) =>
      app.request(`/api/applications/${header.applicationId}/sections/standards`, {
        ...jsonRequest('PUT', { answers: { standards_description: text }, version }),
        headers: { 'content-type': 'application/json', cookie },
      });
    calls.length = 0;
    const first = await save('Standardy obsługi klienta opisane w zarządzeniu.', 0);
    expect(first.status).toBe(200);
    expect(calls).toEqual(['BatchGetItem', 'GetItem', 'GetItem', 'TransactWriteItems']);
    calls.length = 0;
    const second = await save('Standardy obsługi klienta, wersja druga.', 1);
    expect(second.status).toBe(200);
    expect(calls.length).toBeLessThanOrEqual(4);
  });
});
