import { describe, expect, it } from 'vitest';
import { recordSuppression } from '../../shared/mail/suppression-store';
import { createApp } from '../../shared/http/app';
import { apiHarness, jsonRequest, seedUser, sessionCookie, uniqueEmail } from '../support/accounts';
import { countingDynamo, testTableName } from '../support/dynamo';
import { testDeps } from '../support/factories';

/**
 * Issue 19 §4: an address SES reported (a permanent bounce, a complaint) gets no more mail: the api's
 * account mail is skipped and recorded in the audit trail, and the organizer's users list shows it.
 */
interface ListedUserBody {
  userId: string;
  mailSuppression?: { reason: string; bounceSubType?: string; since: string; lastAt: string };
}

const suppress = (deps: ReturnType<typeof apiHarness>['deps'], address: string, reason: 'bounce' | 'complaint') =>
  recordSuppression(deps.store, {
    address: address.toLowerCase(),
    reason,
    ...(reason === 'bounce' ? { bounceSubType: 'General' } : {}),
    at: '2026-02-27T08:00:00.000Z',
    feedbackId: `feedback-${address}`,
  });

describe('mail to a suppressed address', () => {
  it('is skipped and recorded; mail to other addresses still goes out', async () => {
    const { deps, app } = apiHarness();
    const { user: bounced } = await seedUser(deps, { role: 'institution', email: uniqueEmail('Bounced') });
    const { user: fine } = await seedUser(deps, { role: 'institution' });
    const { user: organizer } = await seedUser(deps, { role: 'organizer' });
    await suppress(deps, bounced.email, 'bounce');

    for (const email of [bounced.email, fine.email]) {
      const res = await app.request('/api/auth/password-reset', jsonRequest('POST', { email }));
      expect(res.status).toBe(202); // the caller is not failed
    }
    const outbox = await deps.mail.list();
    expect(outbox.filter((m) => m.to === bounced.email)).toEqual([]);
    expect(outbox.filter((m) => m.to === fine.email)).toHaveLength(1);

    // The organizer sees the skip in the audit trail, under the address.
    const cookie = await sessionCookie(deps, organizer.userId);
    const audit = await app.request(
      `/api/audit?subjectType=email&subjectId=${encodeURIComponent(bounced.email.toLowerCase())}`,
      { headers: { cookie } },
    );
    expect(audit.status).toBe(200);
    const entries = ((await audit.json()) as { items: { action: string; details?: Record<string, unknown> }[] }).items;
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'mail.skippedSuppressed',
        details: expect.objectContaining({ reason: 'bounce', suppressedSince: '2026-02-27T08:00:00.000Z' }),
      }),
    ]);
    // The log line names the address only masked.
    const skipLog = deps.logger.lines.find((l) => l.msg === 'mail skipped: address suppressed');
    expect(skipLog?.recipient).toBe(`b***@example.org`);
  });
});

describe("organizer's users list", () => {
  it('shows which accounts are suppressed (reason, since), reading the page’s suppressions in one BatchGet', async () => {
    const { client, calls } = countingDynamo();
    const deps = testDeps({ dynamo: client, tableName: testTableName() });
    const app = createApp(deps);
    const { user: organizer } = await seedUser(deps, { role: 'organizer' });
    const { user: complained } = await seedUser(deps, { role: 'expert' });
    const { user: bounced } = await seedUser(deps, { role: 'expert' });
    const { user: fine } = await seedUser(deps, { role: 'expert' });
    await suppress(deps, complained.email, 'complaint');
    await suppress(deps, bounced.email, 'bounce');
    const cookie = await sessionCookie(deps, organizer.userId);

    // Other files add experts to the same table: page through until all three are seen.
    const seen = new Map<string, ListedUserBody>();
    let cursor: string | null = null;
    do {
      calls.length = 0;
      const url: string = `/api/users?role=expert&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await app.request(url, { headers: { cookie } });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { items: ListedUserBody[]; cursor: string | null };
      for (const item of body.items) seen.set(item.userId, item);
      cursor = body.cursor;
      // After the session's read and the list's Query: the page's suppressions in one BatchGet, no read per user.
      expect(calls.slice(calls.indexOf('Query') + 1)).toEqual(['BatchGetItem']);
    } while (cursor && ![complained, bounced, fine].every((u) => seen.has(u.userId)));

    expect(seen.get(complained.userId)?.mailSuppression).toEqual({
      reason: 'complaint',
      since: '2026-02-27T08:00:00.000Z',
      lastAt: '2026-02-27T08:00:00.000Z',
    });
    expect(seen.get(bounced.userId)?.mailSuppression).toMatchObject({ reason: 'bounce', bounceSubType: 'General' });
    expect(seen.get(fine.userId)).toBeDefined();
    expect(seen.get(fine.userId)?.mailSuppression).toBeUndefined();
  });
});
