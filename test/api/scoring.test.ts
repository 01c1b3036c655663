import { describe, expect, it } from 'vitest';
import { findSheet } from '../../shared/reviews/sheet-store';
import { errorOf } from '../support/accounts';
import { apiHarness } from '../support/accounts';
import { completeSheet, type ScoringWorld, scoringWorld } from '../support/scoring';

type Sheet = { status: string; version: number; scores: Record<string, number> };
type Review = {
  sheet: Sheet;
  total: { total: number; shopper: number; byChannel: Record<string, number> };
  others: { label: { pl: string }; scores: Record<string, number> }[] | null;
  sections: Record<string, unknown>;
  attachments: unknown[];
};

const h = apiHarness({ maxBodyBytes: 64 * 1024 });

function calls(w: ScoringWorld) {
  const base = `/api/expert/editions/${w.edition.editionId}/reviews`;
  const cookieOf = (userId: string) => w.cookies.get(userId) ?? '';
  return {
    read: (userId: string, applicationId: string) => w.as(cookieOf(userId), 'GET', `${base}/${applicationId}`),
    save: (userId: string, applicationId: string, body: unknown) =>
      w.as(cookieOf(userId), 'PUT', `${base}/${applicationId}`, body),
    submit: (userId: string, applicationId: string, version: number) =>
      w.as(cookieOf(userId), 'POST', `${base}/${applicationId}/submit`, { version }),
    review: async (userId: string, applicationId: string): Promise<Review> => {
      const res = await w.as(cookieOf(userId), 'GET', `${base}/${applicationId}`);
      expect(res.status).toBe(200);
      return (await res.json()) as Review;
    },
  };
}

/** Every (expert, application) pair of the world's committed assignment. */
async function pairsOf(w: ScoringWorld) {
  const pairs: { expertId: string; applicationId: string }[] = [];
  for (const e of w.experts)
    for (const a of await w.assignments(e)) pairs.push({ expertId: e.userId, applicationId: a });
  return pairs;
}

describe('experts read and score only their assigned applications', () => {
  it('an assigned application reads in full; off the assignment it is 404, like an unknown id', async () => {
    const w = await scoringWorld(h);
    const c = calls(w);
    const pairs = await pairsOf(w);
    expect(pairs).toHaveLength(6);
    const [first] = pairs;
    const view = await c.review(first!.expertId, first!.applicationId);
    expect(view.sheet).toMatchObject({ status: 'draft', version: 0 });
    expect(view.others).toBeNull();

    const notMine = w.applications.find(
      (a) => !pairs.some((p) => p.expertId === first!.expertId && p.applicationId === a.applicationId),
    )!;
    for (const res of [
      await c.read(first!.expertId, notMine.applicationId),
      await c.save(first!.expertId, notMine.applicationId, { ...completeSheet(w.edition), version: 0 }),
      await c.submit(first!.expertId, notMine.applicationId, 0),
      await c.read(w.idle.userId, first!.applicationId),
      await c.save(w.idle.userId, first!.applicationId, { ...completeSheet(w.edition), version: 0 }),
    ]) {
      expect((await errorOf(res)).code).toBe('NOT_FOUND');
    }
    expect(await findSheet(h.deps.store, notMine.applicationId, first!.expertId, true)).toBeNull();
  });

  it('scores above the maximum, off the step or of an unknown criterion are 400 naming the criterion; nothing is written', async () => {
    const w = await scoringWorld(h);
    const c = calls(w);
    const [p] = await pairsOf(w);
    const content = completeSheet(w.edition);
    const res = await c.save(p!.expertId, p!.applicationId, {
      ...content,
      scores: { ...content.scores, 'A1.1': 11, 'A1.2': 2.5, 'Z9.9': 1 },
      version: 0,
    });
    const error = await errorOf(res);
    expect(error.status).toBe(400);
    expect(Object.keys(error.fields).sort()).toEqual(['scores.A1.1', 'scores.A1.2', 'scores.Z9.9']);
    expect(error.fields['scores.A1.1']).toContain('0–10');
    expect(await findSheet(h.deps.store, p!.applicationId, p!.expertId, true)).toBeNull();
  });

  it('submit names what is missing; a complete sheet submits once, twice is idempotent, then it is read-only', async () => {
    const w = await scoringWorld(h);
    const c = calls(w);
    const [p] = await pairsOf(w);
    const partial = { ...completeSheet(w.edition), areaJustifications: { A1: 'za krótko' }, version: 0 };
    delete (partial.scores as Record<string, number>)['A5.1'];
    const saved = (await (await c.save(p!.expertId, p!.applicationId, partial)).json()) as Sheet;
    expect(saved.version).toBe(1);
    const missing = await errorOf(await c.submit(p!.expertId, p!.applicationId, 1));
    expect(missing.status).toBe(400);
    expect(missing.fields).toHaveProperty(['scores.A5.1']);
    expect(missing.fields).toHaveProperty(['areaJustifications.A1']);
    expect(missing.fields).toHaveProperty(['areaJustifications.A2']);

    const complete = await c.save(p!.expertId, p!.applicationId, { ...completeSheet(w.edition), version: 1 });
    expect(complete.status).toBe(200);
    const [a, b] = await Promise.all([
      c.submit(p!.expertId, p!.applicationId, 2),
      c.submit(p!.expertId, p!.applicationId, 2),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const submitted = (await a.json()) as Sheet;
    expect(submitted).toMatchObject({ status: 'submitted', version: 3 });
    expect(((await b.json()) as Sheet).version).toBe(3);
    const again = await c.submit(p!.expertId, p!.applicationId, 2);
    expect(again.status).toBe(200);

    const late = await errorOf(
      await c.save(p!.expertId, p!.applicationId, { ...completeSheet(w.edition, 2), version: 3 }),
    );
    expect(late).toMatchObject({ status: 409, code: 'INVALID_STATE' });
    expect((await findSheet(h.deps.store, p!.applicationId, p!.expertId, true))?.scores['A1.1']).toBe(6);
  });

  it('20 parallel saves of one sheet: one wins, the others are 409 STALE_VERSION, the stored sheet is the winner’s', async () => {
    const w = await scoringWorld(h);
    const c = calls(w);
    const [p] = await pairsOf(w);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        c.save(p!.expertId, p!.applicationId, {
          ...completeSheet(w.edition),
          scores: { 'A1.1': i % 11 },
          version: 0,
        }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const winner = (await answers[statuses.indexOf(200)]!.json()) as Sheet;
    const stored = await findSheet(h.deps.store, p!.applicationId, p!.expertId, true);
    expect(stored?.scores).toEqual(winner.scores);
    expect(stored?.version).toBe(1);
    for (const loser of answers.filter((r) => r.status === 409))
      expect((await errorOf(loser)).code).toBe('STALE_VERSION');
  });

  it('mystery-shopper points are derived by the server from the ticks; points a client sends are ignored or refused', async () => {
    const w = await scoringWorld(h);
    const c = calls(w);
    const [p] = await pairsOf(w);
    const content = completeSheet(w.edition);
    const visit = w.edition.rubric.mysteryShopper.channels.find((ch) => ch.channel === 'visit')!;
    const ticks = Object.fromEntries(visit.items.map((item, i) => [item.code, i === 0 ? 'met' : 'partly']));
    const res = await c.save(p!.expertId, p!.applicationId, {
      ...content,
      contacts: { ...content.contacts, visit: { ...content.contacts.visit, ticks, points: 999 } },
      shopperPoints: 999,
      version: 0,
    });
    expect(res.status).toBe(200);
    const view = await c.review(p!.expertId, p!.applicationId);
    const expected = visit.items.reduce((sum, item, i) => sum + item.points * (i === 0 ? 1 : 0.5), 0);
    expect(view.total.byChannel.visit).toBe(expected);
    expect(JSON.stringify(view.sheet)).not.toContain('999');

    const typed = await errorOf(
      await c.save(p!.expertId, p!.applicationId, { ...content, scores: { [visit.items[0]!.code]: 5 }, version: 1 }),
    );
    expect(typed.status).toBe(400);
    expect(typed.fields).toHaveProperty([`scores.${visit.items[0]!.code}`]);
  });

  it('every change of a score is audited old → new', async () => {
    const w = await scoringWorld(h);
    const c = calls(w);
    const [p] = await pairsOf(w);
    const content = completeSheet(w.edition, 4);
    expect((await c.save(p!.expertId, p!.applicationId, { ...content, version: 0 })).status).toBe(200);
    expect(
      (
        await c.save(p!.expertId, p!.applicationId, {
          ...content,
          scores: { ...content.scores, 'A2.1': 7 },
          version: 1,
        })
      ).status,
    ).toBe(200);
    const audit = (await (
      await w.as(w.cookie, 'GET', `/api/audit?subjectType=application&subjectId=${p!.applicationId}`)
    ).json()) as { items: { action: string; before?: Record<string, unknown>; after?: Record<string, unknown> }[] };
    const changes = audit.items.filter((e) => e.action === 'sheet.scoresChanged');
    expect(changes).toHaveLength(2);
    expect(changes.some((e) => e.before?.['A2.1'] === 4 && e.after?.['A2.1'] === 7)).toBe(true);
  });
});

describe('visibility of the other experts’ scores is enforced by the API', () => {
  for (const [mode, before, after] of [
    ['never', false, false],
    ['afterOwnSubmission', false, true],
    ['always', true, true],
  ] as const) {
    it(`${mode}: before own submission ${before ? 'visible' : 'hidden'}, after ${after ? 'visible' : 'hidden'}`, async () => {
      const w = await scoringWorld(h, { scoring: { visibility: mode } });
      const c = calls(w);
      const pairs = await pairsOf(w);
      const app = pairs[0]!.applicationId;
      const [one, two] = pairs.filter((p) => p.applicationId === app);
      await c.save(one!.expertId, app, { ...completeSheet(w.edition, 3), version: 0 });
      expect((await c.submit(one!.expertId, app, 1)).status).toBe(200);

      const early = await c.review(two!.expertId, app);
      if (before) {
        expect(early.others).toHaveLength(1);
        expect(early.others?.[0]?.label.pl).toBe('Ekspert 1');
        expect(early.others?.[0]?.scores['A1.1']).toBe(3);
        expect(JSON.stringify(early.others)).not.toContain(one!.expertId);
      } else expect(early.others).toBeNull();

      await c.save(two!.expertId, app, { ...completeSheet(w.edition, 5), version: 0 });
      expect((await c.submit(two!.expertId, app, 1)).status).toBe(200);
      const late = await c.review(two!.expertId, app);
      if (after) expect(late.others?.map((o) => o.scores['A1.1'])).toEqual([3]);
      else expect(late.others).toBeNull();
    });
  }
});
