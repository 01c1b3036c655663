import { describe, expect, it, vi } from 'vitest';
import { ownershipReads } from '../../shared/access/policy';
import { createApp } from '../../shared/http/app';
import { createLazyApp } from '../../shared/http/lazy-app';
import { routePolicy } from '../../shared/http/routes/policy';
import { keys } from '../../shared/store/keys';
import { itemKeyId, withItemsRead } from '../../shared/store/store';
import { seedInstitution, seedUser, sessionCookie } from '../support/accounts';
import { seedApplication, seedEdition } from '../support/applications';
import { seedChapterExpert } from '../support/assignment';
import { countingDynamo, testTableName } from '../support/dynamo';
import { testDeps } from '../support/factories';

/**
 * The route's ownership item rides in the session's BatchGet (shared/access/policy.ts, ownershipReads):
 * one round trip less for every request on an application or in a chapter, and no weaker a check.
 */
const { client, calls } = countingDynamo();
const deps = testDeps({ dynamo: client, tableName: testTableName() });
const apps = { eager: createApp(deps), lazy: createLazyApp(deps) };

describe.each(Object.entries(apps))('the ownership item read with the session (%s app)', (_name, app) => {
  it('another institution’s application: 404 decided by the header read with the session (no read of its own)', async () => {
    const edition = await seedEdition(deps);
    const owner = await seedInstitution(deps);
    const other = await seedInstitution(deps);
    const header = await seedApplication(deps, owner.member, edition.editionId);
    const cookie = await sessionCookie(deps, other.member.userId);
    const batchGet = vi.spyOn(deps.store, 'batchGet');
    calls.length = 0;
    const res = await app.request(`/api/applications/${header.applicationId}`, { headers: { cookie } });
    expect(res.status).toBe(404);
    expect(calls).toEqual(['BatchGetItem']);
    // Strongly consistent, as the check's own read was: a status changed a moment ago must show.
    expect(batchGet).toHaveBeenCalledWith(expect.arrayContaining([keys.application(header.applicationId)]), {
      consistent: true,
    });
    batchGet.mockRestore();
    const mine = await app.request(`/api/applications/${header.applicationId}`, {
      headers: { cookie: await sessionCookie(deps, owner.member.userId) },
    });
    expect(mine.status).toBe(200);
  });

  it('a cookie with the owner’s account but not its secret: 401, though the header was read beside', async () => {
    const edition = await seedEdition(deps);
    const owner = await seedInstitution(deps);
    const header = await seedApplication(deps, owner.member, edition.editionId);
    const real = await sessionCookie(deps, owner.member.userId);
    const [userId, sessionId] = real.replace('__Host-session=', '').split('.');
    const forged = `__Host-session=${userId}.${sessionId}.${'A'.repeat(43)}`;
    calls.length = 0;
    const res = await app.request(`/api/applications/${header.applicationId}`, { headers: { cookie: forged } });
    expect(res.status).toBe(401);
    expect(calls).toEqual(['BatchGetItem']);
  });

  it('an expert not on the chapter: 404 from the membership read with the session; a member reads nothing more for it', async () => {
    const edition = await seedEdition(deps);
    const { user: organizer } = await seedUser(deps, { role: 'organizer' });
    const { user: outsider } = await seedUser(deps, { role: 'expert' });
    const member = await seedChapterExpert(deps, edition.editionId, organizer);
    const path = `/api/expert/editions/${edition.editionId}/assignments`;
    const [outsiderCookie, memberCookie] = [
      await sessionCookie(deps, outsider.userId),
      await sessionCookie(deps, member.userId),
    ];
    calls.length = 0;
    const refused = await app.request(path, { headers: { cookie: outsiderCookie } });
    expect(refused.status).toBe(404);
    expect(calls).toEqual(['BatchGetItem']);
    calls.length = 0;
    const allowed = await app.request(path, { headers: { cookie: memberCookie } });
    expect(allowed.status).toBe(200);
    // The membership came with the session; the use case reads the assignment head (none yet).
    expect(calls).toEqual(['BatchGetItem', 'GetItem']);
    // A HEAD is answered by the GET route, and read like it.
    calls.length = 0;
    const head = await app.request(path, { method: 'HEAD', headers: { cookie: memberCookie } });
    expect(head.status).toBe(200);
    expect(calls).toEqual(['BatchGetItem', 'GetItem']);
  });

  it('the chapter’s chair: a member who is not the chair is refused after the one BatchGet; the chair’s item is not read again', async () => {
    const edition = await seedEdition(deps);
    const { user: organizer } = await seedUser(deps, { role: 'organizer' });
    const member = await seedChapterExpert(deps, edition.editionId, organizer);
    const chair = await seedChapterExpert(deps, edition.editionId, organizer, { chair: true, maxLoad: 0 });
    const path = `/api/editions/${edition.editionId}/results`;
    const [memberCookie, chairCookie] = [
      await sessionCookie(deps, member.userId),
      await sessionCookie(deps, chair.userId),
    ];
    calls.length = 0;
    const refused = await app.request(path, { headers: { cookie: memberCookie } });
    expect(refused.status).toBe(404);
    expect(calls).toEqual(['BatchGetItem']);
    const batchGet = vi.spyOn(deps.store, 'batchGet');
    const get = vi.spyOn(deps.store, 'get');
    calls.length = 0;
    const allowed = await app.request(path, { headers: { cookie: chairCookie } });
    expect(allowed.status).toBe(200);
    expect(calls[0]).toBe('BatchGetItem');
    const chairKey = keys.chapterMember(edition.editionId, chair.userId);
    expect(batchGet).toHaveBeenCalledWith(expect.arrayContaining([chairKey]), { consistent: true });
    // The check took the member item from that BatchGet: no read of its own for it.
    expect(get.mock.calls.filter(([key]) => itemKeyId(key) === itemKeyId(chairKey))).toEqual([]);
    batchGet.mockRestore();
    get.mockRestore();
  });
});

describe('ownershipReads', () => {
  const rule = (endpoint: string) => routePolicy[endpoint];

  it('names the checked item, by the account the cookie names', () => {
    const header = ownershipReads(rule('GET /api/applications/:applicationId'), { applicationId: 'app1' });
    expect(header?.keys('u1')).toEqual([keys.application('app1')]);
    const member = ownershipReads(rule('GET /api/expert/editions/:editionId/assignments'), { editionId: 'ed1' });
    expect(member?.keys('u1')).toEqual([keys.chapterMember('ed1', 'u1')]);
  });

  it('reads nothing for rules without an item to check, or a parameter that names nothing', () => {
    expect(ownershipReads(rule('GET /api/health'), {})).toBeUndefined();
    expect(ownershipReads(rule('GET /api/editions'), {})).toBeUndefined();
    expect(ownershipReads(undefined, {})).toBeUndefined();
    expect(
      ownershipReads(rule('GET /api/institutions/:institutionId/surveys'), { institutionId: 'i1' }),
    ).toBeUndefined();
    expect(ownershipReads(rule('GET /api/applications/:applicationId'), { applicationId: 'a#b' })?.keys('u1')).toEqual(
      [],
    );
  });
});

describe('withItemsRead', () => {
  it('answers the keys read (null: read, not there) and sends every other read to the table', async () => {
    const read = new Map([
      [itemKeyId(keys.application('a1')), { pk: 'APPLICATION#a1', sk: 'APPLICATION', status: 'draft' }],
      [itemKeyId(keys.application('gone')), null],
    ]);
    const view = withItemsRead(deps.store, read);
    calls.length = 0;
    expect(await view.get(keys.application('a1'), { consistent: true })).toMatchObject({ status: 'draft' });
    expect(await view.get(keys.application('gone'))).toBeNull();
    expect(calls).toEqual([]);
    expect(await view.get(keys.application('elsewhere'))).toBeNull();
    expect(calls).toEqual(['GetItem']);
  });
});
