import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keys } from '../../shared/store/keys';
import { attachmentBlobKey } from '../../shared/applications/attachments';
import { apiHarness, errorOf, jsonRequest, seedInstitution, sessionCookie } from '../support/accounts';
import { attach, completeAnswers, pdfBytes, seedApplication, seedEdition, sha256Of } from '../support/applications';

const ANY_SHA = 'a'.repeat(64);

// Long answers need more than the harness's default 1 KiB body limit.
const { deps, app } = apiHarness({ maxBodyBytes: 1024 * 1024 });
const withCookie = (cookie: string, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { ...(init.headers as Record<string, string>), cookie },
});
// A browser sends Origin with every DELETE; the CSRF guard refuses one without it.
const call = (cookie: string, method: string, path: string, body?: unknown) =>
  app.request(
    path,
    withCookie(
      cookie,
      method === 'GET'
        ? { method }
        : method === 'DELETE'
          ? { method, headers: { origin: 'https://konkurs.example.org' } }
          : jsonRequest(method, body),
    ),
  );

async function member() {
  const { institutionId, member: user } = await seedInstitution(deps);
  return { institutionId, user, cookie: await sessionCookie(deps, user.userId) };
}

async function filledApplication(editionId: string) {
  const m = await member();
  const header = await seedApplication(deps, m.user, editionId, { complete: true });
  return { ...m, applicationId: header.applicationId, version: header.version };
}

describe('applications: start, autosave, submit', () => {
  it('a second application of the same institution to the same edition is refused by the database, even when two requests race', async () => {
    const edition = await seedEdition(deps);
    const m = await member();
    const [a, b] = await Promise.all([
      call(m.cookie, 'POST', `/api/editions/${edition.editionId}/applications`),
      call(m.cookie, 'POST', `/api/editions/${edition.editionId}/applications`),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const loser = a.status === 409 ? a : b;
    expect(await errorOf(loser)).toMatchObject({
      code: 'ALREADY_EXISTS',
      fields: { editionId: expect.stringContaining('już zgłoszenie') },
    });
    const again = await call(m.cookie, 'POST', `/api/editions/${edition.editionId}/applications`);
    expect(again.status).toBe(409);
    const listed = await deps.store.query({
      index: 'gsi1',
      partitionKey: keys.institutionApplications(m.institutionId),
      limit: 10,
    });
    expect(listed.items).toHaveLength(1);
  });

  it('two concurrent saves of the same section: one 200, one 409 STALE_VERSION, and the stored answers are exactly the winner’s', async () => {
    const edition = await seedEdition(deps);
    const m = await member();
    const { applicationId } = await seedApplication(deps, m.user, edition.editionId);
    const path = `/api/applications/${applicationId}/sections/standards`;
    const mine = { standards_description: 'Wersja z pierwszej karty', standards_written: true };
    const theirs = { standards_description: 'Wersja z drugiej karty', standards_written: false };
    const [a, b] = await Promise.all([
      call(m.cookie, 'PUT', path, { answers: mine, version: 0 }),
      call(m.cookie, 'PUT', path, { answers: theirs, version: 0 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? mine : theirs;
    const loser = a.status === 409 ? a : b;
    expect(await errorOf(loser)).toMatchObject({
      code: 'STALE_VERSION',
      fields: { version: expect.stringContaining('zachowane w przeglądarce') },
    });
    const stored = await deps.store.get(keys.section(applicationId, 'standards'), { consistent: true });
    expect(stored).toMatchObject({ answers: winner, version: 1 });
    // The loser re-saves on the current version and nothing is lost.
    const retry = await call(m.cookie, 'PUT', path, { answers: a.status === 409 ? mine : theirs, version: 1 });
    expect(retry.status).toBe(200);
    expect(await deps.store.get(keys.section(applicationId, 'standards'), { consistent: true })).toMatchObject({
      version: 2,
    });
  });

  it('a double-clicked submit creates one submission: both answers agree, one e-mail, one audit entry', async () => {
    const edition = await seedEdition(deps);
    const { applicationId, version, cookie, user } = await filledApplication(edition.editionId);
    const [a, b] = await Promise.all([
      call(cookie, 'POST', `/api/applications/${applicationId}/submit`, { version }),
      call(cookie, 'POST', `/api/applications/${applicationId}/submit`, { version }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const [ja, jb] = (await Promise.all([a.json(), b.json()])) as {
      status: string;
      version: number;
      submittedAt: string;
    }[];
    expect(ja).toMatchObject({ status: 'submitted', version: version + 1 });
    expect(jb).toMatchObject({ status: 'submitted', version: version + 1, submittedAt: ja!.submittedAt });
    const mails = (await deps.mail.list()).filter(
      (mail) => mail.to === user.email && mail.subject.startsWith('Potwierdzenie złożenia'),
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('Spisane standardy');
    expect(mails[0]!.html).toContain('standardy.pdf');
    const audit = await deps.store.query({
      index: 'gsi1',
      partitionKey: keys.auditSubject('application', applicationId),
      limit: 20,
    });
    expect(audit.items.filter((i) => i.action === 'application.submitted')).toHaveLength(1);
    // Read-only after submission.
    const edit = await call(cookie, 'PUT', `/api/applications/${applicationId}/sections/staff`, {
      answers: { staff_trainings: 1 },
      version: 1,
    });
    expect(await errorOf(edit)).toMatchObject({ status: 409, code: 'INVALID_STATE' });
  });

  it('submit names every missing required answer and the missing attachment, and changes nothing', async () => {
    const edition = await seedEdition(deps);
    const m = await member();
    const { applicationId, version } = await seedApplication(deps, m.user, edition.editionId);
    await call(m.cookie, 'PUT', `/api/applications/${applicationId}/sections/standards`, {
      answers: completeAnswers.standards,
      version: 0,
    });
    const res = await call(m.cookie, 'POST', `/api/applications/${applicationId}/submit`, { version });
    const error = await errorOf(res);
    expect(error.status).toBe(400);
    expect(Object.keys(error.fields).sort()).toEqual([
      'answers.documents_standards',
      'answers.quality_system',
      'answers.staff_contact',
      'answers.staff_trainings',
    ]);
    expect(await deps.store.get(keys.application(applicationId), { consistent: true })).toMatchObject({
      status: 'draft',
      version,
    });
  });
});

describe('deadline by the server clock', () => {
  it('a submit one second after applications close is refused with a clear message; with an extension it is accepted', async () => {
    const edition = await seedEdition(deps);
    const { applicationId, version, user, institutionId } = await filledApplication(edition.editionId);
    const close = Date.parse(edition.timeline.applicationsClose);
    deps.clock.set(new Date(close + 1000));
    try {
      const cookie = await sessionCookie(deps, user.userId); // sessions idle out over a month
      const refused = await call(cookie, 'POST', `/api/applications/${applicationId}/submit`, { version });
      const error = await errorOf(refused);
      expect(error).toMatchObject({ status: 409, code: 'DEADLINE_PASSED' });
      expect(error.message).toMatch(/^Termin minął .*czasu polskiego/);
      // Exactly at the deadline is already too late.
      deps.clock.set(new Date(close));
      expect((await call(cookie, 'POST', `/api/applications/${applicationId}/submit`, { version })).status).toBe(409);

      deps.clock.set(new Date(close + 1000));
      const organizer = await sessionCookie(
        deps,
        (await import('../support/accounts').then((s) => s.seedUser(deps, { role: 'organizer' }))).user.userId,
      );
      const granted = await call(organizer, 'POST', `/api/editions/${edition.editionId}/extensions`, {
        institutionId,
        until: new Date(close + 24 * 3600 * 1000).toISOString(),
        reason: 'Awaria systemu EZD w urzędzie',
      });
      expect(granted.status).toBe(201);
      const accepted = await call(cookie, 'POST', `/api/applications/${applicationId}/submit`, { version });
      expect(accepted.status).toBe(200);
      const audit = await deps.store.query({
        index: 'gsi1',
        partitionKey: keys.auditSubject('institution', institutionId),
        limit: 20,
      });
      expect(audit.items.map((i) => i.action)).toContain('extension.granted');
    } finally {
      deps.clock.set('2026-03-01T10:00:00.000Z');
    }
  });
});

describe('invalid answers are 4xx naming the question', () => {
  it('too long, wrong type, unknown option, unknown question', async () => {
    const edition = await seedEdition(deps);
    const m = await member();
    const { applicationId } = await seedApplication(deps, m.user, edition.editionId);
    const save = (sectionId: string, answers: Record<string, unknown>) =>
      call(m.cookie, 'PUT', `/api/applications/${applicationId}/sections/${sectionId}`, { answers, version: 0 });
    expect((await errorOf(await save('standards', { standards_description: 'x'.repeat(3001) }))).fields).toEqual({
      'answers.standards_description': 'Odpowiedź ma 3001 znaków, a limit to 3000.',
    });
    expect((await errorOf(await save('staff', { staff_trainings: 'cztery' }))).fields).toEqual({
      'answers.staff_trainings': 'Oczekiwano: liczbę.',
    });
    expect((await errorOf(await save('staff', { staff_trainings: 2.5 }))).fields).toHaveProperty([
      'answers.staff_trainings',
    ]);
    expect((await errorOf(await save('quality', { quality_system: 'six-sigma' }))).fields).toHaveProperty([
      'answers.quality_system',
    ]);
    expect((await errorOf(await save('quality', { quality_survey_year: '2025-02-30' }))).fields).toHaveProperty([
      'answers.quality_survey_year',
    ]);
    expect((await errorOf(await save('quality', { staff_trainings: 3 }))).fields).toHaveProperty([
      'answers.staff_trainings',
    ]);
    expect((await errorOf(await save('documents', { documents_standards: 'plik.pdf' }))).fields).toHaveProperty([
      'answers.documents_standards',
    ]);
    const english = await app.request(
      `/api/applications/${applicationId}/sections/staff`,
      withCookie(
        m.cookie,
        jsonRequest('PUT', { answers: { staff_trainings: -1 }, version: 0 }, { 'accept-language': 'en' }),
      ),
    );
    expect((await errorOf(english)).fields).toEqual({ 'answers.staff_trainings': 'The smallest allowed value is 0.' });
    expect(await deps.store.get(keys.section(applicationId, 'staff'), { consistent: true })).toBeNull();
  });

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

  it('fuzzing the answer and attachment endpoints never produces a 5xx', async () => {
    const edition = await seedEdition(deps);
    const m = await member();
    const { applicationId } = await seedApplication(deps, m.user, edition.editionId);
    const sections = ['standards', 'quality', 'staff', 'documents', 'nope'];
    const questionIds = [
      'standards_written',
      'standards_description',
      'standards_channels',
      'quality_system',
      'quality_survey_year',
      'quality_satisfied',
      'staff_trainings',
      'staff_contact',
      'documents_standards',
      'x',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...sections),
        fc.dictionary(fc.constantFrom(...questionIds), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
        fc.oneof(fc.constant(0), fc.integer({ min: -5, max: 5 }), fc.anything()),
        async (sectionId, answers, version) => {
          const res = await call(m.cookie, 'PUT', `/api/applications/${applicationId}/sections/${sectionId}`, {
            answers,
            version,
          });
          expect(res.status, await res.clone().text()).toBeLessThan(500);
        },
      ),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (body) => {
        const res = await call(m.cookie, 'POST', `/api/applications/${applicationId}/attachments`, body);
        expect(res.status, await res.clone().text()).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
  });
});

describe('formal check, correction and withdrawal', () => {
  it('returned for correction: the institution is mailed, edits and resubmits before the new deadline; after it, no more', async () => {
    const edition = await seedEdition(deps);
    const m = await member();
    const submitted = await seedApplication(deps, m.user, edition.editionId, { submit: true });
    const { user: organizerUser } = await (await import('../support/accounts')).seedUser(deps, { role: 'organizer' });
    const organizer = await sessionCookie(deps, organizerUser.userId);
    const deadline = new Date(deps.clock.now().getTime() + 7 * 24 * 3600 * 1000).toISOString();
    const returned = await call(organizer, 'POST', `/api/applications/${submitted.applicationId}/formal-check`, {
      decision: 'return',
      message: 'Brak podpisu kierownika na dokumencie.',
      correctionDeadline: deadline,
      version: submitted.version,
    });
    expect(returned.status).toBe(200);
    const header = (await returned.json()) as { status: string; version: number };
    expect(header.status).toBe('returned');
    // Only the decision's own record is stored: no empty rejection beside the correction.
    const stored = await deps.store.get(keys.application(submitted.applicationId), { consistent: true });
    expect(stored).toMatchObject({ correction: { message: 'Brak podpisu kierownika na dokumencie.', deadline } });
    expect(stored).not.toHaveProperty('rejection');
    const mail = (await deps.mail.list()).find(
      (x) => x.to === m.user.email && x.subject.startsWith('Zgłoszenie zwrócone do poprawy'),
    );
    expect(mail?.text).toContain('Brak podpisu kierownika');

    const fix = await call(m.cookie, 'PUT', `/api/applications/${submitted.applicationId}/sections/staff`, {
      answers: { ...completeAnswers.staff, staff_trainings: 5 },
      version: 1,
    });
    expect(fix.status).toBe(200);
    const again = await call(m.cookie, 'POST', `/api/applications/${submitted.applicationId}/submit`, {
      version: header.version,
    });
    expect(again.status).toBe(200);
    // Formal check of the resubmission: accept; it is final.
    const accepted = await call(organizer, 'POST', `/api/applications/${submitted.applicationId}/formal-check`, {
      decision: 'accept',
      version: header.version + 1,
    });
    expect((await accepted.json()) as { status: string }).toMatchObject({ status: 'accepted' });
    expect(
      (
        await errorOf(
          await call(organizer, 'POST', `/api/applications/${submitted.applicationId}/formal-check`, {
            decision: 'reject',
            reason: 'x',
            version: header.version + 2,
          }),
        )
      ).code,
    ).toBe('INVALID_STATE');
  });

  it('withdrawal before the deadline makes it editable; the organizer’s counts follow each status change', async () => {
    const edition = await seedEdition(deps);
    const m = await member();
    const submitted = await seedApplication(deps, m.user, edition.editionId, { submit: true });
    const { user: organizerUser } = await (await import('../support/accounts')).seedUser(deps, { role: 'organizer' });
    const organizer = await sessionCookie(deps, organizerUser.userId);
    const counts = async () =>
      (await (await call(organizer, 'GET', `/api/editions/${edition.editionId}/application-counts`)).json()) as Record<
        string,
        number
      >;
    expect(await counts()).toMatchObject({ submitted: 1, withdrawn: 0, draft: 0 });
    const withdrawn = await call(m.cookie, 'POST', `/api/applications/${submitted.applicationId}/withdraw`, {
      version: submitted.version,
    });
    expect((await withdrawn.json()) as { status: string }).toMatchObject({ status: 'withdrawn' });
    expect(await counts()).toMatchObject({ submitted: 0, withdrawn: 1 });
    expect(
      (
        await call(m.cookie, 'PUT', `/api/applications/${submitted.applicationId}/sections/staff`, {
          answers: completeAnswers.staff,
          version: 1,
        })
      ).status,
    ).toBe(200);
  });
});

describe('isolation between institutions', () => {
  it('another institution cannot read or change an application or its attachment, even with the right ids', async () => {
    const edition = await seedEdition(deps);
    const a = await filledApplication(edition.editionId);
    const b = await member();
    const bApp = await seedApplication(deps, b.user, edition.editionId);
    const attachment = await attach(deps, a.user, a.applicationId, 'documents_other');
    const notFound = async (res: Response) =>
      expect(await errorOf(res)).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    await notFound(await call(b.cookie, 'GET', `/api/applications/${a.applicationId}`));
    await notFound(
      await call(b.cookie, 'PUT', `/api/applications/${a.applicationId}/sections/staff`, { answers: {}, version: 1 }),
    );
    await notFound(
      await call(b.cookie, 'GET', `/api/applications/${a.applicationId}/attachments/${attachment.attachmentId}`),
    );
    await notFound(
      await call(b.cookie, 'DELETE', `/api/applications/${a.applicationId}/attachments/${attachment.attachmentId}`),
    );
    await notFound(await call(b.cookie, 'POST', `/api/applications/${a.applicationId}/submit`, { version: a.version }));
    // A's attachment id under B's own application: the key includes the application, so nothing is found.
    await notFound(
      await call(b.cookie, 'GET', `/api/applications/${bApp.applicationId}/attachments/${attachment.attachmentId}`),
    );
    // Answers like an application that does not exist.
    const ghost = await errorOf(await call(b.cookie, 'GET', `/api/applications/${deps.ids.newId()}`));
    const real = await errorOf(await call(b.cookie, 'GET', `/api/applications/${a.applicationId}`));
    expect(real).toEqual(ghost);
    expect(await deps.blobs.documents.get(attachmentBlobKey(a.applicationId, attachment.attachmentId))).not.toBeNull();
  });
});

describe('sections', () => {
  it('saving to a section the questionnaire does not have is a 404', async () => {
    const edition = await seedEdition(deps);
    const m = await member();
    const { applicationId } = await seedApplication(deps, m.user, edition.editionId);
    expect(
      (
        await errorOf(
          await call(m.cookie, 'PUT', `/api/applications/${applicationId}/sections/nope`, { answers: {}, version: 0 }),
        )
      ).status,
    ).toBe(404);
  });
});
