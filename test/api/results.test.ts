import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { listAuditOfSubject } from '../../shared/audit/audit-store';
import { findInstitution } from '../../shared/institutions/institution-store';
import { listVersions } from '../../shared/results/results-store';
import { apiHarness, errorOf, seedUser, sessionCookie } from '../support/accounts';
import { type ResultsWorld, resultsWorld } from '../support/results';

const h = apiHarness({ maxBodyBytes: 64 * 1024 });

interface Row {
  applicationId: string;
  name: string;
  percent: number;
  place: number;
  computed: string;
  outcome: string;
  raw: { percent: number; sheets: number };
  calibrated: { percent: number };
  decision: { version: number; reason?: string } | null;
}
interface View {
  deliberation: { version: number; locked?: unknown; published?: { version: number; sha256: string } };
  categories: { category: { code: string }; rows: Row[] }[];
  counts: { laureates: number; notAwarded: number; overridden: number };
  versions: { version: number }[];
}

function calls(w: ResultsWorld) {
  const base = `/api/editions/${w.edition.editionId}/results`;
  return {
    view: async () => {
      const res = await w.as(w.cookie, 'GET', base);
      expect(res.status).toBe(200);
      return (await res.json()) as View;
    },
    decide: (applicationId: string, body: Record<string, unknown>) =>
      w.as(w.cookie, 'PUT', `${base}/decisions/${applicationId}`, body),
    lock: (version: number) => w.as(w.cookie, 'POST', `${base}/lock`, { version }),
    unlock: (version: number) => w.as(w.cookie, 'POST', `${base}/unlock`, { version }),
    publish: (version: number) => w.as(w.cookie, 'POST', `${base}/publish`, { version }),
    method: (body: Record<string, unknown>) => w.as(w.cookie, 'PUT', `${base}/method`, body),
    correct: (body: Record<string, unknown>) => w.as(w.cookie, 'POST', `${base}/corrections`, body),
    publicGet: (path: string) => w.as('', 'GET', path),
  };
}

const rowsOf = (v: View) => v.categories.flatMap((c) => c.rows);
const sha = (value: unknown) => createHash('sha256').update(canonicalize(value)!, 'utf8').digest('hex');

describe('deliberation (issue 14 §1, §3)', () => {
  it('ranks the scored applications with raw and calibrated results side by side and the computed outcome', async () => {
    const w = await resultsWorld(h, { scores: [9, 6, 3] });
    const view = await calls(w).view();
    const rows = rowsOf(view);
    expect(rows.map((r) => r.applicationId)).toEqual(w.applications.map((a) => a.applicationId));
    expect(rows.map((r) => r.place)).toEqual([1, 2, 3]);
    expect(rows.map((r) => r.computed)).toEqual(['laureate', 'notAwarded', 'notAwarded']);
    expect(rows.every((r) => r.raw.sheets === 2)).toBe(true);
    expect(rows[0]!.percent).toBeGreaterThanOrEqual(75);
    expect(rows[1]!.percent).toBeLessThan(75);
    expect(rows.every((r) => typeof r.calibrated.percent === 'number')).toBe(true);
    expect(view.counts).toMatchObject({ laureates: 1, notAwarded: 2, overridden: 0 });
  });

  it('an override needs a written reason; with one it is recorded, audited and counted', async () => {
    const w = await resultsWorld(h, { scores: [9, 6, 3] });
    const c = calls(w);
    const second = w.applications[1]!.applicationId;
    const refused = await errorOf(await c.decide(second, { outcome: 'laureate', version: 0 }));
    expect(refused).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(Object.keys(refused.fields)).toEqual(['reason']);
    const ok = await c.decide(second, { outcome: 'distinction', reason: 'Wzorowa obsługa osób głuchych.', version: 0 });
    expect(ok.status).toBe(200);
    const view = await c.view();
    const row = rowsOf(view).find((r) => r.applicationId === second)!;
    expect(row.outcome).toBe('distinction');
    expect(row.decision?.reason).toBe('Wzorowa obsługa osób głuchych.');
    expect(view.counts.overridden).toBe(1);
    // A stale tab (version 0 again) is refused; nothing is overwritten.
    expect((await errorOf(await c.decide(second, { outcome: 'notAwarded', version: 0 }))).code).toBe('STALE_VERSION');
    const audit = await listAuditOfSubject(h.deps.store, { type: 'application', id: second }, { limit: 10 });
    expect(audit.items.map((e) => e.action)).toContain('results.decided');
  });

  it('publication is refused until the decisions are locked; locked decisions cannot change', async () => {
    const w = await resultsWorld(h, { scores: [9, 6, 3] });
    const c = calls(w);
    const early = await errorOf(await c.publish(0));
    expect(early).toMatchObject({ status: 409, code: 'INVALID_STATE' });
    expect(early.message).toMatch(/not locked|nie są zatwierdzone/);
    const locked = await c.lock(0);
    expect(locked.status).toBe(200);
    // The lock names the organizer by name (the UI's "zatwierdzone … (Name)"), the e-mail kept beside it for the audit trail.
    expect(((await locked.json()) as { locked?: { by: unknown } }).locked?.by).toEqual({
      userId: w.organizer.userId,
      label: w.organizer.email,
      name: w.organizer.displayName,
    });
    const blocked = await errorOf(
      await c.decide(w.applications[2]!.applicationId, { outcome: 'laureate', reason: 'x', version: 0 }),
    );
    expect(blocked).toMatchObject({ status: 409, code: 'INVALID_STATE' });
    expect((await errorOf(await c.method({ aggregation: 'median', basis: 'raw', version: 1 }))).code).toBe(
      'INVALID_STATE',
    );
    // Unlock, then the decision goes through.
    expect((await c.unlock(1)).status).toBe(200);
    expect((await c.decide(w.applications[2]!.applicationId, { outcome: 'notAwarded', version: 0 })).status).toBe(200);
  });

  it('the edition state route does not publish: results are published from the results tab', async () => {
    const w = await resultsWorld(h, { scores: [9] });
    const res = await w.as(w.cookie, 'POST', `/api/editions/${w.edition.editionId}/transitions`, {
      to: 'published',
      version: w.edition.version,
    });
    expect((await errorOf(res)).code).toBe('INVALID_STATE');
  });

  it('the method choice is audited and changes which result decides', async () => {
    const w = await resultsWorld(h, { scores: [8, 7, 2], offsets: [-2, 0, 2] });
    const c = calls(w);
    const res = await c.method({ aggregation: 'median', basis: 'calibrated', version: 0 });
    expect(res.status).toBe(200);
    const view = await c.view();
    expect(view.deliberation).toMatchObject({ version: 1 });
    expect(rowsOf(view).every((r) => r.percent === r.calibrated.percent)).toBe(true);
    const audit = await listAuditOfSubject(h.deps.store, { type: 'edition', id: w.edition.editionId }, { limit: 10 });
    const entry = audit.items.find((e) => e.action === 'results.methodChanged');
    expect(entry?.after).toEqual({ aggregation: 'median', basis: 'calibrated' });
  });
});

describe('the chapter chair (issue 14 §3)', () => {
  it('reads the deliberation table; other experts do not, and the chair cannot decide', async () => {
    const w = await resultsWorld(h, { scores: [9, 6] });
    const { seedChapterExpert } = await import('../support/assignment');
    const chair = await seedChapterExpert(h.deps, w.edition.editionId, w.organizer, { chair: true, maxLoad: 0 });
    const chairCookie = await sessionCookie(h.deps, chair.userId);
    const base = `/api/editions/${w.edition.editionId}/results`;
    const read = await w.as(chairCookie, 'GET', base);
    expect(read.status).toBe(200);
    expect(rowsOf((await read.json()) as View).length).toBe(2);
    const member = w.cookies.get(w.experts[0]!.userId)!;
    expect((await w.as(member, 'GET', base)).status).toBe(404);
    const decide = await w.as(chairCookie, 'PUT', `${base}/decisions/${w.applications[1]!.applicationId}`, {
      outcome: 'laureate',
      reason: 'Głos przewodniczącego.',
      version: 0,
    });
    expect(decide.status).toBe(403);
  });
});

describe('publication (issue 14 §4–§6)', () => {
  async function published(scores = [9, 6, 3]) {
    const w = await resultsWorld(h, { scores });
    const c = calls(w);
    expect((await c.lock(0)).status).toBe(200);
    return { w, c };
  }

  it('two concurrent publishes make one snapshot; both answer its hash', async () => {
    const { w, c } = await published();
    const [a, b] = await Promise.all([c.publish(1), c.publish(1)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const bodies = (await Promise.all([a.json(), b.json()])) as { sha256: string; created: boolean; version: number }[];
    expect(bodies[0]!.sha256).toBe(bodies[1]!.sha256);
    expect(bodies.map((x) => x.created).sort()).toEqual([false, true]);
    expect((await listVersions(h.deps.store, w.edition.editionId)).length).toBe(1);
    // A third click later: the same version, nothing new.
    const again = (await (await c.publish(1)).json()) as { created: boolean; version: number };
    expect(again).toMatchObject({ created: false, version: 1 });
  });

  it('the public record holds laureates only, its hash recomputes, and non-laureates appear in no public answer', async () => {
    const { w, c } = await published();
    const pub = (await (await c.publish(1)).json()) as { sha256: string };
    const laureate = w.applications[0]!;
    const others = w.applications.slice(1).map((a) => a.institution.name);
    const list = await c.publicGet('/api/public/results');
    expect(list.status).toBe(200);
    expect(list.headers.get('cache-control')).toMatch(/public/);
    const one = await c.publicGet(`/api/public/results/${w.edition.editionId}`);
    const body = (await one.json()) as {
      sha256: string;
      snapshot: { categories: { laureates: { name: string; town: string; place: number }[] }[] };
    };
    expect(body.sha256).toBe(pub.sha256);
    expect(sha(body.snapshot)).toBe(body.sha256);
    const laureates = body.snapshot.categories.flatMap((x) => x.laureates);
    const town = (await findInstitution(h.deps.store, laureate.institutionId))!.address.city;
    expect(laureates).toEqual([expect.objectContaining({ name: laureate.institution.name, town, place: 1 })]);
    const texts = [
      await (await c.publicGet('/api/public/results')).text(),
      await (await c.publicGet(`/api/public/results/${w.edition.editionId}`)).text(),
      await (await c.publicGet(`/api/public/results/${w.edition.editionId}/versions/1`)).text(),
    ];
    for (const text of texts) for (const name of others) expect(text).not.toContain(name);
    expect(texts[1]).toContain(laureate.institution.name);
  });

  it('each institution reads its own result (laureate with its fee, others their feedback and medians), nobody else’s', async () => {
    const { w, c } = await published();
    await c.publish(1);
    await h.deps.jobs.drain();
    const [first, second] = w.applications;
    const clerk = await seedUser(h.deps, { role: 'institution', institutionId: first!.institutionId });
    const clerk2 = await seedUser(h.deps, { role: 'institution', institutionId: second!.institutionId });
    const cookie1 = await sessionCookie(h.deps, clerk.user.userId);
    const cookie2 = await sessionCookie(h.deps, clerk2.user.userId);
    const own = (await (await w.as(cookie1, 'GET', `/api/applications/${first!.applicationId}/result`)).json()) as {
      status: string;
      result: {
        outcome: string;
        fee: { net: number; gross: number; vat: number };
        areas: { editionMedian: number }[];
        feedback: string[];
      };
    };
    expect(own.status).toBe('ready');
    expect(own.result.outcome).toBe('laureate');
    expect(own.result.fee.gross).toBe(own.result.fee.net + own.result.fee.vat);
    const theirs = (await (await w.as(cookie2, 'GET', `/api/applications/${second!.applicationId}/result`)).json()) as {
      result: {
        outcome: string;
        fee?: unknown;
        areas: { percent: number; editionMedian: number }[];
        feedback: string[];
      };
    };
    expect(theirs.result.outcome).toBe('notAwarded');
    expect(theirs.result.fee).toBeUndefined();
    expect(theirs.result.areas.length).toBe(w.edition.rubric.areas.length);
    expect(theirs.result.feedback).toEqual(['Opinia eksperta o zgłoszeniu 2.', 'Opinia eksperta o zgłoszeniu 2.']);
    // Another institution's result answers like a missing one.
    expect((await w.as(cookie2, 'GET', `/api/applications/${first!.applicationId}/result`)).status).toBe(404);
    const history = (await (
      await w.as(cookie1, 'GET', `/api/institutions/${first!.institutionId}/results`)
    ).json()) as {
      items: { outcome: string; place: number; movement: number | null }[];
    };
    expect(history.items).toEqual([expect.objectContaining({ outcome: 'laureate', place: 1, movement: null })]);
    // Every applicant is mailed once, laureates with other words than the others.
    const mails = await h.deps.mail.list();
    for (const a of w.applications) {
      const to = (await findInstitution(h.deps.store, a.institutionId))!.contactPerson.email;
      const mine = mails.filter((m) => m.to === to && m.text.includes(a.institution.name));
      expect(mine.length).toBe(1);
      expect(mine[0]!.subject).toMatch(a === first ? /Gratulacje/ : /^Wyniki konkursu/);
    }
    // The job run again mails nobody twice.
    await h.deps.jobs.send({ type: 'results.published', editionId: w.edition.editionId, version: 1 });
    await h.deps.jobs.drain();
    expect((await h.deps.mail.list()).length).toBe(mails.length);
  });

  it('a correction is version 2 naming version 1 and the reason; version 1 stays readable and unchanged', async () => {
    const { w, c } = await published();
    const v1 = (await (await c.publish(1)).json()) as { sha256: string };
    await h.deps.jobs.drain();
    const before = (await h.deps.mail.list()).length;
    const view = await c.view();
    const third = w.applications[2]!;
    const res = await c.correct({
      version: view.deliberation.version,
      reason: 'Błąd w zestawieniu: pominięto wyróżnienie.',
      decisions: [{ applicationId: third.applicationId, outcome: 'distinction', reason: 'Dostępność cyfrowa.' }],
    });
    expect(res.status).toBe(201);
    const v2 = (await res.json()) as { version: number; sha256: string };
    expect(v2.version).toBe(2);
    const latest = (await (await c.publicGet(`/api/public/results/${w.edition.editionId}`)).json()) as {
      snapshot: {
        version: number;
        previous: { version: number; sha256: string; reason: string };
        categories: { distinctions: { name: string }[] }[];
      };
      versions: { version: number }[];
    };
    expect(latest.snapshot.previous).toEqual({
      version: 1,
      sha256: v1.sha256,
      reason: 'Błąd w zestawieniu: pominięto wyróżnienie.',
    });
    expect(latest.snapshot.categories.flatMap((x) => x.distinctions.map((d) => d.name))).toEqual([
      third.institution.name,
    ]);
    expect(latest.versions.map((v) => v.version)).toEqual([1, 2]);
    const old = (await (await c.publicGet(`/api/public/results/${w.edition.editionId}/versions/1`)).json()) as {
      sha256: string;
      superseded: boolean;
      snapshot: unknown;
    };
    expect(old).toMatchObject({ sha256: v1.sha256, superseded: true });
    expect(sha(old.snapshot)).toBe(v1.sha256);
    // Only the institution whose outcome changed is mailed about the correction.
    await h.deps.jobs.drain();
    const to = (await findInstitution(h.deps.store, third.institutionId))!.contactPerson.email;
    const toThird = (await h.deps.mail.list()).filter((m) => m.to === to && m.text.includes(third.institution.name));
    expect(toThird.map((m) => m.subject).sort()).toEqual([
      expect.stringMatching(/^Wyniki konkursu/),
      expect.stringMatching(/^Wyróżnienie/),
    ]);
    expect((await h.deps.mail.list()).length).toBe(before + 1);
  });

  it('the fee list export has Polish headers, `;` and a BOM', async () => {
    const { w, c } = await published();
    await c.publish(1);
    await h.deps.jobs.drain();
    const req = await w.as(w.cookie, 'POST', `/api/editions/${w.edition.editionId}/exports`, { format: 'fees-csv' });
    expect(req.status).toBe(202);
    const { exportId } = (await req.json()) as { exportId: string };
    await h.deps.jobs.drain();
    const file = await w.as(w.cookie, 'GET', `/api/editions/${w.edition.editionId}/exports/${exportId}/file`);
    expect(file.status).toBe(200);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await file.arrayBuffer());
    expect(text.startsWith('\uFEFFInstytucja;NIP;Miejscowość;')).toBe(true);
    const lines = text.trim().split('\r\n');
    expect(lines.length).toBe(2);
    expect(lines[1]).toContain(w.applications[0]!.institution.name);
  });
});

describe('results settings (issue 14 §2)', () => {
  it('category groups are checked on save: a type in two groups is a 400 naming the field; valid groups are kept', async () => {
    const { seedEdition } = await import('../support/applications');
    const { user } = await seedUser(h.deps, { role: 'organizer' });
    const cookie = await sessionCookie(h.deps, user.userId);
    const edition = await seedEdition(h.deps, { state: 'draft' });
    const {
      editionId: _id,
      state: _s,
      rubric: _r,
      questionnaire: _q,
      createdAt: _c,
      updatedAt: _u,
      version,
      ...settings
    } = edition;
    const group = (code: string, types: string[]) => ({ code, name: { pl: code, en: code }, types });
    const put = (results: unknown) =>
      h.app.request(`/api/editions/${edition.editionId}`, {
        method: 'PUT',
        headers: { cookie, 'content-type': 'application/json', origin: 'https://konkurs.example.org' },
        body: JSON.stringify({ ...settings, results, version }),
      });
    const twice = {
      categories: { by: 'types', groups: [group('G1', ['municipal_office']), group('G2', ['municipal_office'])] },
      publishScores: false,
      aggregation: 'mean',
    };
    const bad = await errorOf(await put(twice));
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.fields)).toEqual(['results.categories.groups.1.types.0']);
    const good = { ...twice, categories: { by: 'types', groups: [group('G1', ['municipal_office'])] } };
    const saved = await put(good);
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as { results: unknown }).results).toEqual(good);
  });
});
