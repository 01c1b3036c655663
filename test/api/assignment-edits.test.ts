/** Manual edits (add, swap, remove): the solver's checks, one transaction with the head, audited. */
import { describe, expect, it } from 'vitest';
import { keys } from '../../shared/store/keys';
import { apiHarness, errorOf, sessionCookie } from '../support/accounts';
import { assignmentCalls, assignmentWorld, memberInput } from '../support/assignment';

const harness = apiHarness({ maxBodyBytes: 1024 * 1024 });
const { deps } = harness;
const { as, preview, commit, currentPairs } = assignmentCalls(harness);

describe('assignment: manual edits', () => {
  it('manual add / swap / remove apply the same conflict and load checks, naming the field, and are audited', async () => {
    const w = await assignmentWorld(deps, { experts: 3, applications: 3, maxLoad: 2 });
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

  it('a flagged pair does not count towards k: the organizer can add its replacement by hand', async () => {
    const w = await assignmentWorld(deps, { experts: 3, applications: 1 });
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
