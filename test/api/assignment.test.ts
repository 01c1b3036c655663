import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { User } from '../../shared/accounts/user';
import { commitAssignment } from '../../shared/assignment/commit-assignment';
import { previewAssignment } from '../../shared/assignment/preview-assignment';
import { pairsOf } from '../../shared/assignment/assignment';
import { getHead, listExpertAssignments } from '../../shared/assignment/assignment-store';
import { createApp } from '../../shared/http/app';
import { keys } from '../../shared/store/keys';
import { localDynamo, testTableName } from '../support/dynamo';
import { testDeps } from '../support/factories';
import {
  apiHarness,
  errorOf,
  jsonRequest,
  seedInstitution,
  seedUser,
  sessionCookie,
  type Harness,
} from '../support/accounts';
import { callerFor, seedEdition } from '../support/applications';
import { memberInput, seedChapterExpert, seedSubmitted } from '../support/assignment';

const { deps, app } = apiHarness({ maxBodyBytes: 1024 * 1024 });
const as = (cookie: string, method: string, path: string, body?: unknown, on = app) =>
  on.request(
    path,
    method === 'GET'
      ? { headers: { cookie } }
      : {
          ...jsonRequest(method, body),
          headers: { 'content-type': 'application/json', cookie, origin: 'http://localhost' },
        },
  );

type Preview = {
  previewId: string;
  summary: { pairs: number; added: number; kept: number; removed: number; minLoad: number; maxLoad: number };
  applications: {
    applicationId: string;
    experts: { userId: string; status: string }[];
    removed: { userId: string; reason: string }[];
  }[];
  experts: { userId: string; load: number }[];
  removedPairs: { applicationId: string; userId: string; reason: string }[];
  histogram: { load: number; experts: number }[];
};

/** An open edition (k = 2) with a chapter of `experts` and `applications` submitted applications; all in distinct places. */
async function world(
  h: Harness['deps'],
  options: { experts?: number; applications?: number; maxLoad?: number; minLoad?: number } = {},
) {
  const edition = await seedEdition(h, { settings: { expertsPerApplication: 2 } });
  const { user: organizer } = await seedUser(h, { role: 'organizer' });
  const experts: User[] = [];
  for (let i = 0; i < (options.experts ?? 4); i++) {
    experts.push(
      await seedChapterExpert(h, edition.editionId, organizer, {
        minLoad: options.minLoad ?? 0,
        maxLoad: options.maxLoad ?? 10,
        workplace: { voivodeship: 'pomorskie', county: `powiat ${i}`, commune: `gmina ${i}` },
      }),
    );
  }
  const applications = [];
  for (let i = 0; i < (options.applications ?? 6); i++) applications.push(await seedSubmitted(h, edition.editionId));
  return { edition, organizer, experts, applications, cookie: await sessionCookie(h, organizer.userId) };
}

async function preview(
  cookie: string,
  editionId: string,
  mode: 'incremental' | 'full' = 'incremental',
  on = app,
): Promise<Preview> {
  const res = await as(cookie, 'POST', `/api/editions/${editionId}/assignment/preview`, { mode }, on);
  expect(res.status).toBe(200);
  return (await res.json()) as Preview;
}

async function commit(cookie: string, editionId: string, p: Preview, mode: 'incremental' | 'full' = 'incremental') {
  const res = await as(cookie, 'POST', `/api/editions/${editionId}/assignment/commit`, {
    mode,
    previewId: p.previewId,
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { alreadyCommitted: boolean; pairs: number; mailed: number };
}

const currentPairs = async (editionId: string, h = deps) =>
  pairsOf((await listExpertAssignments(h.store, editionId)).experts)
    .map((p) => `${p.applicationId}:${p.userId}`)
    .sort();

describe('assignment: preview → commit', () => {
  it('gives every application k experts within the loads, commits once (idempotent), mails one digest per expert, and audits', async () => {
    const w = await world(deps);
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
    // The digests are mail.send jobs: the worker (in process here) sends them once the queue drains.
    await deps.jobs.drain();
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
  });

  it('refuses a commit whose preview is outdated (a late application arrived) with 409', async () => {
    const w = await world(deps);
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
    const w = await world(deps, { experts: 6, applications: 10, maxLoad: 20 });
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
    const w = await world(deps, { experts: 3 });
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
    const w = await world(deps, { experts: 2, applications: 6, maxLoad: 4 });
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
    const w = await world(deps, { experts: 4, applications: 5 });
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

describe('assignment: conflicts after commit', () => {
  it('a declared conflict flags the pair, and the incremental re-run replaces only that expert', async () => {
    const w = await world(deps, { experts: 4, applications: 6 });
    await commit(w.cookie, w.edition.editionId, await preview(w.cookie, w.edition.editionId));
    const before = await currentPairs(w.edition.editionId);
    const expert = w.experts[0]!;
    const expertCookie = await sessionCookie(deps, expert.userId);
    const mine = (await (
      await as(expertCookie, 'GET', `/api/expert/editions/${w.edition.editionId}/assignments`)
    ).json()) as { items: { applicationId: string; flagged: unknown }[] };
    const target = mine.items[0]!.applicationId;
    const declared = await as(expertCookie, 'POST', `/api/expert/editions/${w.edition.editionId}/conflicts`, {
      applicationId: target,
      reason: 'Moja żona jest tam naczelniczką wydziału.',
    });
    expect(declared.status).toBe(201);
    expect(await declared.json()).toMatchObject({ flagged: true, source: 'declared' });
    const flagged = (await (
      await as(expertCookie, 'GET', `/api/expert/editions/${w.edition.editionId}/assignments`)
    ).json()) as { items: { applicationId: string; flagged: { reason: string } | null }[] };
    expect(flagged.items.find((i) => i.applicationId === target)?.flagged?.reason).toContain('żona');

    const p = await preview(w.cookie, w.edition.editionId);
    expect(p.removedPairs).toEqual([{ applicationId: target, userId: expert.userId, reason: 'conflict' }]);
    expect(p.summary).toMatchObject({ added: 1, removed: 1 });
    await commit(w.cookie, w.edition.editionId, p);
    const after = await currentPairs(w.edition.editionId);
    expect(after.filter((x) => !before.includes(x))).toHaveLength(1);
    expect(before.filter((x) => !after.includes(x))).toEqual([`${target}:${expert.userId}`]);
    const conflicts = (await (await as(w.cookie, 'GET', `/api/editions/${w.edition.editionId}/conflicts`)).json()) as {
      items: { userId: string; reasons: { source: string; reason?: string }[] }[];
    };
    expect(conflicts.items).toContainEqual(
      expect.objectContaining({
        userId: expert.userId,
        reasons: [{ source: 'declared', reason: 'Moja żona jest tam naczelniczką wydziału.' }],
      }),
    );
  });

  it('manual add / swap / remove apply the same conflict and load checks, naming the field, and are audited', async () => {
    const w = await world(deps, { experts: 3, applications: 3, maxLoad: 2 });
    await commit(w.cookie, w.edition.editionId, await preview(w.cookie, w.edition.editionId));
    const state = (await (await as(w.cookie, 'GET', `/api/editions/${w.edition.editionId}/assignment`)).json()) as {
      applications: { applicationId: string; experts: { userId: string }[] }[];
      experts: { userId: string; load: number }[];
    };
    const app0 = state.applications[0]!;
    const outsider = w.experts.find((e) => !app0.experts.some((x) => x.userId === e.userId))!;
    const inside = app0.experts[0]!.userId;
    // Everyone is at the maximum (2): adding is refused for the application being full first.
    const full = await errorOf(
      await as(w.cookie, 'POST', `/api/editions/${w.edition.editionId}/assignment/pairs`, {
        applicationId: app0.applicationId,
        userId: outsider.userId,
      }),
    );
    expect(full).toMatchObject({ status: 409, code: 'CONFLICT' });
    expect(full.fields.applicationId).toContain('ma już 2 ekspertów');
    const over = await errorOf(
      await as(w.cookie, 'POST', `/api/editions/${w.edition.editionId}/assignment/swap`, {
        applicationId: app0.applicationId,
        fromUserId: inside,
        toUserId: outsider.userId,
      }),
    );
    expect(over.fields.toUserId).toContain('maksymalne obciążenie (2)');
    // An organizer conflict blocks the swap target with its reason.
    await as(w.cookie, 'PUT', `/api/editions/${w.edition.editionId}/chapter/${outsider.userId}`, {
      ...memberInput({ maxLoad: 5 }),
      workplace: { voivodeship: 'pomorskie', county: 'powiat 9', commune: 'gmina 9' },
      version: 1,
    });
    const institutionId = (await deps.store.get<{ institutionId: string }>(keys.application(app0.applicationId)))!
      .institutionId;
    expect(
      (
        await as(w.cookie, 'POST', `/api/editions/${w.edition.editionId}/conflicts`, {
          userId: outsider.userId,
          institutionId,
          reason: 'Były pracownik',
        })
      ).status,
    ).toBe(201);
    const conflicted = await errorOf(
      await as(w.cookie, 'POST', `/api/editions/${w.edition.editionId}/assignment/swap`, {
        applicationId: app0.applicationId,
        fromUserId: inside,
        toUserId: outsider.userId,
      }),
    );
    expect(conflicted.fields.toUserId).toContain('Konflikt interesów');
    expect(conflicted.fields.toUserId).toContain('Były pracownik');
    expect(
      (
        await as(
          w.cookie,
          'DELETE',
          `/api/editions/${w.edition.editionId}/conflicts/${outsider.userId}/${institutionId}`,
        )
      ).status,
    ).toBe(204);
    const swapped = await as(w.cookie, 'POST', `/api/editions/${w.edition.editionId}/assignment/swap`, {
      applicationId: app0.applicationId,
      fromUserId: inside,
      toUserId: outsider.userId,
    });
    expect(swapped.status).toBe(200);
    expect(await currentPairs(w.edition.editionId)).toContain(`${app0.applicationId}:${outsider.userId}`);
    expect(await currentPairs(w.edition.editionId)).not.toContain(`${app0.applicationId}:${inside}`);
    const removed = await as(
      w.cookie,
      'DELETE',
      `/api/editions/${w.edition.editionId}/assignment/pairs/${app0.applicationId}/${outsider.userId}`,
    );
    expect(removed.status).toBe(204);
    const audit = (await (
      await as(w.cookie, 'GET', `/api/audit?subjectType=edition&subjectId=${w.edition.editionId}`)
    ).json()) as { items: { action: string }[] };
    expect(audit.items.map((i) => i.action)).toEqual(
      expect.arrayContaining(['assignment.pairSwapped', 'assignment.pairRemoved', 'assignment.committed']),
    );
  });
});

describe('assignment: organizer conflicts', () => {
  it('a blank reason is named as empty; a conflict with an institution that has not applied is listed by its name', async () => {
    const w = await world(deps, { experts: 1, applications: 0 });
    const { institutionId } = await seedInstitution(deps);
    const name = (await deps.store.get<{ name: string }>(keys.institution(institutionId)))!.name;
    const blank = await errorOf(
      await as(w.cookie, 'POST', `/api/editions/${w.edition.editionId}/conflicts`, {
        userId: w.experts[0]!.userId,
        institutionId,
        reason: '   ',
      }),
    );
    expect(blank.fields).toEqual({ reason: 'To pole nie może być puste.' });
    expect(
      (
        await as(w.cookie, 'POST', `/api/editions/${w.edition.editionId}/conflicts`, {
          userId: w.experts[0]!.userId,
          institutionId,
          reason: 'Były pracownik',
        })
      ).status,
    ).toBe(201);
    const list = (await (await as(w.cookie, 'GET', `/api/editions/${w.edition.editionId}/conflicts`)).json()) as {
      items: { institutionName: string; applicationId: string | null }[];
    };
    expect(list.items).toEqual([expect.objectContaining({ institutionName: name, applicationId: null })]);
  });
});

describe('assignment: review findings', () => {
  it('ids with the key separator are a 4xx naming the field or a 404, never a 500', async () => {
    const w = await world(deps, { experts: 1, applications: 1 });
    const expertCookie = await sessionCookie(deps, w.experts[0]!.userId);
    const body = await errorOf(
      await as(w.cookie, 'POST', `/api/editions/${w.edition.editionId}/conflicts`, {
        userId: 'x#y',
        institutionId: 'a',
        reason: 'Powód',
      }),
    );
    expect(body).toMatchObject({ status: 400, fields: { userId: 'Nieprawidłowy identyfikator.' } });
    expect((await as(w.cookie, 'GET', `/api/editions/a%23b/chapter`)).status).toBe(404);
    expect((await as(w.cookie, 'DELETE', `/api/editions/${w.edition.editionId}/conflicts/a%23b/x`)).status).toBe(404);
    expect(
      (await as(expertCookie, 'PUT', `/api/expert/editions/${w.edition.editionId}/bids/a%23b`, { value: 1 })).status,
    ).toBe(404);
  });

  it('recording a conflict or editing a member moves the head, so a preview computed before it cannot be committed', async () => {
    const w = await world(deps, { experts: 3, applications: 2 });
    const p = await preview(w.cookie, w.edition.editionId);
    // A conflict the proposal does not even touch still outdates it: the commit must not race a change of its inputs.
    const unrelated = await seedInstitution(deps);
    expect(
      (
        await as(w.cookie, 'POST', `/api/editions/${w.edition.editionId}/conflicts`, {
          userId: w.experts[0]!.userId,
          institutionId: unrelated.institutionId,
          reason: 'Były pracownik',
        })
      ).status,
    ).toBe(201);
    expect(
      await errorOf(
        await as(w.cookie, 'POST', `/api/editions/${w.edition.editionId}/assignment/commit`, {
          mode: 'incremental',
          previewId: p.previewId,
        }),
      ),
    ).toMatchObject({ status: 409, code: 'STALE_VERSION' });
    const again = await preview(w.cookie, w.edition.editionId);
    await as(w.cookie, 'PUT', `/api/editions/${w.edition.editionId}/chapter/${w.experts[1]!.userId}`, {
      ...memberInput({ maxLoad: 9 }),
      version: 1,
    });
    expect(
      (
        await as(w.cookie, 'POST', `/api/editions/${w.edition.editionId}/assignment/commit`, {
          mode: 'incremental',
          previewId: again.previewId,
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await as(w.cookie, 'POST', `/api/editions/${w.edition.editionId}/assignment/commit`, {
          mode: 'incremental',
          previewId: (await preview(w.cookie, w.edition.editionId)).previewId,
        })
      ).status,
    ).toBe(200);
  });

  it('a flagged pair does not count towards k: the organizer can add its replacement by hand', async () => {
    const w = await world(deps, { experts: 3, applications: 1 });
    await commit(w.cookie, w.edition.editionId, await preview(w.cookie, w.edition.editionId));
    const app = w.applications[0]!.applicationId;
    const state = (await (await as(w.cookie, 'GET', `/api/editions/${w.edition.editionId}/assignment`)).json()) as {
      applications: { experts: { userId: string }[] }[];
    };
    const [first] = state.applications[0]!.experts;
    const spare = w.experts.find((e) => !state.applications[0]!.experts.some((x) => x.userId === e.userId))!;
    const full = await errorOf(
      await as(w.cookie, 'POST', `/api/editions/${w.edition.editionId}/assignment/pairs`, {
        applicationId: app,
        userId: spare.userId,
      }),
    );
    expect(full.fields.applicationId).toContain('ma już 2 ekspertów');
    expect(
      (
        await as(
          await sessionCookie(deps, first!.userId),
          'POST',
          `/api/expert/editions/${w.edition.editionId}/conflicts`,
          { applicationId: app, reason: 'Sąsiad dyrektora' },
        )
      ).status,
    ).toBe(201);
    const after = (await (await as(w.cookie, 'GET', `/api/editions/${w.edition.editionId}/assignment`)).json()) as {
      short: number;
      flagged: number;
    };
    expect(after).toMatchObject({ short: 1, flagged: 1 });
    expect(
      (
        await as(w.cookie, 'POST', `/api/editions/${w.edition.editionId}/assignment/pairs`, {
          applicationId: app,
          userId: spare.userId,
        })
      ).status,
    ).toBe(201);
  });
});

describe('assignment: experts see only their own', () => {
  it('an expert lists only their own pairs, never another expert; a non-member gets 404; bids only while bidding is open', async () => {
    const w = await world(deps, { experts: 3, applications: 3 });
    await commit(w.cookie, w.edition.editionId, await preview(w.cookie, w.edition.editionId));
    const [me, other] = w.experts as [User, User];
    const cookie = await sessionCookie(deps, me.userId);
    const res = await as(cookie, 'GET', `/api/expert/editions/${w.edition.editionId}/assignments`);
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text).not.toContain(other.userId);
    expect(text).not.toContain(other.email);
    expect((JSON.parse(text) as { items: unknown[] }).items).toHaveLength(2);
    const forbidden = await as(cookie, 'GET', `/api/editions/${w.edition.editionId}/assignment`);
    expect(forbidden.status).toBe(403);
    const { user: stranger } = await seedUser(deps, { role: 'expert' });
    expect(
      (
        await as(
          await sessionCookie(deps, stranger.userId),
          'GET',
          `/api/expert/editions/${w.edition.editionId}/assignments`,
        )
      ).status,
    ).toBe(404);

    const app0 = w.applications[0]!.applicationId;
    const closed = await errorOf(
      await as(cookie, 'PUT', `/api/expert/editions/${w.edition.editionId}/bids/${app0}`, { value: 2 }),
    );
    expect(closed).toMatchObject({ status: 409, code: 'INVALID_STATE' });
    const now = deps.clock.now().getTime();
    const settings = (await (
      await as(w.cookie, 'GET', `/api/editions/${w.edition.editionId}/assignment-settings`)
    ).json()) as { version: number };
    const saved = await as(w.cookie, 'PUT', `/api/editions/${w.edition.editionId}/assignment-settings`, {
      rules: { sameCommune: true, sameCounty: true, affiliation: true, previousEdition: false },
      weights: { bid: 10, preferredCategory: 5 },
      balance: 1,
      bidding: { opensAt: new Date(now - 3600_000).toISOString(), closesAt: new Date(now + 3600_000).toISOString() },
      version: settings.version,
    });
    expect(saved.status).toBe(200);
    expect(
      (await as(cookie, 'PUT', `/api/expert/editions/${w.edition.editionId}/bids/${app0}`, { value: 2 })).status,
    ).toBe(200);
    const badBid = await errorOf(
      await as(cookie, 'PUT', `/api/expert/editions/${w.edition.editionId}/bids/${app0}`, { value: 3 }),
    );
    expect(badBid.fields).toHaveProperty('value');
    const bidding = (await (await as(cookie, 'GET', `/api/expert/editions/${w.edition.editionId}/bidding`)).json()) as {
      window: string;
      items: { applicationId: string; bid: number }[];
    };
    expect(bidding.window).toBe('open');
    expect(bidding.items.find((i) => i.applicationId === app0)?.bid).toBe(2);
    const chapters = (await (await as(cookie, 'GET', '/api/expert/editions')).json()) as {
      items: { editionId: string; load: number }[];
    };
    expect(chapters.items).toContainEqual(expect.objectContaining({ editionId: w.edition.editionId, load: 2 }));
  });
});

describe('assignment: a commit interrupted by DynamoDB leaves the old assignment, never a mix', () => {
  /** A client that fails the n-th TransactWriteItems from the moment it is armed. */
  function failingClient(): { dynamo: DynamoDBClient; failOn: (n: number) => void } {
    const dynamo = localDynamo();
    let countdown = 0;
    dynamo.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'TransactWriteItemsCommand' && countdown > 0 && --countdown === 0) {
          throw Object.assign(new Error('Injected: service unavailable'), {
            name: 'InternalServerError',
            $fault: 'server',
            $metadata: { httpStatusCode: 500 },
          });
        }
        return next(args);
      },
      { step: 'initialize', name: 'injectFailure' },
    );
    return {
      dynamo,
      failOn: (n) => {
        countdown = n;
      },
    };
  }

  it.each([
    ['while writing the new generation', 1],
    ['while moving the head', 2],
  ])('%s', async (_label, n) => {
    const { dynamo, failOn } = failingClient();
    const h = testDeps({ dynamo, tableName: testTableName(), maxBodyBytes: 1024 * 1024 });
    const failingApp = createApp(h);
    const w = await world(h, { experts: 4, applications: 6 });
    await commitAssignment(h, {
      editionId: w.edition.editionId,
      mode: 'incremental',
      previewId: (await previewAssignment(h, { editionId: w.edition.editionId, mode: 'incremental' })).previewId,
      caller: callerFor(w.organizer),
    });
    const old = await currentPairs(w.edition.editionId, h);
    // A full re-run with a bid that changes the optimum, so the new assignment differs from the old.
    await h.store.put({
      ...keys.assignmentSettings(w.edition.editionId),
      entity: 'assignmentSettings',
      rules: { sameCommune: true, sameCounty: true, affiliation: true, previousEdition: false },
      weights: { bid: 50, preferredCategory: 5 },
      balance: 0,
      version: 1,
    });
    const swapFrom = old[0]!.split(':') as [string, string];
    const newcomer = w.experts.find((e) => !old.includes(`${swapFrom[0]}:${e.userId}`))!;
    await h.store.put({
      ...keys.bid(w.edition.editionId, newcomer.userId, swapFrom[0]),
      entity: 'bid',
      userId: newcomer.userId,
      applicationId: swapFrom[0],
      value: 2,
    });
    const p = await preview(w.cookie, w.edition.editionId, 'full', failingApp);
    failOn(n);
    const failed = await as(
      w.cookie,
      'POST',
      `/api/editions/${w.edition.editionId}/assignment/commit`,
      { mode: 'full', previewId: p.previewId },
      failingApp,
    );
    expect(failed.status).toBe(503);
    expect(await currentPairs(w.edition.editionId, h)).toEqual(old);
    // The retry of the same preview succeeds, and leaves one generation behind.
    const retried = await as(
      w.cookie,
      'POST',
      `/api/editions/${w.edition.editionId}/assignment/commit`,
      { mode: 'full', previewId: p.previewId },
      failingApp,
    );
    expect(retried.status).toBe(200);
    const committed = await currentPairs(w.edition.editionId, h);
    expect(committed).toEqual(
      p.applications.flatMap((a) => a.experts.map((x) => `${a.applicationId}:${x.userId}`)).sort(),
    );
    expect(committed).not.toEqual(old);
    // Left behind: the replaced generation (readers may still be on it) and, for a failure while
    // writing, the unreferenced leftovers — young enough that a commit could still be writing them.
    const generations = async () =>
      new Set(
        (
          await h.store.queryAll({
            partitionKey: keys.edition(w.edition.editionId).pk,
            sortKeyPrefix: keys.assignmentPrefix,
          })
        ).map((i) => String(i.generation)),
      );
    const head = await getHead(h.store, w.edition.editionId);
    const left = await generations();
    expect(left.has(head.generation!) && left.has(head.previousGeneration!)).toBe(true);
    // A failed first write leaves nothing (a transaction is all or nothing); a failed head move leaves the written generation.
    expect(left.size).toBe(n === 1 ? 2 : 3);
    // An hour later the next commit deletes everything but its own and the one it replaced.
    h.clock.advance(3_600_000);
    await h.store.put({
      ...keys.bid(w.edition.editionId, newcomer.userId, swapFrom[0]),
      entity: 'bid',
      userId: newcomer.userId,
      applicationId: swapFrom[0],
      value: -2,
    });
    await commitAssignment(h, {
      editionId: w.edition.editionId,
      mode: 'full',
      previewId: (await previewAssignment(h, { editionId: w.edition.editionId, mode: 'full' })).previewId,
      caller: callerFor(w.organizer),
    });
    const last = await getHead(h.store, w.edition.editionId);
    expect(await generations()).toEqual(new Set([last.generation, last.previousGeneration]));
    expect(last.previousGeneration).toBe(head.generation);
  });
});
