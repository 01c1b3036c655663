import { describe, expect, it, vi } from 'vitest';
import { commitAssignment } from '../../shared/assignment/commit-assignment';
import { previewAssignment } from '../../shared/assignment/preview-assignment';
import { getEdition } from '../../shared/editions/edition-store';
import { keys } from '../../shared/store/keys';
import { createApp } from '../../shared/http/app';
import { createLazyApp } from '../../shared/http/lazy-app';
import { jsonRequest, seedInstitution, seedUser, sessionCookie } from '../support/accounts';
import { callerFor, seedApplication, seedEdition } from '../support/applications';
import { seedChapterExpert, seedSubmitted } from '../support/assignment';
import { countingDynamo, testTableName } from '../support/dynamo';
import { testDeps } from '../support/factories';
import { drainAnswers } from '../support/survey-stream';
import { resultsWorld } from '../support/results';

/**
 * DynamoDB calls per request: the budgets of the requests people make most. Counted by a client
 * that records every command it sends, against DynamoDB Local (not timed: calls are what a cold
 * Lambda and the bill feel).
 */
const { client, calls } = countingDynamo();
const deps = testDeps({ dynamo: client, tableName: testTableName(), maxBodyBytes: 1024 * 1024 });
const app = createApp(deps);

describe('DynamoDB calls per request', () => {
  it('a survey’s results: 3 (session, the survey, its counts) whatever the number of answers; an answer: 2 limits + 2', async () => {
    const { institutionId, member } = await seedInstitution(deps);
    const cookie = await sessionCookie(deps, member.userId);
    const created = await app.request(
      `/api/institutions/${institutionId}/surveys`,
      jsonRequest(
        'POST',
        { title: { pl: 'Ankieta' }, opensOn: '2026-01-01', closesOn: '2026-12-31', ownQuestions: [] },
        { cookie },
      ),
    );
    const { surveyId } = (await created.json()) as { surveyId: string };
    const answer = (i: number) =>
      app.request(
        `/api/public/surveys/${surveyId}/answers`,
        jsonRequest(
          'POST',
          { ratings: { waiting: (i % 5) + 1 }, matter: 'other' },
          { 'x-test-client-address': `192.0.2.${i}` },
        ),
      );
    calls.length = 0;
    expect((await answer(0)).status).toBe(201);
    // One reservation per limit (browser, address), the survey, the answer — the counts follow from the stream.
    expect(calls.sort()).toEqual(['GetItem', 'PutItem', 'UpdateItem', 'UpdateItem'].sort());
    for (let i = 1; i < 30; i++) expect((await answer(i)).status).toBe(201);
    await drainAnswers(deps);
    calls.length = 0;
    const res = await app.request(`/api/institutions/${institutionId}/surveys/${surveyId}/results`, {
      headers: { cookie },
    });
    expect(((await res.json()) as { all: { n: number } }).all.n).toBe(30);
    expect(calls.sort()).toEqual(['BatchGetItem', 'GetItem', 'GetItem']);
  });

  it('an institution’s autosave of one section: 3 (session with the ownership item, edition, the write)', async () => {
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
    const get = vi.spyOn(deps.store, 'get');
    const first = await save('Standardy obsługi klienta opisane w zarządzeniu.', 0);
    expect(first.status).toBe(200);
    // The ownership check's header rides in the session's BatchGet (policy.ts's ownershipReads).
    expect(calls).toEqual(['BatchGetItem', 'GetItem', 'TransactWriteItems']);
    // The edition is read without its rubric and settings: the questionnaire and the window only.
    const editionRead = get.mock.calls.find(([key]) => key.pk === keys.edition(edition.editionId).pk);
    expect(editionRead?.[1]?.attributes).toEqual(expect.arrayContaining(['questionnaire', 'timeline', 'state']));
    expect(editionRead?.[1]?.attributes).not.toContain('rubric');
    get.mockRestore();
    calls.length = 0;
    const second = await save('Standardy obsługi klienta, wersja druga.', 1);
    expect(second.status).toBe(200);
    expect(calls.length).toBeLessThanOrEqual(3);
    calls.length = 0;
    const lazy = await createLazyApp(deps).request(`/api/applications/${header.applicationId}/sections/standards`, {
      ...jsonRequest('PUT', { answers: { standards_description: 'Wersja trzecia.' }, version: 2 }),
      headers: { 'content-type': 'application/json', cookie },
    });
    expect(lazy.status).toBe(200);
    expect(calls).toEqual(['BatchGetItem', 'GetItem', 'TransactWriteItems']);
  });

  it('the editions list: 2 (session, one Query), the editions read without their questionnaires', async () => {
    const edition = await seedEdition(deps);
    const { user: organizer } = await seedUser(deps, { role: 'organizer' });
    const cookie = await sessionCookie(deps, organizer.userId);
    const query = vi.spyOn(deps.store, 'query');
    calls.length = 0;
    const res = await app.request('/api/editions?limit=100', { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(calls).toEqual(['BatchGetItem', 'Query']);
    expect(query.mock.calls[0]?.[0].attributes).toEqual(expect.arrayContaining(['rubric', 'timeline', 'state']));
    expect(query.mock.calls[0]?.[0].attributes).not.toContain('questionnaire');
    query.mockRestore();
    // What the list shows is all there: the maximum comes from the rubric, read with the rest.
    // The table is shared by every test file and its editions share one creation time, so this one may sit
    // on a later page: follow the cursor.
    type ListPage = { items: { editionId: string; maxTotal: number; name: unknown }[]; cursor?: string | null };
    let page = (await res.json()) as ListPage;
    let mine = page.items.find((e) => e.editionId === edition.editionId);
    while (!mine && page.cursor) {
      const next = await app.request(`/api/editions?limit=100&cursor=${encodeURIComponent(page.cursor)}`, {
        headers: { cookie },
      });
      expect(next.status).toBe(200);
      page = (await next.json()) as ListPage;
      mine = page.items.find((e) => e.editionId === edition.editionId);
    }
    expect(mine?.name).toEqual(edition.name);
    expect(mine?.maxTotal).toBeGreaterThan(0);
  });

  it('an expert’s own assignments: 3 (session with the membership the ownership check reads, the head, their item)', async () => {
    const edition = await seedEdition(deps, { settings: { expertsPerApplication: 1 } });
    const { user: organizer } = await seedUser(deps, { role: 'organizer' });
    const expert = await seedChapterExpert(deps, edition.editionId, organizer);
    await seedSubmitted(deps, edition.editionId);
    const { previewId } = await previewAssignment(deps, { editionId: edition.editionId, mode: 'incremental' });
    await commitAssignment(deps, {
      editionId: edition.editionId,
      mode: 'incremental',
      previewId,
      caller: callerFor(organizer),
    });
    const cookie = await sessionCookie(deps, expert.userId);
    calls.length = 0;
    const res = await app.request(`/api/expert/editions/${edition.editionId}/assignments`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: unknown[] };
    expect(body.items).toHaveLength(1);
    expect(calls).toEqual(['BatchGetItem', 'GetItem', 'GetItem']);
    // The api Lambda's dispatcher reads the session (and the membership) before the group's code loads.
    calls.length = 0;
    const lazy = await createLazyApp(deps).request(`/api/expert/editions/${edition.editionId}/assignments`, {
      headers: { cookie },
    });
    expect(await lazy.json()).toEqual(body);
    expect(calls).toEqual(['BatchGetItem', 'GetItem', 'GetItem']);
  });

  it('an institution opening its application: 4 (session with the ownership header, the rest of the partition, edition, extension), the header read once', async () => {
    const edition = await seedEdition(deps);
    const { member } = await seedInstitution(deps);
    const header = await seedApplication(deps, member, edition.editionId, { complete: true });
    const cookie = await sessionCookie(deps, member.userId);
    const queries = vi.spyOn(deps.store, 'queryAll');
    calls.length = 0;
    const res = await app.request(`/api/applications/${header.applicationId}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { application: { applicationId: string } }).application.applicationId).toBe(
      header.applicationId,
    );
    expect(calls).toEqual(['BatchGetItem', 'Query', 'GetItem', 'GetItem']);
    // The ownership check read the header: the partition's Query starts after it.
    expect(queries).toHaveBeenCalledWith(expect.objectContaining({ sortKeyAfter: 'APPLICATION' }));
    queries.mockRestore();
  });

  it('the public laureates of an edition: 1 Query; an institution’s own result: 3 (session with ownership, edition, result)', async () => {
    const w = await resultsWorld({ deps, app }, { scores: [9, 4] });
    const base = `/api/editions/${w.edition.editionId}/results`;
    expect((await w.as(w.cookie, 'POST', `${base}/lock`, { version: 0 })).status).toBe(200);
    expect((await w.as(w.cookie, 'POST', `${base}/publish`, { version: 1 })).status).toBe(200);
    await deps.jobs.drain();
    calls.length = 0;
    const pub = await app.request(`/api/public/results/${w.edition.editionId}`);
    expect(pub.status).toBe(200);
    expect(calls).toEqual(['Query']);
    const first = w.applications[0]!;
    const { user } = await seedUser(deps, { role: 'institution', institutionId: first.institutionId });
    const cookie = await sessionCookie(deps, user.userId);
    calls.length = 0;
    const own = await app.request(`/api/applications/${first.applicationId}/result`, { headers: { cookie } });
    expect(own.status).toBe(200);
    expect(calls).toEqual(['BatchGetItem', 'GetItem', 'GetItem']);
  });

  it('a certificate lookup (QR code): 2 (the limit reserved, the certificate); the institution’s own: 3', async () => {
    const w = await resultsWorld({ deps, app }, { scores: [9, 4] });
    const base = `/api/editions/${w.edition.editionId}/results`;
    expect((await w.as(w.cookie, 'POST', `${base}/lock`, { version: 0 })).status).toBe(200);
    expect((await w.as(w.cookie, 'POST', `${base}/publish`, { version: 1 })).status).toBe(200);
    await deps.jobs.drain();
    const path = `/api/editions/${w.edition.editionId}/certificates/signatories`;
    const { version } = await getEdition(deps.store, w.edition.editionId);
    const signatories = [{ name: 'Anna Kowalska', role: 'Przewodnicząca Kapituły' }];
    expect((await w.as(w.cookie, 'PUT', path, { signatories, version })).status).toBe(200);
    expect((await w.as(w.cookie, 'POST', `/api/editions/${w.edition.editionId}/certificates`, {})).status).toBe(202);
    await deps.jobs.drain();
    const first = w.applications[0]!;
    const { user } = await seedUser(deps, { role: 'institution', institutionId: first.institutionId });
    const cookie = await sessionCookie(deps, user.userId);
    calls.length = 0;
    const own = await app.request(`/api/applications/${first.applicationId}/certificate`, { headers: { cookie } });
    expect(own.status).toBe(200);
    expect(calls).toEqual(['BatchGetItem', 'GetItem', 'GetItem']);
    const { certificate } = (await own.json()) as { certificate: { code: string; status: string } };
    expect(certificate.status).toBe('issued');
    calls.length = 0;
    const verified = await app.request(`/api/public/certificates/${certificate.code}`);
    expect(verified.status).toBe(200);
    expect(calls).toEqual(['UpdateItem', 'GetItem']);
  });
});
