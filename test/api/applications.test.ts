import { describe, expect, it } from 'vitest';
import { attachmentBlobKey } from '../../shared/applications/attachments';
import { keys } from '../../shared/store/keys';
import { apiHarness, errorOf, sessionCookie } from '../support/accounts';
import { applicationRequests, attach, completeAnswers, seedApplication, seedEdition } from '../support/applications';

/** Starting, saving and submitting an application: races, the deadline, and other institutions kept out. */

// Answers and files need more than the harness's default 1 KiB body limit.
const harness = apiHarness({ maxBodyBytes: 1024 * 1024 });
const { deps } = harness;
const { call, member, filledApplication } = applicationRequests(harness);

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
      const { user: granter } = await import('../support/accounts').then((s) =>
        s.seedUser(deps, { role: 'organizer', displayName: 'Ewa Organizatorka' }),
      );
      const organizer = await sessionCookie(deps, granter.userId);
      const granted = await call(organizer, 'POST', `/api/editions/${edition.editionId}/extensions`, {
        institutionId,
        until: new Date(close + 24 * 3600 * 1000).toISOString(),
        reason: 'Awaria systemu EZD w urzędzie',
      });
      expect(granted.status).toBe(201);
      // Shown as "Ewa Organizatorka" in the extensions table, not as an e-mail.
      expect(await granted.json()).toMatchObject({ grantedByName: 'Ewa Organizatorka', grantedBy: granter.email });
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
