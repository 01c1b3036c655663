import { describe, expect, it } from 'vitest';
import { evidenceBlobKey } from '../../shared/reviews/evidence';
import { listEvidence } from '../../shared/reviews/sheet-store';
import { apiHarness, errorOf } from '../support/accounts';
import { pdfBytes, sha256Of } from '../support/applications';
import { completeSheet, type ScoringWorld, scoringWorld } from '../support/scoring';

const h = apiHarness({ maxBodyBytes: 64 * 1024 });

type Ticket = {
  evidence: { fileId: string; status: string };
  upload: { url: string; headers: Record<string, string> };
};

async function firstPair(w: ScoringWorld) {
  const expert = w.experts[0]!;
  const [applicationId] = await w.assignments(expert);
  const cookie = w.cookies.get(expert.userId)!;
  const base = `/api/expert/editions/${w.edition.editionId}/reviews/${applicationId}`;
  return { expert, applicationId: applicationId!, cookie, base };
}

const start = (
  w: ScoringWorld,
  cookie: string,
  base: string,
  body: Uint8Array,
  fileName = 'wizyta.pdf',
  channel = 'visit',
) => w.as(cookie, 'POST', `${base}/evidence`, { channel, fileName, size: body.length, sha256: sha256Of(body) });
const put = (ticket: Ticket, body: Uint8Array) =>
  h.app.request(ticket.upload.url, {
    method: 'PUT',
    headers: ticket.upload.headers,
    body: body as unknown as BodyInit,
  });

describe('evidence of mystery-shopper contacts', () => {
  it('a PDF goes through request → single-use PUT → content check; it is listed, downloaded intact, and removed', async () => {
    const w = await scoringWorld(h);
    const { expert, applicationId, cookie, base } = await firstPair(w);
    const body = pdfBytes('Paragon z wizyty');
    expect((await errorOf(await start(w, cookie, base, body))).code).toBe('INVALID_STATE'); // no draft yet
    expect((await w.as(cookie, 'PUT', base, { ...completeSheet(w.edition), version: 0 })).status).toBe(200);

    const started = await start(w, cookie, base, body);
    expect(started.status).toBe(201);
    const ticket = (await started.json()) as Ticket;
    expect((await put(ticket, body)).status).toBe(204);
    expect([403, 409]).toContain((await put(ticket, body)).status);
    const done = await w.as(cookie, 'POST', `${base}/evidence/${ticket.evidence.fileId}/complete`);
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ status: 'ready', kind: 'pdf', channel: 'visit' });

    const view = (await (await w.as(cookie, 'GET', base)).json()) as { evidence: { fileId: string }[] };
    expect(view.evidence.map((e) => e.fileId)).toEqual([ticket.evidence.fileId]);
    const file = await w.as(cookie, 'GET', `${base}/evidence/${ticket.evidence.fileId}`);
    expect(file.status).toBe(200);
    expect(sha256Of(new Uint8Array(await file.arrayBuffer()))).toBe(sha256Of(body));

    // An expert on the same chapter without this pair cannot read it (404, like an unknown id).
    const foreign = await w.as(w.cookies.get(w.idle.userId)!, 'GET', `${base}/evidence/${ticket.evidence.fileId}`);
    expect(foreign.status).toBe(404);

    const removed = await w.as(cookie, 'DELETE', `${base}/evidence/${ticket.evidence.fileId}`);
    expect(removed.status).toBe(204);
    expect(await listEvidence(h.deps.store, applicationId, expert.userId)).toEqual([]);
    expect(
      await h.deps.blobs.documents.get(
        evidenceBlobKey({ applicationId, expertId: expert.userId, fileId: ticket.evidence.fileId }),
      ),
    ).toBeNull();
  });

  it('a file whose content is not a PDF or image is refused at completion, naming the contact, and deleted', async () => {
    const w = await scoringWorld(h);
    const { expert, applicationId, cookie, base } = await firstPair(w);
    expect((await w.as(cookie, 'PUT', base, { ...completeSheet(w.edition), version: 0 })).status).toBe(200);
    const body = new TextEncoder().encode('<script>alert(1)</script> to nie jest PDF');
    const ticket = (await (await start(w, cookie, base, body, 'skan.pdf')).json()) as Ticket;
    expect((await put(ticket, body)).status).toBe(204);
    const refused = await errorOf(await w.as(cookie, 'POST', `${base}/evidence/${ticket.evidence.fileId}/complete`));
    expect(refused.status).toBe(400);
    expect(refused.fields['contacts.visit.evidence']).toContain('PDF');
    expect(await listEvidence(h.deps.store, applicationId, expert.userId)).toEqual([]);
  });

  it('names the problem: a type by name, an empty file, a channel the rubric does not assess', async () => {
    const w = await scoringWorld(h, {});
    const { cookie, base } = await firstPair(w);
    expect((await w.as(cookie, 'PUT', base, { ...completeSheet(w.edition), version: 0 })).status).toBe(200);
    const exe = await errorOf(await start(w, cookie, base, pdfBytes(), 'program.exe'));
    expect(exe.status).toBe(400);
    expect(exe.fields).toHaveProperty(['contacts.visit.evidence']);
    const empty = await errorOf(await start(w, cookie, base, new Uint8Array(), 'pusty.pdf'));
    expect(empty.fields['contacts.visit.evidence']).toContain('pusty');
    const social = await errorOf(await start(w, cookie, base, pdfBytes(), 'fb.pdf', 'socialMedia'));
    expect(social.fields).toHaveProperty(['contacts.socialMedia.evidence']);
  });

  it('after submission no evidence can be added or removed', async () => {
    const w = await scoringWorld(h);
    const { cookie, base } = await firstPair(w);
    expect((await w.as(cookie, 'PUT', base, { ...completeSheet(w.edition), version: 0 })).status).toBe(200);
    const body = pdfBytes('Dowód');
    const ticket = (await (await start(w, cookie, base, body)).json()) as Ticket;
    await put(ticket, body);
    expect((await w.as(cookie, 'POST', `${base}/evidence/${ticket.evidence.fileId}/complete`)).status).toBe(200);
    expect((await w.as(cookie, 'POST', `${base}/submit`, { version: 1 })).status).toBe(200);
    expect((await errorOf(await start(w, cookie, base, body))).status).toBe(409);
    expect((await errorOf(await w.as(cookie, 'DELETE', `${base}/evidence/${ticket.evidence.fileId}`))).status).toBe(
      409,
    );
  });
});
