import { describe, expect, it } from 'vitest';
import type { MetricName } from '../../shared/platform/metrics';
import { submitApplication } from '../../shared/applications/submit-application';
import { apiHarness, jsonRequest, seedInstitution, seedUser } from '../support/accounts';
import { callerFor, seedApplication, seedEdition } from '../support/applications';
import { completeSheet, scoringWorld } from '../support/scoring';

/**
 * Issue 19 §5: each business event is counted once, by the use case that made it true (the harness's
 * Metrics records what the cloud writes as EMF lines). Counts are compared before and after, since the
 * worlds these tests build submit applications of their own.
 */
const h = apiHarness({ maxBodyBytes: 64 * 1024 });
const count = (name: MetricName) => h.deps.metrics.counts[name] ?? 0;

async function counted(name: MetricName, act: () => Promise<unknown>): Promise<number> {
  const before = count(name);
  await act();
  return count(name) - before;
}

describe('business metrics', () => {
  it('ApplicationsSubmitted: one per submission; a repeated submit (double click) counts nothing', async () => {
    const edition = await seedEdition(h.deps, { state: 'open' });
    const { member } = await seedInstitution(h.deps);
    let submitted = { applicationId: '', version: 0 };
    expect(
      await counted('ApplicationsSubmitted', async () => {
        submitted = await seedApplication(h.deps, member, edition.editionId, { submit: true });
      }),
    ).toBe(1);
    const again = () =>
      submitApplication(h.deps, {
        applicationId: submitted.applicationId,
        version: submitted.version - 1,
        caller: callerFor(member),
      });
    expect(await counted('ApplicationsSubmitted', again)).toBe(0);
  });

  it('SheetsSubmitted: one per submitted sheet, none for an incomplete one or a repeat', async () => {
    const w = await scoringWorld(h, { experts: 2, applications: 1 });
    const expert = w.experts[0]!;
    const [applicationId] = await w.assignments(expert);
    const base = `/api/expert/editions/${w.edition.editionId}/reviews/${applicationId}`;
    const cookie = w.cookies.get(expert.userId)!;
    const submit = (version: number) => w.as(cookie, 'POST', `${base}/submit`, { version });
    const empty = await w.as(cookie, 'PUT', base, { ...completeSheet(w.edition), scores: {}, version: 0 });
    expect(empty.status).toBe(200);
    expect(await counted('SheetsSubmitted', async () => expect((await submit(1)).status).toBe(400))).toBe(0);
    expect((await w.as(cookie, 'PUT', base, { ...completeSheet(w.edition), version: 1 })).status).toBe(200);
    expect(await counted('SheetsSubmitted', async () => expect((await submit(2)).status).toBe(200))).toBe(1);
    expect(await counted('SheetsSubmitted', async () => expect((await submit(2)).status).toBe(200))).toBe(0);
  });

  it('LoginFailures: one per wrong password or unknown account, none for a good sign-in', async () => {
    const { user, password } = await seedUser(h.deps, { role: 'institution' });
    const login = (email: string, pass: string) =>
      h.app.request(
        '/api/auth/login',
        jsonRequest('POST', { email, password: pass }, { 'x-test-client-address': `198.51.100.${Math.random()}` }),
      );
    expect(
      await counted('LoginFailures', async () => expect((await login(user.email, 'wrong')).status).toBe(401)),
    ).toBe(1);
    expect(
      await counted('LoginFailures', async () =>
        expect((await login(`nobody-${Math.random()}@example.org`, password)).status).toBe(401),
      ),
    ).toBe(1);
    expect(
      await counted('LoginFailures', async () => expect((await login(user.email, password)).status).toBe(200)),
    ).toBe(0);
  });
});
