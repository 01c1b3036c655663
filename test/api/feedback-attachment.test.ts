import { describe, expect, it } from 'vitest';
import { tinyPdf } from '../../infra/local/demo-edition';
import { slotBlobKey } from '../../shared/feedback/attachment';
import { keys } from '../../shared/store/keys';
import { apiHarness, errorOf, jsonRequest, seedInstitution, seedUser, sessionCookie } from '../support/accounts';
import { sha256Of } from '../support/applications';

/** Room for the JSON bodies (the tests' default body limit is 1 KiB). */
const { deps, app } = apiHarness({ maxBodyBytes: 64 * 1024 });
let addressSeq = 0;
/** Each test sends from its own address, so one test's limits never meet another's. */
const newAddress = () => `203.0.113.${(addressSeq++ % 250) + 1}`;

const pdf = tinyPdf('Zdjecie kolejki');
const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);

interface Slot {
  slotId: string;
  upload: { url: string; headers: Record<string, string> };
}

const requestSlot = (institutionId: string, body: object, headers: Record<string, string> = {}) =>
  app.request(
    `/api/public/institutions/${institutionId}/feedback/attachment-slots`,
    jsonRequest('POST', body, { 'x-test-client-address': newAddress(), ...headers }),
  );

/** A slot for these bytes (declared as `contentType`), with the bytes uploaded through its link. */
async function uploaded(institutionId: string, bytes: Uint8Array, contentType = 'application/pdf'): Promise<Slot> {
  const res = await requestSlot(institutionId, { contentType, size: bytes.length, sha256: sha256Of(bytes) });
  expect(res.status).toBe(201);
  const slot = (await res.json()) as Slot;
  const put = await app.request(slot.upload.url, {
    method: 'PUT',
    headers: slot.upload.headers,
    body: bytes as unknown as BodyInit,
  });
  expect(put.status).toBe(204);
  return slot;
}

const send = (institutionId: string, body: object) =>
  app.request(
    `/api/public/institutions/${institutionId}/feedback`,
    jsonRequest('POST', body, { 'x-test-client-address': newAddress() }),
  );
const complaint = { category: 'complaint', text: 'W załączniku zdjęcie kolejki przed okienkiem.' };

async function office() {
  const { institutionId, member } = await seedInstitution(deps);
  return { institutionId, cookie: await sessionCookie(deps, member.userId) };
}

async function sentWithAttachment(institutionId: string) {
  const slot = await uploaded(institutionId, pdf);
  const res = await send(institutionId, { ...complaint, attachmentSlot: slot.slotId });
  expect(res.status).toBe(201);
  const { trackingCode } = (await res.json()) as { trackingCode: string };
  return { slot, trackingCode };
}

describe('feedback attachment: upload slot, sending, download', () => {
  it('round trip: the office sees type and size and downloads it; the code shows only that there is one', async () => {
    const o = await office();
    const { slot, trackingCode } = await sentWithAttachment(o.institutionId);

    const tracked = await app.request(`/api/public/feedback/${trackingCode}`, {
      headers: { 'x-test-client-address': newAddress() },
    });
    expect(await tracked.json()).toMatchObject({ hasAttachment: true });

    const inbox = await app.request(`/api/institutions/${o.institutionId}/feedback`, { headers: { cookie: o.cookie } });
    const { items } = (await inbox.json()) as { items: { feedbackId: string; attachment?: unknown }[] };
    expect(items).toHaveLength(1);
    expect(items[0]?.attachment).toEqual({ kind: 'pdf', contentType: 'application/pdf', size: pdf.length });
    const feedbackId = items[0]?.feedbackId ?? '';

    const file = await app.request(`/api/institutions/${o.institutionId}/feedback/${feedbackId}/attachment`, {
      headers: { cookie: o.cookie },
    });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="opinia-${feedbackId}.pdf"; filename*=UTF-8''opinia-${feedbackId}.pdf`,
    );
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(pdf);

    // The slot is used up, its upload removed; nothing about the sender or a file name is stored.
    expect(await deps.store.get(keys.feedbackSlot(slot.slotId), { consistent: true })).toBeNull();
    expect(await deps.blobs.documents.get(slotBlobKey(slot.slotId))).toBeNull();
    const stored = JSON.stringify(await deps.store.get(keys.feedback(o.institutionId, feedbackId)));
    expect(stored).not.toMatch(/203\.0\.113|vitest|\.pdf"/);
  });

  it('refuses a declared wrong type, an empty and an oversized file naming the attachment field, in Polish and English', async () => {
    const { institutionId } = await seedInstitution(deps);
    const sha256 = sha256Of(pdf);
    const word = await errorOf(
      await requestSlot(institutionId, { contentType: 'application/msword', size: 10, sha256 }),
    );
    expect(word).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(word.fields).toEqual({ attachment: 'Załącznik może być plikiem PDF, JPEG lub PNG.' });
    const empty = await errorOf(await requestSlot(institutionId, { contentType: 'image/png', size: 0, sha256 }));
    expect(empty.fields).toEqual({ attachment: 'Plik jest pusty.' });
    const big = await requestSlot(
      institutionId,
      { contentType: 'image/jpeg', size: 6 * 1024 * 1024, sha256 },
      { 'accept-language': 'en' },
    );
    expect((await errorOf(big)).fields).toEqual({ attachment: 'The file is 6 MB; the limit is 5 MB.' });
    const bad = await errorOf(await requestSlot(institutionId, { contentType: 'image/png', size: 1, sha256: 'x' }));
    expect(Object.keys(bad.fields)).toEqual(['sha256']);
  });

  it('sniffs the bytes: an .exe declared as a PDF is refused, deleted, and no feedback is stored', async () => {
    const { institutionId } = await seedInstitution(deps);
    const slot = await uploaded(institutionId, exe, 'application/pdf');
    const refused = await errorOf(await send(institutionId, { ...complaint, attachmentSlot: slot.slotId }));
    expect(refused).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(refused.fields.attachment).toContain('nie jest plikiem PDF, JPEG ani PNG');
    expect(await deps.blobs.documents.get(slotBlobKey(slot.slotId))).toBeNull();
    expect(await deps.store.queryAll({ partitionKey: keys.institutionFeedback(institutionId) })).toHaveLength(0);
  });

  it('a slot serves one feedback of its own office: reuse, another office, an unknown slot and a second upload are refused', async () => {
    const { institutionId } = await seedInstitution(deps);
    const other = await seedInstitution(deps);
    const { slot } = await sentWithAttachment(institutionId);
    const again = await errorOf(await send(institutionId, { ...complaint, attachmentSlot: slot.slotId }));
    expect(again).toMatchObject({ status: 400 });
    expect(again.fields.attachment).toContain('wygasł albo został już użyty');
    const put = await app.request(slot.upload.url, {
      method: 'PUT',
      headers: slot.upload.headers,
      body: pdf as unknown as BodyInit,
    });
    expect(put.status).toBe(403);

    const foreign = await uploaded(institutionId, pdf);
    const elsewhere = await errorOf(await send(other.institutionId, { ...complaint, attachmentSlot: foreign.slotId }));
    expect(Object.keys(elsewhere.fields)).toEqual(['attachment']);
    const unknown = await errorOf(await send(institutionId, { ...complaint, attachmentSlot: 'f'.repeat(32) }));
    expect(Object.keys(unknown.fields)).toEqual(['attachment']);
    expect(await deps.store.queryAll({ partitionKey: keys.institutionFeedback(other.institutionId) })).toHaveLength(0);
    // Two parallel sendings with one slot: exactly one feedback.
    const racing = await uploaded(institutionId, pdf);
    const statuses = await Promise.all(
      [0, 1, 2].map(async () => (await send(institutionId, { ...complaint, attachmentSlot: racing.slotId })).status),
    );
    expect(statuses.sort()).toEqual([201, 400, 400]);
  });

  it('a slot whose bytes never arrived is refused naming the field', async () => {
    const { institutionId } = await seedInstitution(deps);
    const res = await requestSlot(institutionId, {
      contentType: 'application/pdf',
      size: pdf.length,
      sha256: sha256Of(pdf),
    });
    const { slotId } = (await res.json()) as Slot;
    const missing = await errorOf(await send(institutionId, { ...complaint, attachmentSlot: slotId }));
    expect(missing.fields).toEqual({ attachment: 'Plik nie dotarł na serwer — dodaj go ponownie.' });
  });

  it('cuts a parallel burst of slot requests from one browser at its limit (reserved first)', async () => {
    const { institutionId } = await seedInstitution(deps);
    const body = { contentType: 'image/png', size: 10, sha256: sha256Of(pdf) };
    const first = await requestSlot(institutionId, body);
    expect(first.status).toBe(201);
    // The slot request renews the same sender cookie as sending does (one helper in routes/feedback.ts).
    expect(first.headers.get('set-cookie')).toMatch(
      /^__Secure-feedback-sender=[^;]+;.*; Path=\/api\/public\/institutions;.*HttpOnly.*SameSite=Strict/,
    );
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const statuses = await Promise.all(
      Array.from({ length: 20 }, async () => (await requestSlot(institutionId, body, { cookie })).status),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(9);
    expect(statuses.filter((s) => s === 429)).toHaveLength(11);
  });

  it('only the office’s own staff download: another office and an organizer are refused, a stranger 401', async () => {
    const o = await office();
    await sentWithAttachment(o.institutionId);
    const [item] = (await deps.store.queryAll({ partitionKey: keys.institutionFeedback(o.institutionId) })) as {
      feedbackId: string;
    }[];
    const path = `/api/institutions/${o.institutionId}/feedback/${item?.feedbackId}/attachment`;
    const b = await office();
    const { user: organizer } = await seedUser(deps, { role: 'organizer' });
    const get = async (cookie?: string) => (await app.request(path, cookie ? { headers: { cookie } } : {})).status;
    expect(await get(b.cookie)).toBe(404);
    expect(await get(await sessionCookie(deps, organizer.userId))).toBe(403);
    expect(await get()).toBe(401);
    expect(await get(o.cookie)).toBe(200);
    // A feedback without an attachment has nothing to download.
    const other = await office();
    expect((await send(other.institutionId, complaint)).status).toBe(201);
    const [plain] = (await deps.store.queryAll({ partitionKey: keys.institutionFeedback(other.institutionId) })) as {
      feedbackId: string;
    }[];
    const none = await app.request(
      `/api/institutions/${other.institutionId}/feedback/${plain?.feedbackId}/attachment`,
      {
        headers: { cookie: other.cookie },
      },
    );
    expect(none.status).toBe(404);
  });
});
