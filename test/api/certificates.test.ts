import { strFromU8, unzipSync } from 'fflate';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { listAuditOfSubject } from '../../shared/audit/audit-store';
import type { Certificate } from '../../shared/certificates/certificate';
import { newCertificateCode } from '../../shared/certificates/certificate-code';
import { certificateBlobKey } from '../../shared/certificates/certificate-files';
import { findCertificate, findPointer, insertCertificates } from '../../shared/certificates/certificate-store';
import { certificateWorkerDeps } from '../../shared/certificates/certificate-worker-deps';
import { readBakedCredential } from '../../shared/certificates/emblem';
import { processCertificateJob, renderFiles } from '../../shared/certificates/process-certificate-job';
import { editionItem, getEdition } from '../../shared/editions/edition-store';
import { keys } from '../../shared/store/keys';
import { apiHarness, errorOf, seedUser, sessionCookie } from '../support/accounts';
import { certificateData } from '../support/credential-fixtures';
import { testSigner } from '../support/factories';
import { decodeQr, pdfText, poppler } from '../support/pdf';
import { type ResultsWorld, resultsWorld } from '../support/results';

const h = apiHarness({ maxBodyBytes: 64 * 1024 });
const clock = h.deps.clock as typeof h.deps.clock & { set(t: string): void };

interface Summary {
  code: string;
  certificateNumber: string;
  applicationId: string;
  institution: { name: string; town: string };
  status: string;
  validUntil: string;
  verifyUrl: string;
  supersededBy?: string;
  replaces?: string;
  revoked?: { at: string; reason: string };
  error?: string;
}
interface Overview {
  eligible: number;
  published: boolean;
  signatoriesMissing: boolean;
  counts: Record<string, number>;
  certificates: Summary[];
}

const signatories = [
  { name: 'prof. dr hab. Żaneta Śliwińska', role: 'Przewodnicząca Kapituły' },
  { name: 'Łukasz Źródłowski', role: 'Organizator konkursu' },
];

/** A published edition: two laureates (90 %, 80 %) and one not awarded; signatories set unless told. */
async function publishedWorld(options: { signatories?: boolean } = {}) {
  clock.set('2026-03-01T10:00:00.000Z');
  const w = await resultsWorld(h, { scores: [9, 8, 3] });
  const base = `/api/editions/${w.edition.editionId}/results`;
  expect((await w.as(w.cookie, 'POST', `${base}/lock`, { version: 0 })).status).toBe(200);
  expect((await w.as(w.cookie, 'POST', `${base}/publish`, { version: 1 })).status).toBe(200);
  await h.deps.jobs.drain();
  if (options.signatories !== false) {
    const edition = await getEdition(h.deps.store, w.edition.editionId);
    await h.deps.store.put(editionItem({ ...edition, certificates: { signatories }, version: edition.version + 1 }));
  }
  return { w, ...calls(w) };
}

function calls(w: ResultsWorld) {
  const base = `/api/editions/${w.edition.editionId}/certificates`;
  return {
    issue: () => w.as(w.cookie, 'POST', base, {}),
    overview: async () => {
      const res = await w.as(w.cookie, 'GET', base);
      expect(res.status).toBe(200);
      return (await res.json()) as Overview;
    },
    revoke: (code: string, reason: string, cookie = w.cookie) =>
      w.as(cookie, 'POST', `/api/certificates/${code}/revoke`, { reason }),
    reissue: (code: string, reason: string) => w.as(w.cookie, 'POST', `/api/certificates/${code}/reissue`, { reason }),
    verify: (code: string, address = '198.51.100.7') =>
      h.app.request(`/api/public/certificates/${code}`, { headers: { 'x-test-client-address': address } }),
    file: (cookie: string, applicationId: string, file: string) =>
      w.as(cookie, 'GET', `/api/applications/${applicationId}/certificate/files/${file}`),
  };
}

async function issued() {
  const world = await publishedWorld();
  const countedBefore = h.deps.metrics.counts.CertificatesIssued ?? 0;
  const res = await world.issue();
  expect(res.status).toBe(202);
  await h.deps.jobs.drain();
  expect(h.deps.jobs.deadLetters).toEqual([]);
  const overview = await world.overview();
  // Each rendered certificate is counted once (issue 19 §5's CertificatesIssued metric).
  expect((h.deps.metrics.counts.CertificatesIssued ?? 0) - countedBefore).toBe(overview.counts.issued);
  return { ...world, overview };
}

async function institutionCookie(w: ResultsWorld, index: number) {
  const { user } = await seedUser(h.deps, { role: 'institution', institutionId: w.applications[index]!.institutionId });
  return sessionCookie(h.deps, user.userId);
}

const bytes = async (res: Response) => new Uint8Array(await res.arrayBuffer());

describe('issuing (issue 15 §3)', () => {
  it('is refused before publication and while the signatories are missing, naming the field', async () => {
    clock.set('2026-03-01T10:00:00.000Z');
    const early = await resultsWorld(h, { scores: [9, 3] });
    const notYet = await errorOf(await calls(early).issue());
    expect(notYet).toMatchObject({ status: 409, code: 'INVALID_STATE' });

    const { issue, overview } = await publishedWorld({ signatories: false });
    expect((await overview()).signatoriesMissing).toBe(true);
    const missing = await errorOf(await issue());
    expect(missing).toMatchObject({ status: 409, code: 'INVALID_STATE' });
    expect(Object.keys(missing.fields)).toEqual(['certificates.signatories']);
    expect((await overview()).certificates).toEqual([]);
  });

  it('the signatories can be set after publication (versioned); then issuing works', async () => {
    const world = await publishedWorld({ signatories: false });
    const path = `/api/editions/${world.w.edition.editionId}/certificates/signatories`;
    const edition = await getEdition(h.deps.store, world.w.edition.editionId);
    expect(edition.state).toBe('published');
    const empty = await errorOf(
      await world.w.as(world.w.cookie, 'PUT', path, { signatories: [], version: edition.version }),
    );
    expect(empty).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    const ok = await world.w.as(world.w.cookie, 'PUT', path, { signatories, version: edition.version });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { certificates: unknown }).certificates).toEqual({ signatories });
    const stale = await world.w.as(world.w.cookie, 'PUT', path, { signatories, version: edition.version });
    expect(stale.status).toBe(409);
    expect((await world.issue()).status).toBe(202);
  });

  it('issues one certificate per laureate, numbered in the published order, rendered by the worker', async () => {
    const { w, overview } = await issued();
    expect(overview.eligible).toBe(2);
    expect(overview.counts).toMatchObject({ issued: 2, pending: 0, failed: 0 });
    const [first, second] = overview.certificates;
    expect(first!.certificateNumber).toBe(`PU/${w.edition.year}/0001`);
    expect(second!.certificateNumber).toBe(`PU/${w.edition.year}/0002`);
    expect(first!.applicationId).toBe(w.applications[0]!.applicationId);
    expect(first!.verifyUrl).toBe(`https://konkurs.example.org/weryfikacja/${first!.code}`);
    expect(first!.code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z*~$=]{4}$/);
  });

  it('issuing again (a double click, two tabs) mints nothing new: same codes, numbers and files', async () => {
    const world = await publishedWorld();
    const [a, b] = await Promise.all([world.issue(), world.issue()]);
    expect([a.status, b.status]).toEqual([202, 202]);
    await h.deps.jobs.drain();
    const once = await world.overview();
    expect(once.certificates).toHaveLength(2);
    expect(new Set(once.certificates.map((c) => c.certificateNumber)).size).toBe(2);
    const cert = (await findCertificate(h.deps.store, once.certificates[0]!.code))!;
    const stored = await h.deps.blobs.certificates.get(certificateBlobKey(cert, 'pdf'));

    expect((await world.issue()).status).toBe(202);
    await h.deps.jobs.drain();
    const twice = await world.overview();
    expect(twice.certificates.map((c) => [c.code, c.certificateNumber])).toEqual(
      once.certificates.map((c) => [c.code, c.certificateNumber]),
    );
    // Regeneration from the stored record gives byte-identical files.
    const again = await renderFiles(certificateWorkerDeps(h.deps, testSigner, h.deps.settings.publicOrigin), cert);
    expect(Buffer.from(again.pdf).equals(Buffer.from(stored!.body))).toBe(true);
    const audit = await listAuditOfSubject(
      h.deps.store,
      { type: 'edition', id: world.w.edition.editionId },
      { limit: 50 },
    );
    expect(audit.items.filter((e) => e.action === 'certificates.issued')).toHaveLength(1);
  });

  it('a failed rendering is recorded and shown; issuing again queues it and it is issued', async () => {
    const world = await publishedWorld();
    // Write a pending certificate as the issue request would, then run the job with a broken renderer.
    const edition = await getEdition(h.deps.store, world.w.edition.editionId);
    const app = world.w.applications[0]!;
    const code = newCertificateCode(new Uint8Array(16).fill(7));
    const pending: Certificate = {
      code,
      editionId: edition.editionId,
      applicationId: app.applicationId,
      institutionId: app.institutionId,
      issueNo: 1,
      certificateNumber: `PU/${edition.year}/0001`,
      seq: 1,
      data: certificateData({
        code,
        verifyUrl: `https://konkurs.example.org/weryfikacja/${code}`,
        edition: { name: edition.name, number: edition.number, year: edition.year },
        issuedAt: '2026-03-01T10:00:00.000Z',
        validUntil: '2027-03-01T10:00:00.000Z',
        certificateNumber: `PU/${edition.year}/0001`,
      }),
      status: 'pending',
      attempts: 0,
      createdAt: '2026-03-01T10:00:00.000Z',
      requestedBy: { label: 'organizer' },
      version: 1,
    };
    await insertCertificates(h.deps, {
      editionId: edition.editionId,
      expected: 1,
      certificates: [pending],
      audit: {
        action: 'certificates.issued',
        actor: { label: 'test' },
        subject: { type: 'edition', id: edition.editionId },
      },
    });
    const broken = {
      ...certificateWorkerDeps(h.deps, testSigner, h.deps.settings.publicOrigin),
      renderer: () => Promise.reject(new Error('font file missing')),
    };
    await expect(
      processCertificateJob(broken, {
        editionId: edition.editionId,
        applicationId: app.applicationId,
        code,
        requestedAt: '2026-03-01T10:00:00.000Z',
        requestedBy: 'organizer',
      }),
    ).rejects.toThrow('font file missing');
    const failed = (await world.overview()).certificates.find((c) => c.code === code)!;
    expect(failed).toMatchObject({ status: 'failed', error: 'font file missing' });

    expect((await world.issue()).status).toBe(202);
    await h.deps.jobs.drain();
    const after = await world.overview();
    expect(after.certificates.find((c) => c.code === code)?.status).toBe('issued');
    expect(after.counts).toMatchObject({ issued: 2, failed: 0 });
  });
});

describe('the files (issue 15 §1, §2, §6)', () => {
  it.runIf(poppler)('the institution downloads its PDF: exact Polish name, QR to the verification URL', async () => {
    const { w, overview, file } = await issued();
    const own = overview.certificates[0]!;
    const cookie = await institutionCookie(w, 0);
    const res = await file(cookie, own.applicationId, 'pdf');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(
      `certyfikat-${own.certificateNumber.replace(/\//g, '-')}.pdf`,
    );
    const pdf = await bytes(res);
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(1);
    const text = pdfText(pdf, false);
    expect(text).toContain(own.institution.name);
    expect(text).toContain(own.certificateNumber);
    expect(text).toContain('Żaneta Śliwińska');
    expect(decodeQr(pdf)).toBe(own.verifyUrl);
    const en = await bytes(await file(cookie, own.applicationId, 'pdf-en'));
    expect(pdfText(en, false)).toContain('CERTIFICATE');
    expect(decodeQr(en)).toBe(own.verifyUrl.replace('/weryfikacja/', '/en/verify/'));
  });

  it('the Open Badge verifies with jose against the JWKS the platform serves, and names the status list', async () => {
    const { w, overview, file } = await issued();
    const own = overview.certificates[0]!;
    const cookie = await institutionCookie(w, 0);
    const jwt = new TextDecoder().decode(await bytes(await file(cookie, own.applicationId, 'credential-jwt')));
    const jwksRes = await h.app.request('/api/public/credentials/jwks');
    expect(jwksRes.status).toBe(200);
    const jwks = (await jwksRes.json()) as { keys: { kid: string }[] };
    const { kid } = decodeProtectedHeader(jwt);
    expect(jwks.keys.map((k) => k.kid)).toContain(kid);
    // The kid is a URL that answers the key itself (OB 3.0 §8.2).
    const one = await h.app.request(new URL(kid!).pathname);
    expect(one.status).toBe(200);
    expect(((await one.json()) as { kid: string }).kid).toBe(kid);

    const { payload } = await jwtVerify(jwt, createLocalJWKSet(jwks as never), {
      currentDate: new Date('2026-06-01T00:00:00Z'),
    });
    expect(payload['@context']).toContain('https://www.w3.org/ns/credentials/v2');
    expect(payload.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    const credential = payload as unknown as {
      issuer: { id: string; type: string[] };
      validFrom: string;
      validUntil: string;
      credentialSubject: { achievement: { criteria: { narrative: string }; type: string[] } };
      credentialStatus: { id: string; type: string };
    };
    expect(credential.issuer.type).toContain('Profile');
    expect(credential.validUntil).toBe(own.validUntil);
    expect(credential.credentialSubject.achievement.type).toContain('Achievement');
    expect(credential.credentialSubject.achievement.criteria.narrative.length).toBeGreaterThan(10);
    expect(credential.credentialStatus.type).toBe('1EdTechRevocationList');
    const issuer = await h.app.request(new URL(credential.issuer.id).pathname);
    expect(issuer.status).toBe(200);

    // A tampered credential does not verify.
    const [head, body, sig] = jwt.split('.');
    const forged = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8'));
    forged.validUntil = '2099-01-01T00:00:00Z';
    const tampered = `${head}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${sig}`;
    await expect(jwtVerify(tampered, createLocalJWKSet(jwks as never))).rejects.toThrow();

    // The emblem PNG carries the same credential, baked in.
    const png = await bytes(await file(cookie, own.applicationId, 'emblem-png'));
    expect(readBakedCredential(png)).toBe(jwt);

    // Revoked: the status list names it (by the credential's id, its jti — the code URL-encoded: its check symbol may be = or $)
    expect(payload.jti).toBe(`https://konkurs.example.org/api/public/certificates/${encodeURIComponent(own.code)}`);
    const list = async () =>
      (await (await h.app.request(new URL(credential.credentialStatus.id).pathname)).json()) as {
        revokedCredentials: { id: string; revocationReason: string }[];
      };
    expect((await list()).revokedCredentials).toEqual([]);
    expect((await calls(w).revoke(own.code, 'Błąd w nazwie instytucji.')).status).toBe(200);
    expect((await list()).revokedCredentials).toEqual([
      { id: payload.jti, revoked: true, revocationReason: 'Błąd w nazwie instytucji.' },
    ]);
  });

  it('an institution cannot reach another’s certificate (404); organizers can; nothing before issuing', async () => {
    const { w, overview, file } = await issued();
    const mine = await institutionCookie(w, 0);
    const theirs = overview.certificates[1]!;
    expect((await file(mine, theirs.applicationId, 'pdf')).status).toBe(404);
    const summary = await w.as(mine, 'GET', `/api/applications/${theirs.applicationId}/certificate`);
    expect(summary.status).toBe(404);
    expect((await file(w.cookie, theirs.applicationId, 'pdf')).status).toBe(200);
    // The application that was not awarded has no certificate.
    const third = await institutionCookie(w, 2);
    const none = await w.as(third, 'GET', `/api/applications/${w.applications[2]!.applicationId}/certificate`);
    expect(await none.json()).toEqual({ certificate: null });
    expect((await file(third, w.applications[2]!.applicationId, 'pdf')).status).toBe(404);
    expect((await file(mine, w.applications[0]!.applicationId, 'nonsense')).status).toBe(404);
  });

  it('the organizer downloads every issued certificate as one ZIP with a Polish CSV list', async () => {
    const { w, overview } = await issued();
    const res = await w.as(w.cookie, 'GET', `/api/editions/${w.edition.editionId}/certificates/archive`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const entries = unzipSync(await bytes(res));
    const names = Object.keys(entries);
    const first = overview.certificates[0]!;
    const folder = `${first.certificateNumber.replace(/\//g, '-')} ${first.institution.name}`;
    expect(names).toContain(`${folder}/certyfikat-${first.certificateNumber.replace(/\//g, '-')}.pdf`);
    expect(names.filter((n) => n.endsWith('.pdf')).length).toBe(2 * 3);
    const csvBytes = entries['certyfikaty.csv']!;
    expect([...csvBytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = strFromU8(csvBytes);
    expect(csv).toContain('Numer;Instytucja;');
    expect(csv).toContain(`${first.certificateNumber};${first.institution.name};`);
  });
});

describe('verification (issue 15 §4, §5)', () => {
  it('valid until the validity’s end, expired from that instant; unknown and malformed codes are 404', async () => {
    const { overview, verify } = await issued();
    const own = overview.certificates[0]!;
    const first = await verify(own.code);
    expect(first.status).toBe(200);
    const body = (await first.json()) as { status: string; certificate: Record<string, unknown> };
    expect(body.status).toBe('valid');
    expect(body.certificate.institution).toEqual(own.institution);
    expect(Object.keys(body.certificate).sort()).toEqual(
      [
        'category',
        'certificateNumber',
        'edition',
        'institution',
        'issuedAt',
        'outcome',
        'snapshotHash',
        'validUntil',
      ].sort(),
    );
    // Typed by hand: lower case, no hyphens.
    expect((await verify(own.code.replace(/-/g, '').toLowerCase())).status).toBe(200);
    clock.set(new Date(Date.parse(own.validUntil) - 1).toISOString());
    expect(((await (await verify(own.code)).json()) as { status: string }).status).toBe('valid');
    clock.set(own.validUntil);
    expect(((await (await verify(own.code)).json()) as { status: string }).status).toBe('expired');
    clock.set('2026-03-01T10:00:00.000Z');

    // A check symbol of * ~ $ = U arrives URL-encoded from links: decoded, it reaches the lookup.
    let special = '';
    for (let i = 0; !/[*~$=U]$/.test(special); i++) special = newCertificateCode(new Uint8Array(16).fill(i));
    const encoded = await errorOf(await verify(encodeURIComponent(special), '198.51.100.9'));
    // The lookup's own 404 names no field; a path the parameter check refused would name `code`.
    expect(encoded).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(encoded.fields).toEqual({});
    expect((await errorOf(await verify('not-a-code', '198.51.100.9'))).fields).toHaveProperty('code');
    const unknown = newCertificateCode(new Uint8Array(16).fill(201));
    expect((await errorOf(await verify(unknown, '198.51.100.8'))).status).toBe(404);
    expect((await verify('not-a-code', '198.51.100.8')).status).toBe(404);
    const typo = `${own.code.slice(0, -1)}${own.code.endsWith('0') ? '1' : '0'}`;
    expect((await verify(typo, '198.51.100.8')).status).toBe(404);
  });

  it('revocation shows on the next request with date and reason; only organizers revoke; twice is refused', async () => {
    const { w, overview, verify, revoke } = await issued();
    const own = overview.certificates[0]!;
    const cookie = await institutionCookie(w, 0);
    expect((await revoke(own.code, 'Próba instytucji.', cookie)).status).toBe(403);
    const short = await errorOf(await revoke(own.code, 'x'));
    expect(short).toMatchObject({ status: 400 });
    expect(Object.keys(short.fields)).toEqual(['reason']);
    const res = await revoke(own.code, 'Instytucja podała nieprawdziwe dane.');
    expect(res.status).toBe(200);
    const seen = (await (await verify(own.code)).json()) as { status: string; revoked: { reason: string; at: string } };
    expect(seen.status).toBe('revoked');
    expect(seen.revoked).toEqual({ reason: 'Instytucja podała nieprawdziwe dane.', at: '2026-03-01T10:00:00.000Z' });
    expect((await errorOf(await revoke(own.code, 'Jeszcze raz.'))).status).toBe(409);
    const audit = await listAuditOfSubject(h.deps.store, { type: 'application', id: own.applicationId }, { limit: 10 });
    expect(audit.items.map((e) => e.action)).toContain('certificate.revoked');
  });

  it('a re-issue supersedes the old code, prints the corrected name and links old to new', async () => {
    const { w, overview, verify, reissue, file } = await issued();
    const old = overview.certificates[0]!;
    // The institution's name is corrected in its profile, then the organizer re-issues.
    await h.deps.store.update(keys.institution(w.applications[0]!.institutionId), {
      expression: 'SET #name = :name',
      names: { '#name': 'name' },
      values: { ':name': 'Urząd Gminy Łęczna' },
    });
    const res = await reissue(old.code, 'Poprawiona nazwa instytucji.');
    expect(res.status).toBe(201);
    const next = (await res.json()) as Summary;
    expect(next).toMatchObject({ status: 'pending', replaces: old.code });
    expect(next.code).not.toBe(old.code);
    expect(next.certificateNumber).toBe(`PU/${w.edition.year}/0003`);
    await h.deps.jobs.drain();
    const before = (await (await verify(old.code)).json()) as { status: string; supersededBy: string };
    expect(before).toMatchObject({ status: 'superseded', supersededBy: next.code });
    const now = (await (await verify(next.code)).json()) as { status: string; certificate: { institution: unknown } };
    expect(now.status).toBe('valid');
    expect(now.certificate.institution).toEqual({ name: 'Urząd Gminy Łęczna', town: old.institution.town });
    expect((await findPointer(h.deps.store, old.applicationId))?.code).toBe(next.code);
    const cookie = await institutionCookie(w, 0);
    const pdf = await bytes(await file(cookie, old.applicationId, 'pdf'));
    if (poppler) expect(pdfText(pdf, false)).toContain('Urząd Gminy Łęczna');
    // A superseded one cannot be re-issued again.
    expect((await errorOf(await reissue(old.code, 'Jeszcze raz.'))).status).toBe(409);
  });

  it('lookups beyond the limit from one address are 429, even when sent at once', async () => {
    const { overview, verify } = await issued();
    const code = overview.certificates[0]!.code;
    const address = `203.0.113.${Math.floor(Math.random() * 200) + 1}`;
    const answers = await Promise.all(Array.from({ length: 40 }, () => verify(code, address)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(30);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
    const limited = answers.find((r) => r.status === 429)!;
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address is not affected.
    expect((await verify(code, '198.51.100.99')).status).toBe(200);
  });
});
