/** Preview → commit: the optimum within the bounds, idempotent commits, one digest per expert, re-runs, infeasibility explained. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keys } from '../../shared/store/keys';
import { apiHarness, errorOf, jsonRequest } from '../support/accounts';
import { assignmentCalls, assignmentWorld, memberInput, type Preview, seedSubmitted } from '../support/assignment';

const harness = apiHarness({ maxBodyBytes: 1024 * 1024 });
const { deps, app } = harness;
const { as, preview, commit, currentPairs } = assignmentCalls(harness);

describe('assignment: preview → commit', () => {
  it('gives every application k experts within the loads, commits once (idempotent), mails one digest per expert, and audits', async () => {
    const w = await assignmentWorld(deps);
    const p = await preview(w.cookie, w.edition.editionId);
    expect(p.summary).toMatchObject({ pairs: 12, added: 12, kept: 0, removed: 0, minLoad: 3, maxLoad: 3 });
    expect(p.histogram).toEqual([{ load: 3, experts: 4 }]);
    for (const a of p.applications) expect(new Set(a.experts.map((x) => x.userId)).size).toBe(2);
    expect(await currentPairs(w.edition.editionId)).toEqual([]);

    const mailsBefore = (await deps.mail.list()).length;
    const [first, second] = await Promise.all([
      commit(w.cookie, w.edition.editionId, p),
      commit(w.cookie, w.edition.editionId, p),
    ]);
    expect([first.alreadyCommitted, second.alreadyCommitted].filter((x) => !x)).toHaveLength(1);
    const again = await commit(w.cookie, w.edition.editionId, p);
    expect(again).toMatchObject({ alreadyCommitted: true, pairs: 12, mailed: 0 });
    expect(first.mailed + second.mailed).toBe(4);
    // The digests are mail.send jobs: the worker (in process here) sends them once the queue drains.
    await deps.jobs.drain();
    expect(deps.jobs.deadLetters).toEqual([]);
    const digests = (await deps.mail.list())
      .slice(mailsBefore)
      .filter((m) => m.subject.includes('Nowe zgłoszenia do oceny'));
    expect(digests.map((m) => m.to).sort()).toEqual(w.experts.map((e) => e.email).sort());
    expect(digests[0]?.subject).toContain('(3)');

    const committed = await currentPairs(w.edition.editionId);
    expect(committed).toEqual(
      p.applications.flatMap((a) => a.experts.map((x) => `${a.applicationId}:${x.userId}`)).sort(),
    );
    const audit = (await (
      await as(w.cookie, 'GET', `/api/audit?subjectType=edition&subjectId=${w.edition.editionId}`)
    ).json()) as { items: { action: string }[] };
    expect(audit.items.filter((i) => i.action === 'assignment.committed')).toHaveLength(1);
    // "Zatwierdzony … przez: <name>": the committer by name, the e-mail kept for the audit trail.
    const current = await (await as(w.cookie, 'GET', `/api/editions/${w.edition.editionId}/assignment`)).json();
    expect(current).toMatchObject({ committedByName: w.organizer.displayName, committedBy: w.organizer.email });
  });

  it('refuses a commit whose preview is outdated (a late application arrived) with 409', async () => {
    const w = await assignmentWorld(deps);
    const p = await preview(w.cookie, w.edition.editionId);
    await seedSubmitted(deps, w.edition.editionId);
    const res = await as(w.cookie, 'POST', `/api/editions/${w.edition.editionId}/assignment/commit`, {
      mode: 'incremental',
      previewId: p.previewId,
    });
    expect(await errorOf(res)).toMatchObject({ status: 409, code: 'STALE_VERSION' });
    expect(await currentPairs(w.edition.editionId)).toEqual([]);
  });

  it('re-running after 20 late applications keeps every existing pair; a full run keeps locked pairs', async () => {
    const w = await assignmentWorld(deps, { experts: 6, applications: 10, maxLoad: 20 });
    await commit(w.cookie, w.edition.editionId, await preview(w.cookie, w.edition.editionId));
    const before = await currentPairs(w.edition.editionId);
    for (let i = 0; i < 20; i++) await seedSubmitted(deps, w.edition.editionId);
    const p = await preview(w.cookie, w.edition.editionId);
    expect(p.summary).toMatchObject({ kept: 20, added: 40, removed: 0 });
    await commit(w.cookie, w.edition.editionId, p);
    const after = await currentPairs(w.edition.editionId);
    expect(after).toEqual(expect.arrayContaining(before));
    expect(after).toHaveLength(60);

    // Two committed pairs whose experts now bid −2 (× 50) on them: a full run moves such a pair away…
    const [appId, userId] = before[0]!.split(':') as [string, string];
    const [otherApp, otherUser] = before.find((x) => !x.startsWith(appId) && !x.endsWith(userId))!.split(':') as [
      string,
      string,
    ];
    for (const [a, u] of [
      [appId, userId],
      [otherApp, otherUser],
    ])
      await deps.store.put({
        ...keys.bid(w.edition.editionId, u!, a!),
        entity: 'bid',
        userId: u,
        applicationId: a,
        value: -2,
      });
    await deps.store.put({
      ...keys.assignmentSettings(w.edition.editionId),
      entity: 'assignmentSettings',
      rules: { sameCommune: true, sameCounty: true, affiliation: true, previousEdition: false },
      weights: { bid: 50, preferredCategory: 5 },
      balance: 1,
      version: 1,
    });
    // …unless it is locked.
    expect(
      (
        await as(w.cookie, 'PUT', `/api/editions/${w.edition.editionId}/assignment/pairs/${appId}/${userId}/lock`, {
          locked: true,
        })
      ).status,
    ).toBe(200);
    const full = await preview(w.cookie, w.edition.editionId, 'full');
    const row = full.applications.find((a) => a.applicationId === appId)!;
    expect(full.applications.find((a) => a.applicationId === otherApp)!.removed).toContainEqual(
      expect.objectContaining({ userId: otherUser, reason: 'reoptimized' }),
    );
    expect(row.experts).toContainEqual(expect.objectContaining({ userId, status: 'locked' }));
  });
});

describe('assignment: infeasibility is explained', () => {
  it('names the application and the rule when conflicts leave too few experts, with the smallest fix (422)', async () => {
    const w = await assignmentWorld(deps, { experts: 3 });
    // Two of three experts work in the same county as this office: the same-county rule takes them out.
    const tricky = await seedSubmitted(deps, w.edition.editionId, {
      name: 'Starostwo Powiatowe w Kartuzach',
      type: 'county_office',
      address: {
        street: 'ul. Jagiellońska 1',
        postalCode: '83-300',
        city: 'Kartuzy',
        commune: 'Kartuzy',
        county: 'Powiat 0',
        voivodeship: 'pomorskie',
      },
    });
    await as(w.cookie, 'PUT', `/api/editions/${w.edition.editionId}/chapter/${w.experts[1]!.userId}`, {
      ...memberInput({ maxLoad: 10 }),
      workplace: { voivodeship: 'pomorskie', county: 'powiat 0', commune: 'Żukowo' },
      version: 1,
    });
    const res = await as(w.cookie, 'POST', `/api/editions/${w.edition.editionId}/assignment/preview`, {
      mode: 'incremental',
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as {
      error: {
        code: string;
        message: string;
        explanation: {
          problems: { kind: string; message: string; applicationIds?: string[] }[];
          suggestions: string[];
        };
      };
    };
    expect(body.error.code).toBe('ASSIGNMENT_INFEASIBLE');
    const problem = body.error.explanation.problems.find((x) => x.kind === 'application')!;
    expect(problem.applicationIds).toEqual([tricky.applicationId]);
    expect(problem.message).toContain('Starostwo Powiatowe w Kartuzach: tylko 1 z 3 ekspertów');
    expect(problem.message).toContain('2 — reguła „ten sam powiat”');
    expect(body.error.explanation.suggestions.join(' ')).toContain(
      'wyłączenie reguła „ten sam powiat” zwolni 2 ekspertów',
    );
  });

  it('says when capacity is below demand and by how much (in English when asked)', async () => {
    const w = await assignmentWorld(deps, { experts: 2, applications: 6, maxLoad: 4 });
    const res = await app.request(`/api/editions/${w.edition.editionId}/assignment/preview`, {
      ...jsonRequest('POST', { mode: 'full' }),
      headers: { 'content-type': 'application/json', cookie: w.cookie, 'accept-language': 'en' },
    });
    const body = (await res.json()) as {
      error: {
        explanation: {
          demand: number;
          capacity: number;
          problems: { kind: string; message: string }[];
          suggestions: string[];
        };
      };
    };
    expect(res.status).toBe(422);
    expect(body.error.explanation).toMatchObject({ demand: 12, capacity: 8 });
    expect(body.error.explanation.problems[0]?.message).toContain('total maximum load (8) is below the demand (12');
    expect(body.error.explanation.suggestions[0]).toContain(
      'Raise the maximum loads by 4 in total (e.g. by 2 for each of the 2 experts)',
    );
  });
});

describe('assignment: fuzzed chapters', () => {
  it('random loads, workplaces and conflicts give 200 with every bound kept, or a 4xx with an explanation — never a 5xx', async () => {
    const w = await assignmentWorld(deps, { experts: 4, applications: 5 });
    const places = ['powiat 0', 'powiat 1', 'testowski'];
    let version = new Map(w.experts.map((e) => [e.userId, 1]));
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            minLoad: fc.integer({ min: 0, max: 6 }),
            maxLoad: fc.integer({ min: 0, max: 6 }),
            county: fc.constantFrom(...places),
          }),
          { minLength: 4, maxLength: 4 },
        ),
        fc.constantFrom<'incremental' | 'full'>('incremental', 'full'),
        async (members, mode) => {
          for (const [i, m] of members.entries()) {
            const expert = w.experts[i]!;
            const res = await as(w.cookie, 'PUT', `/api/editions/${w.edition.editionId}/chapter/${expert.userId}`, {
              ...memberInput({ minLoad: m.minLoad, maxLoad: m.maxLoad }),
              workplace: { voivodeship: 'mazowieckie', county: m.county, commune: 'Testowo' },
              version: version.get(expert.userId),
            });
            if (m.minLoad > m.maxLoad) expect((await errorOf(res)).fields).toHaveProperty('minLoad');
            else {
              expect(res.status).toBe(200);
              version = new Map(version).set(expert.userId, ((await res.json()) as { version: number }).version);
            }
          }
          const res = await as(w.cookie, 'POST', `/api/editions/${w.edition.editionId}/assignment/preview`, { mode });
          expect([200, 422]).toContain(res.status);
          if (res.status === 422) {
            const body = (await res.json()) as {
              error: { explanation: { problems: unknown[]; suggestions: unknown[] } };
            };
            expect(body.error.explanation.problems.length).toBeGreaterThan(0);
            expect(body.error.explanation.suggestions.length).toBeGreaterThan(0);
            return;
          }
          const p = (await res.json()) as Preview;
          for (const a of p.applications) expect(a.experts).toHaveLength(2);
          const bounds = (await (await as(w.cookie, 'GET', `/api/editions/${w.edition.editionId}/chapter`)).json()) as {
            items: { userId: string; minLoad: number; maxLoad: number }[];
          };
          for (const e of p.experts) {
            const m = bounds.items.find((x) => x.userId === e.userId)!;
            expect(e.load).toBeGreaterThanOrEqual(m.minLoad);
            expect(e.load).toBeLessThanOrEqual(m.maxLoad);
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});
