/** What experts see: only their own pairs, bids and chapters. */
import { describe, expect, it } from 'vitest';
import type { User } from '../../shared/accounts/user';
import { apiHarness, errorOf, seedUser, sessionCookie } from '../support/accounts';
import { assignmentCalls, assignmentWorld } from '../support/assignment';

const harness = apiHarness({ maxBodyBytes: 1024 * 1024 });
const { deps } = harness;
const { as, preview, commit } = assignmentCalls(harness);

describe('assignment: experts see only their own', () => {
  it('an expert lists only their own pairs, never another expert; a non-member gets 404; bids only while bidding is open', async () => {
    const w = await assignmentWorld(deps, { experts: 3, applications: 3 });
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
