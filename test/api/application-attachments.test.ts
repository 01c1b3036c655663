import { describe, expect, it } from 'vitest';
import { attachmentBlobKey } from '../../shared/applications/attachments';
import { keys } from '../../shared/store/keys';
import { apiHarness, errorOf } from '../support/accounts';
import { applicationRequests, attach, pdfBytes, seedApplication, seedEdition, sha256Of } from '../support/applications';

const ANY_SHA = 'a'.repeat(64);

/** Attachments: type, size and content checked (the name proves nothing); the upload link is its own authority. */

// Answers and files need more than the harness's default 1 KiB body limit.
const harness = apiHarness({ maxBodyBytes: 1024 * 1024 });
const { deps, app } = harness;
const { call, member } = applicationRequests(harness);

describe('attachments', () => {
  it('a file too big, a forbidden extension, and a .exe renamed to .pdf are refused naming the question; the renamed one leaves nothing behind', async () => {
    const edition = await seedEdition(deps);
    const m = await member();
    const { applicationId } = await seedApplication(deps, m.user, edition.editionId);
    const request = (body: unknown) => call(m.cookie, 'POST', `/api/applications/${applicationId}/attachments`, body);
    const big = await errorOf(
      await request({
        questionId: 'documents_standards',
        fileName: 'duzy.pdf',
        size: 6 * 1024 * 1024,
        sha256: ANY_SHA,
      }),
    );
    expect(big).toMatchObject({
      status: 400,
      fields: { 'answers.documents_standards': 'Plik ma 6 MB, a limit to 5 MB.' },
    });
    const exe = await errorOf(
      await request({ questionId: 'documents_standards', fileName: 'setup.exe', size: 100, sha256: ANY_SHA }),
    );
    expect(exe.fields['answers.documents_standards']).toBe('Dozwolone rodzaje plików: PDF.');

    const renamed = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);
    const started = await request({
      questionId: 'documents_standards',
      fileName: 'standardy.pdf',
      size: renamed.length,
      sha256: sha256Of(renamed),
    });
    expect(started.status).toBe(201);
    const { attachment, upload } = (await started.json()) as {
      attachment: { attachmentId: string };
      upload: { url: string; headers: Record<string, string> };
    };
    const put = await app.request(upload.url, {
      method: 'PUT',
      headers: upload.headers,
      body: renamed as unknown as BodyInit,
    });
    expect(put.status).toBe(204);
    const done = await errorOf(
      await call(
        m.cookie,
        'POST',
        `/api/applications/${applicationId}/attachments/${attachment.attachmentId}/complete`,
      ),
    );
    expect(done.status).toBe(400);
    expect(done.fields['answers.documents_standards']).toContain('nie jest żadnym z dozwolonych rodzajów (PDF)');
    expect(
      await deps.store.get(keys.attachment(applicationId, attachment.attachmentId), { consistent: true }),
    ).toBeNull();
    expect(await deps.blobs.documents.get(attachmentBlobKey(applicationId, attachment.attachmentId))).toBeNull();

    // A real PDF through the same route is accepted and downloadable by its owner.
    const ready = await attach(deps, m.user, applicationId);
    expect(ready).toMatchObject({ status: 'ready', kind: 'pdf' });
    const download = await call(
      m.cookie,
      'GET',
      `/api/applications/${applicationId}/attachments/${ready.attachmentId}`,
    );
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="standardy.pdf"/);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdfBytes());
  });

  it('the upload link carries its own authority: another size, a changed token, an expired one are refused', async () => {
    const edition = await seedEdition(deps);
    const m = await member();
    const { applicationId } = await seedApplication(deps, m.user, edition.editionId);
    const body = pdfBytes();
    const res = await call(m.cookie, 'POST', `/api/applications/${applicationId}/attachments`, {
      questionId: 'documents_standards',
      fileName: 'a.pdf',
      size: body.length,
      sha256: sha256Of(body),
    });
    const { upload } = (await res.json()) as { upload: { url: string; headers: Record<string, string> } };
    const path = upload.url;
    expect(
      (
        await app.request(path, {
          method: 'PUT',
          headers: upload.headers,
          body: new Uint8Array([...body, 0]) as unknown as BodyInit,
        })
      ).status,
    ).toBe(400);
    const [payload, signature] = path.split('/').pop()!.split('.');
    const forged = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    forged.key = `applications/${deps.ids.newId()}/x`;
    const forgedPath = `/api/uploads/${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`;
    expect(
      (await app.request(forgedPath, { method: 'PUT', headers: upload.headers, body: body as unknown as BodyInit }))
        .status,
    ).toBe(403);
    deps.clock.advance(16 * 60 * 1000);
    try {
      expect(
        (await app.request(path, { method: 'PUT', headers: upload.headers, body: body as unknown as BodyInit })).status,
      ).toBe(403);
    } finally {
      deps.clock.set('2026-03-01T10:00:00.000Z');
    }
  });
});
