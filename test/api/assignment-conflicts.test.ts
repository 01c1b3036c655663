/** Conflicts of interest: declared by an expert (the pair is flagged and replaced), set and lifted by the organizer. */
import { describe, expect, it } from 'vitest';
import { keys } from '../../shared/store/keys';
import { apiHarness, errorOf, seedInstitution, sessionCookie } from '../support/accounts';
import { assignmentCalls, assignmentWorld, memberInput } from '../support/assignment';

const harness = apiHarness({ maxBodyBytes: 1024 * 1024 });
const { deps } = harness;
const { as, preview, commit, currentPairs } = assignmentCalls(harness);

describe('assignment: conflicts', () => {
  it('a declared conflict flags the pair, and the incremental re-run replaces only that expert', async () => {
    const w = await assignmentWorld(deps, { experts: 4, applications: 6 });
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

  it('a blank reason is named as empty; a conflict with an institution that has not applied is listed by its name', async () => {
    const w = await assignmentWorld(deps, { experts: 1, applications: 0 });
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

  it('ids with the key separator are a 4xx naming the field or a 404, never a 500', async () => {
    const w = await assignmentWorld(deps, { experts: 1, applications: 1 });
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
    const w = await assignmentWorld(deps, { experts: 3, applications: 2 });
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
});
