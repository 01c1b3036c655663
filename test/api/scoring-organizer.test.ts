import { describe, expect, it } from 'vitest';
import { findExpertAssignment } from '../../shared/assignment/assignment-store';
import { runScoringReminders } from '../../shared/reviews/run-scoring-reminders';
import { findSheet } from '../../shared/reviews/sheet-store';
import { apiHarness, errorOf, sessionCookie } from '../support/accounts';
import { seedChapterExpert } from '../support/assignment';
import { completeSheet, type ScoringWorld, scoringWorld } from '../support/scoring';

const h = apiHarness({ maxBodyBytes: 64 * 1024 });

function calls(w: ScoringWorld) {
  const base = `/api/expert/editions/${w.edition.editionId}/reviews`;
  const cookieOf = (userId: string) => w.cookies.get(userId) ?? '';
  const scoring = `/api/editions/${w.edition.editionId}/scoring`;
  return {
    save: (userId: string, applicationId: string, body: unknown) =>
      w.as(cookieOf(userId), 'PUT', `${base}/${applicationId}`, body),
    submit: (userId: string, applicationId: string, version: number) =>
      w.as(cookieOf(userId), 'POST', `${base}/${applicationId}/submit`, { version }),
    /** Saves a complete sheet with every criterion `score` and submits it. */
    score: async (userId: string, applicationId: string, score: number) => {
      expect(
        (
          await w.as(cookieOf(userId), 'PUT', `${base}/${applicationId}`, {
            ...completeSheet(w.edition, score),
            version: 0,
          })
        ).status,
      ).toBe(200);
      expect((await w.as(cookieOf(userId), 'POST', `${base}/${applicationId}/submit`, { version: 1 })).status).toBe(
        200,
      );
    },
    progress: async () => {
      const res = await w.as(w.cookie, 'GET', scoring);
      expect(res.status).toBe(200);
      return (await res.json()) as {
        summary: { pairs: number; submitted: number; inProgress: number; notStarted: number; disagreements: number };
        experts: { expertId: string; assigned: number; submitted: number; inProgress: number; overdue: number }[];
        applications: {
          applicationId: string;
          expected: number;
          submitted: number;
          awaitingReplacement: number;
          disagreement: {
            flagged: boolean;
            totalSpreadPercent: number;
            criteria: { code: string; flagged: boolean }[];
          } | null;
        }[];
      };
    },
    reopen: (cookie: string, applicationId: string, expertId: string, reason: string) =>
      w.as(cookie, 'POST', `${scoring}/applications/${applicationId}/sheets/${expertId}/reopen`, { reason }),
    reconsider: (applicationId: string, message: string) =>
      w.as(w.cookie, 'POST', `${scoring}/applications/${applicationId}/reconsider`, { message }),
    transition: (body: Record<string, unknown>) =>
      w.as(w.cookie, 'POST', `/api/editions/${w.edition.editionId}/transitions`, {
        version: w.edition.version,
        ...body,
      }),
  };
}

async function pairsOf(w: ScoringWorld) {
  const pairs: { expertId: string; applicationId: string }[] = [];
  for (const e of w.experts)
    for (const a of await w.assignments(e)) pairs.push({ expertId: e.userId, applicationId: a });
  return pairs;
}

async function auditActions(w: ScoringWorld, type: string, id: string) {
  const res = await w.as(w.cookie, 'GET', `/api/audit?subjectType=${type}&subjectId=${id}`);
  return (
    (await res.json()) as {
      items: { action: string; details?: Record<string, unknown>; before?: Record<string, unknown> }[];
    }
  ).items;
}

describe('the organizer follows scoring', () => {
  it('progress moves with saves and submissions, and a clear disagreement is queued with its spreads', async () => {
    const w = await scoringWorld(h);
    const c = calls(w);
    const before = await c.progress();
    expect(before.summary).toMatchObject({ pairs: 6, submitted: 0, inProgress: 0, notStarted: 6, disagreements: 0 });

    const pairs = await pairsOf(w);
    const app = pairs[0]!.applicationId;
    const [one, two] = pairs.filter((p) => p.applicationId === app);
    await c.score(one!.expertId, app, 1);
    expect((await c.save(two!.expertId, app, { ...completeSheet(w.edition, 9), version: 0 })).status).toBe(200);
    const middle = await c.progress();
    expect(middle.summary).toMatchObject({ submitted: 1, inProgress: 1, notStarted: 4, disagreements: 0 });
    expect(middle.experts.find((e) => e.expertId === one!.expertId)).toMatchObject({ submitted: 1 });

    expect((await c.submit(two!.expertId, app, 1)).status).toBe(200);
    const after = await c.progress();
    const row = after.applications.find((a) => a.applicationId === app)!;
    expect(row).toMatchObject({ expected: 2, submitted: 2 });
    expect(row.disagreement?.flagged).toBe(true);
    expect(row.disagreement?.criteria.find((x) => x.code === 'A1.1')).toMatchObject({ flagged: true });
    expect(after.summary.disagreements).toBe(1);
  });

  it('only organizers reopen a submitted sheet: audited with the reason, the expert is mailed and may edit again', async () => {
    const w = await scoringWorld(h);
    const c = calls(w);
    const [p] = await pairsOf(w);
    await c.score(p!.expertId, p!.applicationId, 5);
    const byExpert = await c.reopen(w.cookies.get(p!.expertId)!, p!.applicationId, p!.expertId, 'Proszę poprawić');
    expect(byExpert.status).toBe(403);
    expect((await findSheet(h.deps.store, p!.applicationId, p!.expertId, true))?.status).toBe('submitted');

    const res = await c.reopen(w.cookie, p!.applicationId, p!.expertId, 'Proszę uzasadnić obszar A3 szerzej.');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'draft',
      reopened: { reason: 'Proszę uzasadnić obszar A3 szerzej.' },
    });
    await h.deps.jobs.drain();
    const expert = w.experts.find((e) => e.userId === p!.expertId)!;
    const mails = (await h.deps.mail.list()).filter(
      (m) => m.to === expert.email && m.subject.startsWith('Karta ocen otwarta ponownie'),
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain('Proszę uzasadnić obszar A3 szerzej.');
    expect((await auditActions(w, 'application', p!.applicationId)).map((e) => e.action)).toContain('sheet.reopened');
    expect((await c.save(p!.expertId, p!.applicationId, { ...completeSheet(w.edition, 6), version: 3 })).status).toBe(
      200,
    );
  });

  it('asking to reconsider reopens every submitted sheet of the application', async () => {
    const w = await scoringWorld(h);
    const c = calls(w);
    const pairs = await pairsOf(w);
    const app = pairs[0]!.applicationId;
    const [one, two] = pairs.filter((p) => p.applicationId === app);
    expect((await errorOf(await c.reconsider(app, 'Rozbieżność'))).code).toBe('INVALID_STATE');
    await c.score(one!.expertId, app, 1);
    await c.score(two!.expertId, app, 10);
    const res = await c.reconsider(app, 'Oceny różnią się o ponad połowę skali — proszę o ponowne spojrzenie.');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ reopened: 2 });
    for (const p of [one, two]) expect((await findSheet(h.deps.store, app, p!.expertId, true))?.status).toBe('draft');
  });
});

describe('the scores workbook', () => {
  it('has a row per sheet with Polish headers, real numbers, Warsaw time and the totals', async () => {
    const w = await scoringWorld(h);
    const c = calls(w);
    const pairs = await pairsOf(w);
    await c.score(pairs[0]!.expertId, pairs[0]!.applicationId, 4);
    expect(
      (await c.save(pairs[1]!.expertId, pairs[1]!.applicationId, { ...completeSheet(w.edition, 8), version: 0 }))
        .status,
    ).toBe(200);
    // Built by the worker (exceljs stays out of the api function): queued, then downloaded when ready.
    const queued = await w.as(w.cookie, 'POST', `/api/editions/${w.edition.editionId}/exports`, { format: 'scores' });
    expect(queued.status).toBe(202);
    const { exportId } = (await queued.json()) as { exportId: string };
    await h.deps.jobs.drain();
    const record = await w.as(w.cookie, 'GET', `/api/editions/${w.edition.editionId}/exports/${exportId}`);
    expect(await record.json()).toMatchObject({ status: 'ready', rows: 2 });
    const res = await w.as(w.cookie, 'GET', `/api/editions/${w.edition.editionId}/exports/${exportId}/file`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Oceny')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['Instytucja', 'Ekspert', 'Status karty', 'Złożono (czas polski)']);
    expect(header).toContain('A1.1 Spisane standardy obsługi i ich stosowanie');
    expect(header).toContain('Tajemniczy klient: wizyta');
    expect(header.at(-2)).toBe('Suma punktów');
    expect(sheet.rowCount).toBe(3);
    const rows = [2, 3].map((n) => (sheet.getRow(n).values as unknown[]).slice(1));
    const submitted = rows.find((r) => r[2] === 'złożona')!;
    const draft = rows.find((r) => r[2] === 'szkic')!;
    expect(submitted[4]).toBe(4);
    expect(typeof submitted.at(-2)).toBe('number');
    // 2026-03-01T10:00Z is 11:00 in Warsaw (CET).
    expect((submitted[3] as Date).toISOString()).toBe('2026-03-01T11:00:00.000Z');
    expect(draft[3] ?? null).toBeNull();
    expect(draft[4]).toBe(8);
  });
});

describe('recusal during scoring', () => {
  it('a conflict declared on an assigned application discards the draft (kept in the audit); the replacement starts blank and every other pair stays', async () => {
    const w = await scoringWorld(h, { experts: 3, applications: 3 });
    const c = calls(w);
    const pairs = await pairsOf(w);
    const [p] = pairs;
    expect((await c.save(p!.expertId, p!.applicationId, { ...completeSheet(w.edition, 7), version: 0 })).status).toBe(
      200,
    );
    const declare = await w.as(
      w.cookies.get(p!.expertId)!,
      'POST',
      `/api/expert/editions/${w.edition.editionId}/conflicts`,
      {
        applicationId: p!.applicationId,
        reason: 'Byłem pracownikiem tego urzędu.',
      },
    );
    expect(declare.status).toBe(201);
    expect(await findSheet(h.deps.store, p!.applicationId, p!.expertId, true)).toBeNull();
    const discarded = (await auditActions(w, 'application', p!.applicationId)).find(
      (e) => e.action === 'sheet.discarded',
    );
    expect(discarded?.before).toMatchObject({ status: 'draft', scores: { 'A1.1': 7 } });
    expect(
      (await errorOf(await c.save(p!.expertId, p!.applicationId, { ...completeSheet(w.edition), version: 0 }))).code,
    ).toBe('NOT_FOUND');
    expect((await c.progress()).applications.find((a) => a.applicationId === p!.applicationId)).toMatchObject({
      awaitingReplacement: 1,
      expected: 1,
    });

    // A fourth expert joins; the incremental assignment replaces only the flagged pair.
    const extra = await seedChapterExpert(h.deps, w.edition.editionId, w.organizer, {
      workplace: { voivodeship: 'pomorskie', county: 'powiat X', commune: 'gmina X' },
    });
    const preview = await w.as(w.cookie, 'POST', `/api/editions/${w.edition.editionId}/assignment/preview`, {
      mode: 'incremental',
    });
    expect(preview.status).toBe(200);
    const { previewId } = (await preview.json()) as { previewId: string };
    const commit = await w.as(w.cookie, 'POST', `/api/editions/${w.edition.editionId}/assignment/commit`, {
      mode: 'incremental',
      previewId,
    });
    expect(commit.status).toBe(200);
    const others = pairs.filter((x) => x !== p);
    for (const o of others) {
      const { mine } = await findExpertAssignment(h.deps.store, w.edition.editionId, o.expertId);
      expect(mine?.pairs.some((x) => x.applicationId === o.applicationId && !x.flagged)).toBe(true);
    }
    const after = await c.progress();
    expect(after.applications.find((a) => a.applicationId === p!.applicationId)).toMatchObject({
      expected: 2,
      awaitingReplacement: 0,
    });
    const before = new Set(pairs.map((x) => `${x.expertId} ${x.applicationId}`));
    const added: string[] = [];
    for (const e of [...w.experts, extra]) {
      const { mine } = await findExpertAssignment(h.deps.store, w.edition.editionId, e.userId);
      for (const x of mine?.pairs ?? [])
        if (!x.flagged && !before.has(`${e.userId} ${x.applicationId}`)) added.push(`${e.userId} ${x.applicationId}`);
    }
    expect(added).toHaveLength(1);
    const [newExpert, newApp] = added[0]!.split(' ');
    expect(newApp).toBe(p!.applicationId);
    expect(newExpert).not.toBe(p!.expertId);
    const cookie = await sessionCookie(h.deps, newExpert!);
    const view = await w.as(cookie, 'GET', `/api/expert/editions/${w.edition.editionId}/reviews/${newApp}`);
    expect(view.status).toBe(200);
    expect(((await view.json()) as { sheet: { version: number; scores: object } }).sheet).toEqual(
      expect.objectContaining({ version: 0, scores: {} }),
    );
  });
});

describe('deliberation waits for the scores', () => {
  it('is refused with a 409 naming the missing sheets; a stale confirmation is refused; the exact count closes it, audited', async () => {
    const w = await scoringWorld(h);
    const c = calls(w);
    const pairs = await pairsOf(w);
    await c.score(pairs[0]!.expertId, pairs[0]!.applicationId, 5);
    const refused = await errorOf(await c.transition({ to: 'deliberation' }));
    expect(refused).toMatchObject({ status: 409, code: 'INVALID_STATE' });
    expect(refused.fields.confirmGaps).toContain('niezłożone karty ocen: 5');
    expect(refused.fields.confirmGaps).toContain('zgłoszenia bez oceny formalnej: 3');
    expect((await errorOf(await c.transition({ to: 'deliberation', confirmGaps: 7 }))).status).toBe(409);

    const res = await c.transition({ to: 'deliberation', confirmGaps: 8 });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ state: 'deliberation' });
    const entry = (await auditActions(w, 'edition', w.edition.editionId)).find(
      (e) => e.action === 'edition.closedWithMissingSheets',
    );
    expect(entry?.details).toMatchObject({ missingSheets: 5, awaitingReplacement: 0, unchecked: 3 });
  });

  it('moves without a confirmation once every sheet is in and every application formally checked', async () => {
    const w = await scoringWorld(h, { experts: 2, applications: 1 });
    const c = calls(w);
    for (const p of await pairsOf(w)) await c.score(p.expertId, p.applicationId, 5);
    const unchecked = await errorOf(await c.transition({ to: 'deliberation' }));
    expect(unchecked.fields.confirmGaps).toContain('zgłoszenia bez oceny formalnej: 1');
    expect(unchecked.fields.confirmGaps).not.toContain('niezłożone');
    const app = w.applications[0]!;
    const accepted = await w.as(w.cookie, 'POST', `/api/applications/${app.applicationId}/formal-check`, {
      decision: 'accept',
      version: app.version,
    });
    expect(accepted.status).toBe(200);
    expect((await c.transition({ to: 'deliberation' })).status).toBe(200);
  });
});

describe('scoring reminders', () => {
  it('one mail per expert with unsubmitted sheets per reminder point, none to those who submitted, none extra on a second or concurrent run', async () => {
    const w = await scoringWorld(h, { experts: 3, applications: 3 });
    const c = calls(w);
    const pairs = await pairsOf(w);
    const done = w.experts[0]!;
    for (const p of pairs.filter((x) => x.expertId === done.userId)) await c.score(p.expertId, p.applicationId, 5);
    const deadline = Date.parse(w.edition.timeline.reviewEnd);
    const reminderDeps = { ...h.deps, clock: { now: () => new Date(deadline - 7 * 86_400_000 + 3_600_000) } };
    const mine = async () =>
      (await h.deps.mail.list()).filter(
        (m) =>
          w.experts.some((e) => e.email === m.to) &&
          /^(Przypomnienie o terminie oceny|Termin oceny minął)/.test(m.subject),
      );
    await Promise.all([runScoringReminders(reminderDeps), runScoringReminders(reminderDeps)]);
    await runScoringReminders(reminderDeps);
    const week = await mine();
    expect(week.map((m) => m.to).sort()).toEqual(
      w.experts
        .slice(1)
        .map((e) => e.email)
        .sort(),
    );

    const dayBefore = { ...h.deps, clock: { now: () => new Date(deadline - 86_400_000 + 60_000) } };
    await Promise.all([runScoringReminders(dayBefore), runScoringReminders(dayBefore)]);
    expect(await mine()).toHaveLength(4);
    const late = { ...h.deps, clock: { now: () => new Date(deadline + 3_600_000) } };
    await runScoringReminders(late);
    await runScoringReminders(late);
    expect(await mine()).toHaveLength(6);
  });
});

describe('closing applications early', () => {
  it('warns when the new application deadline has passed while drafts exist; the exact count confirms it', async () => {
    const { EditionSettings } = await import('../../shared/editions/edition');
    const { seedEdition, seedApplication } = await import('../support/applications');
    const { seedInstitution, seedUser, sessionCookie: cookieFor } = await import('../support/accounts');
    const edition = await seedEdition(h.deps);
    const { member } = await seedInstitution(h.deps);
    await seedApplication(h.deps, member, edition.editionId);
    const { user } = await seedUser(h.deps, { role: 'organizer' });
    const cookie = await cookieFor(h.deps, user.userId);
    const settings = Object.fromEntries(
      Object.keys(EditionSettings.shape).map((k) => [k, edition[k as keyof typeof edition]]),
    ) as Record<string, unknown> & { timeline: Record<string, string> };
    const now = h.deps.clock.now().getTime();
    const closed = {
      ...settings,
      timeline: { ...settings.timeline, applicationsClose: new Date(now - 3_600_000).toISOString() },
    };
    const send = (body: unknown) =>
      h.app.request(`/api/editions/${edition.editionId}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', cookie, origin: 'http://localhost' },
        body: JSON.stringify(body),
      });
    const warned = await errorOf(await send({ ...closed, version: edition.version }));
    expect(warned).toMatchObject({ status: 409, code: 'INVALID_STATE' });
    expect(warned.fields.confirmDrafts).toContain('1 zgłoszenie nie zostało złożone');
    expect((await send({ ...closed, version: edition.version, confirmDrafts: 2 })).status).toBe(409);
    // A deadline still ahead needs no confirmation.
    const later = {
      ...settings,
      timeline: { ...settings.timeline, applicationsClose: new Date(now + 86_400_000).toISOString() },
    };
    const moved = await send({ ...later, version: edition.version });
    expect(moved.status).toBe(200);
    expect((await send({ ...closed, version: edition.version + 1, confirmDrafts: 1 })).status).toBe(200);
  });
});
