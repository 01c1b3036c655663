import { describe, expect, it, vi } from 'vitest';
import { createOrganizer } from '../../shared/accounts/create-organizer';
import { recordAudit } from '../../shared/audit/audit-store';
import { listAudit } from '../../shared/audit/list-audit';
import {
  apiHarness,
  errorOf,
  goodPassword,
  jsonRequest,
  seedUser,
  sessionCookie,
  tokenFromOutbox,
  uniqueEmail,
} from '../support/accounts';

const { deps, app } = apiHarness();

async function organizerCookie() {
  const { user } = await seedUser(deps, { role: 'organizer' });
  return { organizer: user, cookie: await sessionCookie(deps, user.userId) };
}

describe('organizer: experts and users', () => {
  it('invites an expert, who accepts through the e-mailed link; the expert appears in the expert list', async () => {
    const { cookie } = await organizerCookie();
    const email = uniqueEmail('expert');
    const res = await app.request(
      '/api/experts',
      jsonRequest(
        'POST',
        {
          email,
          displayName: 'Prof. Maria Zielińska',
          affiliation: 'Uniwersytet Ekonomiczny',
          voivodeship: 'małopolskie',
          expertise: ['standardy obsługi', 'zarządzanie'],
          language: 'en',
        },
        { cookie },
      ),
    );
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      email,
      roles: ['expert'],
      status: 'invited',
      expert: { affiliation: 'Uniwersytet Ekonomiczny', voivodeship: 'małopolskie' },
    });
    const mail = (await deps.mail.list()).find((m) => m.to === email);
    expect(mail?.subject).toBe('Invitation — Przyjazny Urząd'); // in the invitee's language
    const token = await tokenFromOutbox(deps, email, 'accept-invitation');
    expect(
      (await app.request('/api/auth/invitations/accept', jsonRequest('POST', { token, password: goodPassword })))
        .status,
    ).toBe(200);
    const login = await app.request(
      '/api/auth/login',
      jsonRequest('POST', { email, password: goodPassword }, { 'x-test-client-address': '198.51.100.200' }),
    );
    expect(login.status).toBe(200);
  });

  it('refuses an expert with a bad voivodeship or e-mail, naming the fields', async () => {
    const { cookie } = await organizerCookie();
    const error = await errorOf(
      await app.request(
        '/api/experts',
        jsonRequest(
          'POST',
          { email: 'x', displayName: 'A', affiliation: 'B', voivodeship: 'bawaria', expertise: [] },
          { cookie },
        ),
      ),
    );
    expect(error.status).toBe(400);
    expect(Object.keys(error.fields).sort()).toEqual(['email', 'voivodeship']);
  });

  it('lists users of one role page by page with an opaque cursor', async () => {
    const { cookie } = await organizerCookie();
    for (let i = 0; i < 5; i++) await seedUser(deps, { role: 'expert' });
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/users?role=expert&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = (await (await app.request(url, { headers: { cookie } })).json()) as {
        items: { userId: string; roles: string[]; passwordHash?: string }[];
        cursor: string | null;
      };
      expect(page.items.length).toBeLessThanOrEqual(2);
      for (const u of page.items) {
        expect(u.roles).toEqual(['expert']);
        expect(u.passwordHash).toBeUndefined();
        seen.add(u.userId);
      }
      cursor = page.cursor;
      pages++;
    } while (cursor && pages < 500);
    expect(seen.size).toBeGreaterThanOrEqual(5);
    expect(pages).toBeGreaterThanOrEqual(3);
    const bad = await errorOf(await app.request('/api/users?role=expert&cursor=v1.forged', { headers: { cookie } }));
    expect(bad.code).toBe('INVALID_CURSOR');
    const badRole = await errorOf(await app.request('/api/users?role=king', { headers: { cookie } }));
    expect(Object.keys(badRole.fields)).toEqual(['role']);
  });

  it('an organizer cannot deactivate their own account', async () => {
    const { organizer, cookie } = await organizerCookie();
    const error = await errorOf(
      await app.request(`/api/users/${organizer.userId}/deactivate`, jsonRequest('POST', {}, { cookie })),
    );
    expect(error.status).toBe(400);
    expect(error.fields.userId).toBeTruthy();
  });

  it('deactivating an unknown account is a 404', async () => {
    const { cookie } = await organizerCookie();
    expect(
      (await app.request(`/api/users/${deps.ids.newId()}/deactivate`, jsonRequest('POST', {}, { cookie }))).status,
    ).toBe(404);
  });

  it('create-organizer makes an invited organizer with a working invitation link', async () => {
    const email = uniqueEmail('organizer');
    const { user, link } = await createOrganizer(deps, {
      email,
      displayName: 'Organizator',
      language: 'pl',
      operator: 'test',
    });
    expect(user).toMatchObject({ roles: ['organizer'], status: 'invited' });
    expect(link).toMatch(/^https:\/\/konkurs\.example\.org\/accept-invitation\?token=/);
    const token = decodeURIComponent(new URL(link).searchParams.get('token') ?? '');
    const accepted = await app.request(
      '/api/auth/invitations/accept',
      jsonRequest('POST', { token, password: goodPassword }),
    );
    expect(accepted.status).toBe(200);
    const cookie = (accepted.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect((await app.request('/api/users?role=organizer', { headers: { cookie } })).status).toBe(200);
    await expect(
      createOrganizer(deps, { email: email.toUpperCase(), displayName: 'Again', language: 'pl', operator: 'test' }),
    ).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
  });
});

describe('organizer: audit trail', () => {
  it('lists one day newest first, page by page, and one subject’s history', async () => {
    deps.clock.set(`2099-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}T08:00:00.000Z`);
    const day = deps.clock.now().toISOString().slice(0, 10);
    const { organizer, cookie } = await organizerCookie();
    const targets = [];
    for (let i = 0; i < 3; i++) {
      const { user } = await seedUser(deps, { role: 'expert' });
      targets.push(user);
      deps.clock.advance(1000);
      await app.request(
        `/api/users/${user.userId}/deactivate`,
        jsonRequest('POST', {}, { cookie, 'x-test-client-address': '198.51.100.9' }),
      );
    }
    const first = (await (await app.request(`/api/audit?day=${day}&limit=2`, { headers: { cookie } })).json()) as {
      items: {
        action: string;
        at: string;
        subject: { id: string };
        actor: { userId: string; label: string };
        ip: string;
      }[];
      cursor: string;
    };
    expect(first.items).toHaveLength(2);
    expect(first.items[0]).toMatchObject({
      action: 'user.deactivated',
      subject: { id: targets[2]!.userId },
      actor: { userId: organizer.userId, label: organizer.email },
      ip: '198.51.100.9',
    });
    expect(first.items[0]!.at > first.items[1]!.at).toBe(true);
    const second = (await (
      await app.request(`/api/audit?day=${day}&limit=2&cursor=${encodeURIComponent(first.cursor)}`, {
        headers: { cookie },
      })
    ).json()) as { items: { subject: { id: string } }[] };
    expect(second.items.map((e) => e.subject.id)).toEqual([targets[0]!.userId]);

    const subject = (await (
      await app.request(`/api/audit?subjectType=user&subjectId=${targets[1]!.userId}`, { headers: { cookie } })
    ).json()) as { items: { action: string }[] };
    expect(subject.items.map((e) => e.action)).toEqual(['user.deactivated']);
    const badDay = await errorOf(await app.request('/api/audit?day=yesterday', { headers: { cookie } }));
    expect(Object.keys(badDay.fields)).toEqual(['day']);
    const halfSubject = await errorOf(await app.request('/api/audit?subjectType=user', { headers: { cookie } }));
    expect(halfSubject.status).toBe(400);
    expect(Object.keys(halfSubject.fields)).toEqual(['subjectId']);
  });

  it('names the actors (one BatchGet per page, no read per row) and filters by kind of event', async () => {
    deps.clock.set(`2098-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}T08:00:00.000Z`);
    const day = deps.clock.now().toISOString().slice(0, 10);
    const { organizer, cookie } = await organizerCookie();
    for (let i = 0; i < 2; i++) {
      const { user } = await seedUser(deps, { role: 'expert' });
      deps.clock.advance(1000);
      await app.request(`/api/users/${user.userId}/deactivate`, jsonRequest('POST', {}, { cookie }));
    }
    deps.clock.advance(1000);
    await recordAudit(deps, {
      action: 'certificate.revoked',
      actor: { label: 'system' },
      subject: { type: 'edition', id: 'ed1' },
    });
    type Listed = { items: { action: string; actor: { label: string }; actorName?: string }[] };
    const all = (await (await app.request(`/api/audit?day=${day}`, { headers: { cookie } })).json()) as Listed;
    expect(all.items.map((e) => e.action)).toEqual(['certificate.revoked', 'user.deactivated', 'user.deactivated']);
    expect(all.items[1]).toMatchObject({ actor: { label: organizer.email }, actorName: organizer.displayName });
    expect(all.items[0]?.actorName).toBeUndefined();
    // The use case alone (no session to resolve): one BatchGet for the page's actors, no Get per row.
    const batchGet = vi.spyOn(deps.store, 'batchGet');
    const get = vi.spyOn(deps.store, 'get');
    const listed = await listAudit(deps, { day });
    const reads = { batchGet: batchGet.mock.calls.length, get: get.mock.calls.length };
    batchGet.mockRestore();
    get.mockRestore();
    expect(listed.items.map((e) => e.actorName)).toEqual([undefined, organizer.displayName, organizer.displayName]);
    expect(reads).toEqual({ batchGet: 1, get: 0 });

    const accounts = (await (
      await app.request(`/api/audit?day=${day}&group=accounts`, { headers: { cookie } })
    ).json()) as Listed;
    expect(accounts.items.map((e) => e.action)).toEqual(['user.deactivated', 'user.deactivated']);
    const certificates = (await (
      await app.request(`/api/audit?subjectType=edition&subjectId=ed1&group=certificates`, { headers: { cookie } })
    ).json()) as Listed;
    expect(certificates.items.map((e) => e.action)).toEqual(['certificate.revoked']);
    await recordAudit(deps, {
      action: 'security.loginFailureBurst',
      actor: { label: 'anonymous' },
      subject: { type: 'email', id: 'nikt@example.org' },
    });
    const byEmail = (await (
      await app.request(`/api/audit?subjectType=email&subjectId=nikt%40example.org`, { headers: { cookie } })
    ).json()) as Listed;
    expect(byEmail.items.map((e) => e.action)).toEqual(['security.loginFailureBurst']);
    const badGroup = await errorOf(await app.request(`/api/audit?group=logins`, { headers: { cookie } }));
    expect(Object.keys(badGroup.fields)).toEqual(['group']);
  });

  it('a day is a Polish calendar day: from midnight in Warsaw to the next, across two UTC partitions, paged newest first', async () => {
    type Listed = { items: { at: string; subject: { id: string } }[]; cursor: string | null };
    let cookie = '';
    const list = async (query: string) =>
      (await (await app.request(`/api/audit?${query}`, { headers: { cookie } })).json()) as Listed;
    // Winter (UTC+1) and summer (UTC+2), on days no other test writes to.
    for (const [day, offset] of [
      [`2097-01-${10 + Math.floor(Math.random() * 9)}`, 1],
      [`2097-07-${10 + Math.floor(Math.random() * 9)}`, 2],
    ] as const) {
      const warsaw = (wall: string) => new Date(Date.parse(`${wall}Z`) - offset * 3_600_000).toISOString();
      const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      const previous = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      const moments = {
        before: warsaw(`${previous}T23:59:59.999`),
        midnight: warsaw(`${day}T00:00:00.000`),
        noon: warsaw(`${day}T12:00:00.000`),
        late: warsaw(`${day}T23:59:59.999`),
        after: warsaw(`${next}T00:00:00.000`),
      };
      for (const [name, at] of Object.entries(moments)) {
        deps.clock.set(at);
        await recordAudit(deps, {
          action: 'user.deactivated',
          actor: { label: 'system' },
          subject: { type: 'user', id: `${name}-${day}` },
        });
      }
      cookie = (await organizerCookie()).cookie; // signed in now (sessions idle out in hours)
      const inDay = [moments.late, moments.noon, moments.midnight];
      const all = await list(`day=${day}`);
      expect(
        all.items.map((e) => e.at),
        day,
      ).toEqual(inDay);
      expect(all.cursor).toBeNull();
      // Page by page, with one and with two entries a page: every entry once, in order, across the two partitions.
      for (const limit of [1, 2]) {
        const seen: string[] = [];
        let cursor: string | null = null;
        for (let pages = 0; pages < 6; pages++) {
          const page: Listed = await list(
            `day=${day}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          );
          seen.push(...page.items.map((e) => e.at));
          cursor = page.cursor;
          if (!cursor) break;
        }
        expect(seen, `${day} by ${limit}`).toEqual(inDay);
      }
    }
    const forged = await errorOf(await app.request('/api/audit?day=2097-01-10&cursor=2.abc', { headers: { cookie } }));
    expect(forged).toMatchObject({ status: 400, code: 'INVALID_CURSOR' });
    deps.clock.set('2026-03-01T10:00:00.000Z');
  });
});
