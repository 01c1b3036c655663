import { describe, expect, it } from 'vitest';
import { keys } from '../../shared/store/keys';
import { trackingCodeHash } from '../../shared/feedback/tracking-code';
import { apiHarness, errorOf, jsonRequest, seedInstitution, seedUser, sessionCookie } from '../support/accounts';

/** Room for a 2,000-character text (the tests' default body limit is 1 KiB; the api's is 1 MiB). */
const { deps, app } = apiHarness({ maxBodyBytes: 64 * 1024 });
let addressSeq = 0;
/** Each test sends from its own address, so one test's limits never meet another's. */
const newAddress = () => `198.51.100.${(addressSeq++ % 250) + 1}`;

const send = async (institutionId: string, body: object, headers: Record<string, string> = {}) =>
  await app.request(
    `/api/public/institutions/${institutionId}/feedback`,
    jsonRequest('POST', body, { 'x-test-client-address': newAddress(), ...headers }),
  );
const track = async (code: string, address = newAddress()) =>
  await app.request(`/api/public/feedback/${encodeURIComponent(code)}`, {
    headers: { 'x-test-client-address': address },
  });

const complaint = { category: 'complaint', text: 'Czekałem w kolejce dwie godziny.', email: 'mieszkaniec@example.com' };

describe('feedback: sending and tracking without an account', () => {
  it('answers a tracking code that shows the status, and stores neither the code nor the address', async () => {
    const { institutionId } = await seedInstitution(deps);
    const res = await send(institutionId, complaint, { 'x-test-client-address': '203.0.113.77' });
    expect(res.status).toBe(201);
    // The sender cookie goes only to the public institution routes, never to another site's request.
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Secure-feedback-sender=[^;]+;/);
    expect(cookie).toMatch(/; Secure(;|$)/);
    expect(cookie).toMatch(/; Path=\/api\/public\/institutions(;|$)/);
    expect(cookie).toMatch(/; HttpOnly(;|$)/);
    expect(cookie).toMatch(/; SameSite=Strict(;|$)/);
    expect(cookie).toMatch(/; Max-Age=\d+(;|$)/);
    const { trackingCode } = (await res.json()) as { trackingCode: string };
    expect(trackingCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);

    const found = await track(trackingCode.toLowerCase().replace(/-/g, ''));
    expect(found.status).toBe(200);
    const body = await found.json();
    expect(body).toEqual({
      institutionName: expect.any(String),
      category: 'complaint',
      status: 'new',
      submittedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      hasAttachment: false,
    });
    expect(JSON.stringify(body)).not.toContain('mieszkaniec@example.com');

    const stored = await deps.store.queryAll({ partitionKey: keys.institutionFeedback(institutionId) });
    expect(stored).toHaveLength(1);
    const text = JSON.stringify(stored);
    expect(text).not.toContain('203.0.113.77');
    expect(text).not.toContain(trackingCode.replace(/-/g, ''));
    expect(text).not.toContain(trackingCode);
    expect(text).not.toMatch(/vitest|user-?agent/i);
    const code = await deps.store.get(keys.feedbackCode(trackingCodeHash(trackingCode)));
    expect(code).toMatchObject({ institutionId, feedbackId: stored[0]?.feedbackId });
  });

  it('refuses bad input naming the field, and an unknown office with 404', async () => {
    const { institutionId } = await seedInstitution(deps);
    const long = await errorOf(await send(institutionId, { ...complaint, text: 'x'.repeat(2001) }));
    expect(long).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(Object.keys(long.fields)).toEqual(['text']);
    const mail = await errorOf(await send(institutionId, { ...complaint, email: 'to nie adres' }));
    expect(Object.keys(mail.fields)).toEqual(['email']);
    const category = await errorOf(await send(institutionId, { ...complaint, category: 'rant' }));
    expect(Object.keys(category.fields)).toEqual(['category']);
    expect((await send(deps.ids.newId(), complaint)).status).toBe(404);
  });

  it('answers a filled honeypot like a success and stores nothing', async () => {
    const { institutionId } = await seedInstitution(deps);
    const res = await send(institutionId, { ...complaint, website: 'http://spam.example' });
    expect(res.status).toBe(201);
    const { trackingCode } = (await res.json()) as { trackingCode: string };
    expect((await track(trackingCode)).status).toBe(404);
    expect(await deps.store.queryAll({ partitionKey: keys.institutionFeedback(institutionId) })).toHaveLength(0);
  });

  it('limits one browser (its cookie) to 10 an hour, whatever its address', async () => {
    const { institutionId } = await seedInstitution(deps);
    const first = await send(institutionId, complaint);
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await send(institutionId, complaint, { cookie })).status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(9);
    expect(statuses.at(-1)).toBe(429);
  });

  it('limits one address under a parallel burst of cookieless sends (a script)', async () => {
    const { institutionId } = await seedInstitution(deps);
    const address = newAddress();
    const statuses = await Promise.all(
      Array.from({ length: 80 }, () =>
        send(institutionId, { ...complaint, category: 'praise' }, { 'x-test-client-address': address }).then(
          (r) => r.status,
        ),
      ),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(60);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    expect(await deps.store.queryAll({ partitionKey: keys.institutionFeedback(institutionId) })).toHaveLength(60);
  });

  it('cuts 200 parallel wrong codes from one address at the limit; every miss is the same 404', async () => {
    const address = newAddress();
    const guesses = Array.from({ length: 200 }, (_, i) =>
      i % 2 === 0 ? `${String(i).padStart(4, '0')}-AAAA-BBBB-CCCC` : `not-a-code-${i}`,
    );
    const answers = await Promise.all(
      guesses.map(async (g) => {
        const res = await track(g, address);
        // The request id differs on every answer; everything else must not.
        return { status: res.status, body: (await res.text()).replace(/"requestId":"[^"]*"/, '') };
      }),
    );
    const misses = answers.filter((a) => a.status === 404);
    expect(misses).toHaveLength(30);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(170);
    // A well-formed unknown code and something that cannot be a code answer alike.
    expect(new Set(misses.map((m) => m.body)).size).toBe(1);
    // The right code from that address is blocked too, until the block ends.
    const { institutionId } = await seedInstitution(deps);
    const { trackingCode } = (await (await send(institutionId, complaint)).json()) as { trackingCode: string };
    expect((await track(trackingCode, address)).status).toBe(429);
    expect((await track(trackingCode)).status).toBe(200);
  });
});

async function office() {
  const { institutionId, member } = await seedInstitution(deps);
  return { institutionId, userId: member.userId, cookie: await sessionCookie(deps, member.userId) };
}
interface Staff {
  feedbackId: string;
  status: string;
  version: number;
  replyByEmail: boolean;
  publicAnswer?: string;
}
const inbox = async (o: { institutionId: string; cookie: string }, query = '') => {
  const res = await app.request(`/api/institutions/${o.institutionId}/feedback${query}`, {
    headers: { cookie: o.cookie },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { items: Staff[]; cursor: string | null };
};
const sendCode = async (institutionId: string, body: object = complaint) =>
  ((await (await send(institutionId, body)).json()) as { trackingCode: string }).trackingCode;
const move = (o: { institutionId: string; cookie: string }, id: string, from: string, to: string) =>
  app.request(
    `/api/institutions/${o.institutionId}/feedback/${id}/status`,
    jsonRequest('PUT', { from, to }, { cookie: o.cookie }),
  );

describe('feedback: the office’s inbox', () => {
  it('lists newest first, filters by status, and never shows the resident’s e-mail', async () => {
    const o = await office();
    await sendCode(o.institutionId);
    deps.clock.advance(1000);
    await sendCode(o.institutionId, { category: 'praise', text: 'Dziękuję!' });
    const all = await inbox(o);
    expect(all.items).toHaveLength(2);
    expect(all.items.map((i) => i.replyByEmail)).toEqual([false, true]);
    expect(JSON.stringify(all)).not.toContain('mieszkaniec@example.com');
    const newest = all.items[0];
    expect(newest).toMatchObject({ status: 'new' });
    expect((await move(o, newest?.feedbackId ?? '', 'new', 'in_progress')).status).toBe(200);
    expect((await inbox(o, '?status=in_progress')).items.map((i) => i.feedbackId)).toEqual([newest?.feedbackId]);
    expect((await inbox(o, '?status=new')).items).toHaveLength(1);
    const paged = await inbox(o, '?limit=1');
    expect(paged.items).toHaveLength(1);
    expect(paged.cursor).not.toBeNull();
    const bad = await errorOf(
      await app.request(`/api/institutions/${o.institutionId}/feedback?status=lost`, { headers: { cookie: o.cookie } }),
    );
    expect(bad).toMatchObject({ status: 400 });
    expect(Object.keys(bad.fields)).toEqual(['status']);
  });

  it('round trip: the office answers publicly, marks it answered, the resident reads it by code and gets a mail', async () => {
    const o = await office();
    const code = await sendCode(o.institutionId);
    const [item] = (await inbox(o)).items;
    const id = item?.feedbackId ?? '';
    const answer = await app.request(
      `/api/institutions/${o.institutionId}/feedback/${id}/answer`,
      jsonRequest(
        'PUT',
        { publicAnswer: 'Dodaliśmy drugie okienko.', privateNote: 'Sprawa p. K.', version: 1 },
        {
          cookie: o.cookie,
        },
      ),
    );
    expect(answer.status).toBe(200);
    expect((await move(o, id, 'new', 'in_progress')).status).toBe(200);
    const before = (await deps.mail.list()).length;
    expect((await move(o, id, 'in_progress', 'answered')).status).toBe(200);
    const mails = (await deps.mail.list()).slice(before).filter((m) => m.to === 'mieszkaniec@example.com');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain('/opinia/sprawdz');
    expect(mails[0]?.text).not.toContain(code);
    const view = (await (await track(code)).json()) as Record<string, unknown>;
    expect(view).toMatchObject({ status: 'answered', publicAnswer: 'Dodaliśmy drugie okienko.' });
    expect(view.answeredOn).toEqual(view.submittedOn);
    expect(JSON.stringify(view)).not.toContain('Sprawa p. K.');
    expect(JSON.stringify(view)).not.toContain('mieszkaniec');
  });

  it('409 when two tabs move the same item, or when a move breaks the rules; the loser changes nothing', async () => {
    const o = await office();
    await sendCode(o.institutionId);
    const id = (await inbox(o)).items[0]?.feedbackId ?? '';
    const both = await Promise.all([move(o, id, 'new', 'in_progress'), move(o, id, 'new', 'closed')]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = await errorOf(both.find((r) => r.status === 409) ?? both[0]!);
    expect(loser.code).toBe('CONCURRENT_MODIFICATION');
    const [now] = (await inbox(o)).items;
    expect(now?.version).toBe(2);
    const stale = await errorOf(await move(o, id, 'new', 'in_progress'));
    expect(stale).toMatchObject({ status: 409, code: 'CONCURRENT_MODIFICATION' });
    const staleAnswer = await app.request(
      `/api/institutions/${o.institutionId}/feedback/${id}/answer`,
      jsonRequest('PUT', { publicAnswer: 'Za późno', version: 1 }, { cookie: o.cookie }),
    );
    expect(staleAnswer.status).toBe(409);
    if (now?.status === 'closed') return; // closed is final: nothing more to try
    expect((await errorOf(await move(o, id, 'in_progress', 'new'))).code).toBe('INVALID_STATE');
  });

  it('another office gets 404 for the list, the stats and a change, an organizer 403, a stranger 401', async () => {
    const o = await office();
    await sendCode(o.institutionId);
    const id = (await inbox(o)).items[0]?.feedbackId ?? '';
    const other = await office();
    const { user: organizer } = await seedUser(deps, { role: 'organizer' });
    const organizerCookie = await sessionCookie(deps, organizer.userId);
    for (const path of [
      `/api/institutions/${o.institutionId}/feedback`,
      `/api/institutions/${o.institutionId}/feedback/stats`,
    ]) {
      expect((await app.request(path, { headers: { cookie: other.cookie } })).status).toBe(404);
      expect((await app.request(path, { headers: { cookie: organizerCookie } })).status).toBe(403);
      expect((await app.request(path)).status).toBe(401);
    }
    // A's feedback id under B's own institution is not found: B's partition does not hold it.
    expect((await move(other, id, 'new', 'closed')).status).toBe(404);
    expect((await inbox(o)).items[0]?.status).toBe('new');
  });

  it('stats: count per category and month, median days to answer, share answered within 14 days', async () => {
    const o = await office();
    await sendCode(o.institutionId);
    await sendCode(o.institutionId, { category: 'praise', text: 'Super' });
    const ids = (await inbox(o)).items.map((i) => i.feedbackId);
    deps.clock.advance(3 * 86_400_000);
    o.cookie = await sessionCookie(deps, o.userId); // three days on, a fresh session
    expect((await move(o, ids[0] ?? '', 'new', 'answered')).status).toBe(200);
    const res = await app.request(`/api/institutions/${o.institutionId}/feedback/stats`, {
      headers: { cookie: o.cookie },
    });
    const stats = (await res.json()) as Record<string, unknown>;
    expect(stats).toMatchObject({ total: 2, answered: 1, medianDaysToAnswer: 3, answeredWithin14Days: 1 });
    expect((stats.byMonth as { count: number }[]).reduce((n, r) => n + r.count, 0)).toBe(2);
  });
});
