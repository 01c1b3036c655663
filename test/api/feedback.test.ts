import { describe, expect, it } from 'vitest';
import { keys } from '../../shared/store/keys';
import { trackingCodeHash } from '../../shared/feedback/tracking-code';
import { apiHarness, errorOf, jsonRequest, seedInstitution } from '../support/accounts';

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
    expect(res.headers.get('set-cookie')).toMatch(/feedback-sender=.*HttpOnly/i);
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
