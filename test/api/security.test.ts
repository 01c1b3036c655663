import { describe, expect, it } from 'vitest';
import { attachmentBlobKey } from '../../shared/applications/attachments';
import { seedUser } from '../support/accounts';
import {
  apiHarness,
  errorOf,
  jsonRequest,
  registrationBody,
  seedInstitution,
  sessionCookie,
} from '../support/accounts';
import { attach, pdfBytes, seedApplication, seedEdition, sha256Of } from '../support/applications';
import { seedChapterExpert, seedSubmitted } from '../support/assignment';

/**
 * Issue 11, in process against DynamoDB Local: single-use upload links (item 4), control and bidi
 * characters (item 8), the chapter seeing only submitted applications (item 10). The same probes run
 * against a real `npm start` in the security project.
 */
const { deps, app } = apiHarness({ maxBodyBytes: 1024 * 1024 });
const as = (cookie: string, method: string, path: string, body?: unknown) =>
  app.request(path, {
    ...(body === undefined ? { method } : jsonRequest(method, body)),
    headers: {
      cookie,
      ...(body === undefined ? { origin: 'https://konkurs.example.org' } : { 'content-type': 'application/json' }),
    },
  });
const put = (url: string, headers: Record<string, string>, body: Uint8Array) =>
  app.request(url, { method: 'PUT', headers, body: body as unknown as BodyInit });
const exeLike = (size: number) => {
  const bytes = new Uint8Array(size);
  bytes.set([0x4d, 0x5a]); // "MZ": a Windows executable
  return bytes;
};

async function clerk() {
  const { member } = await seedInstitution(deps);
  return { member, cookie: await sessionCookie(deps, member.userId) };
}

async function startUpload(cookie: string, applicationId: string, body: Uint8Array, questionId = 'documents_other') {
  const res = await as(cookie, 'POST', `/api/applications/${applicationId}/attachments`, {
    questionId,
    fileName: 'plik.pdf',
    size: body.length,
    sha256: sha256Of(body),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as {
    attachment: { attachmentId: string };
    upload: { url: string; headers: Record<string, string> };
  };
}

describe('upload links are single use and bound to their bytes (item 4)', () => {
  it('a replayed link after complete is refused, and other bytes are refused by their checksum', async () => {
    const edition = await seedEdition(deps);
    const { member, cookie } = await clerk();
    const { applicationId } = await seedApplication(deps, member, edition.editionId);
    const body = pdfBytes();
    const { attachment, upload } = await startUpload(cookie, applicationId, body);
    expect((await put(upload.url, upload.headers, body)).status).toBe(204);
    // The same link again, before complete: already used.
    expect((await errorOf(await put(upload.url, upload.headers, body))).code).toBe('INVALID_STATE');
    const done = await as(
      cookie,
      'POST',
      `/api/applications/${applicationId}/attachments/${attachment.attachmentId}/complete`,
    );
    expect(done.status).toBe(200);
    // After complete: the same bytes are refused (used), other bytes of the same size by the checksum.
    expect((await put(upload.url, upload.headers, body)).status).toBe(409);
    const swapped = await errorOf(await put(upload.url, upload.headers, exeLike(body.length)));
    expect(swapped.status).toBe(400);
    expect(swapped.fields.body).toContain('SHA-256');
    const download = await as(
      cookie,
      'GET',
      `/api/applications/${applicationId}/attachments/${attachment.attachmentId}`,
    );
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(body);
  });

  it('a link requested while the application was a draft is dead once it is submitted: neither PUT nor complete changes it', async () => {
    const edition = await seedEdition(deps);
    const { member, cookie } = await clerk();
    const header = await seedApplication(deps, member, edition.editionId, { complete: true });
    const body = pdfBytes();
    const { attachment, upload } = await startUpload(cookie, header.applicationId, body);
    const submitted = await as(cookie, 'POST', `/api/applications/${header.applicationId}/submit`, {
      version: header.version,
    });
    expect(submitted.status).toBe(200);
    expect((await put(upload.url, upload.headers, body)).status).toBe(409);
    expect(await deps.blobs.documents.get(attachmentBlobKey(header.applicationId, attachment.attachmentId))).toBeNull();
    // Even if the bytes had arrived (the cloud path: S3 received them), complete does not add them.
    await deps.blobs.documents.put(
      attachmentBlobKey(header.applicationId, attachment.attachmentId),
      body,
      'application/pdf',
    );
    const complete = await as(
      cookie,
      'POST',
      `/api/applications/${header.applicationId}/attachments/${attachment.attachmentId}/complete`,
    );
    expect(complete.status).toBe(409);
    const view = (await (await as(cookie, 'GET', `/api/applications/${header.applicationId}`)).json()) as {
      attachments: { attachmentId: string; status: string }[];
    };
    expect(view.attachments.find((a) => a.attachmentId === attachment.attachmentId)?.status).not.toBe('ready');
  });

  it('a file changed in storage after its check is never served', async () => {
    const edition = await seedEdition(deps);
    const { member, cookie } = await clerk();
    const { applicationId } = await seedApplication(deps, member, edition.editionId);
    const ready = await attach(deps, member, applicationId);
    await deps.blobs.documents.put(
      attachmentBlobKey(applicationId, ready.attachmentId),
      exeLike(400),
      'application/pdf',
    );
    const res = await as(cookie, 'GET', `/api/applications/${applicationId}/attachments/${ready.attachmentId}`);
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe('INTEGRITY_FAILED');
  });

  it('the upload request must name the bytes’ SHA-256', async () => {
    const edition = await seedEdition(deps);
    const { member, cookie } = await clerk();
    const { applicationId } = await seedApplication(deps, member, edition.editionId);
    const res = await as(cookie, 'POST', `/api/applications/${applicationId}/attachments`, {
      questionId: 'documents_other',
      fileName: 'a.pdf',
      size: 10,
    });
    expect((await errorOf(res)).fields).toHaveProperty('sha256');
  });
});

describe('control and text-direction characters (item 8)', () => {
  it('a bidi override in an institution name is refused at registration, naming the field', async () => {
    const body = registrationBody({ institution: { name: 'Urząd Gminy B\u202Elive' } });
    const error = await errorOf(
      await app.request(
        '/api/institutions',
        jsonRequest('POST', body, { 'x-test-client-address': `192.0.2.${Math.random()}` }),
      ),
    );
    expect(error.status).toBe(400);
    expect(Object.keys(error.fields)).toEqual(['institution.name']);
    expect(error.fields['institution.name']).toContain('U+202E');
  });

  it.each([
    ['NUL', '\u0000'],
    ['BEL', '\u0007'],
    ['DEL', '\u007F'],
    ['a C1 control', '\u0085'],
    ['an isolate', '\u2066'],
    ['a lone surrogate', '\uD800'],
  ])('%s in a questionnaire answer is refused naming the answer', async (_what, char) => {
    const edition = await seedEdition(deps);
    const { member, cookie } = await clerk();
    const { applicationId } = await seedApplication(deps, member, edition.editionId);
    const res = await as(cookie, 'PUT', `/api/applications/${applicationId}/sections/standards`, {
      answers: { standards_description: `Standardy obsługi${char} klienta` },
      version: 0,
    });
    const error = await errorOf(res);
    expect(error.status).toBe(400);
    expect(Object.keys(error.fields)).toEqual(['answers.standards_description']);
  });

  it('line breaks are refused in a one-line field and kept in a multi-line one', async () => {
    const { member, cookie } = await clerk();
    const me = (await (await as(cookie, 'GET', '/api/me')).json()) as { user: { version: number } };
    const name = await errorOf(
      await as(cookie, 'PUT', '/api/me', { displayName: 'Jan\nKowalski', language: 'pl', version: me.user.version }),
    );
    expect(name.fields.displayName).toContain('jeden wiersz');
    const edition = await seedEdition(deps);
    const { applicationId } = await seedApplication(deps, member, edition.editionId);
    const saved = await as(cookie, 'PUT', `/api/applications/${applicationId}/sections/standards`, {
      answers: { standards_description: 'Pierwszy akapit.\n\nDrugi akapit,\tz tabulatorem.' },
      version: 0,
    });
    expect(saved.status).toBe(200);
  });
});

describe('the chapter sees submitted applications only (item 10)', () => {
  it('an expert cannot declare a conflict with a draft (404, as for an unknown id), but can with a submitted one', async () => {
    const edition = await seedEdition(deps);
    const { user: organizer } = await seedUser(deps, { role: 'organizer' });
    const expert = await seedChapterExpert(deps, edition.editionId, organizer);
    const cookie = await sessionCookie(deps, expert.userId);
    const { member } = await clerk();
    const draft = await seedApplication(deps, member, edition.editionId);
    const declare = (applicationId: string) =>
      as(cookie, 'POST', `/api/expert/editions/${edition.editionId}/conflicts`, {
        applicationId,
        reason: 'Znam kierownictwo',
      });
    const onDraft = await declare(draft.applicationId);
    const onUnknown = await declare(deps.ids.newId());
    expect([onDraft.status, onUnknown.status]).toEqual([404, 404]);
    expect((await errorOf(onDraft)).message).toBe((await errorOf(onUnknown)).message);
    const submitted = await seedSubmitted(deps, edition.editionId);
    expect((await declare(submitted.applicationId)).status).toBe(201);
  });
});
