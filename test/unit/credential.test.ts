import { describe, expect, it } from 'vitest';
import {
  credentialContexts,
  credentialUrls,
  issuerProfile,
  jwtClaims,
  openBadgeCredential,
  revocationList,
} from '../../shared/certificates/credential';
import { certificateData, testCode, testEditionId, testOrigin } from '../support/credential-fixtures';

const credentialOf = (overrides: Parameters<typeof certificateData>[0] = {}, origin = testOrigin) =>
  openBadgeCredential({ data: certificateData(overrides), origin, editionId: testEditionId });

describe('openBadgeCredential', () => {
  it('carries what OB 3.0 requires: contexts, types, issuer profile, subject with achievement and criteria, validity, status', () => {
    const data = certificateData();
    const vc = openBadgeCredential({ data, origin: testOrigin, editionId: testEditionId });
    expect(vc['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ]);
    expect(vc.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(vc.id).toBe(`${testOrigin}/api/public/certificates/${data.code}`);
    expect(vc.issuer).toEqual({
      id: `${testOrigin}/api/public/credentials/issuer`,
      type: ['Profile'],
      name: 'Przyjazny Urząd — organizator konkursu',
      url: testOrigin,
      description: expect.any(String),
    });
    expect(vc.validFrom).toBe('2024-12-01T10:00:00.000Z');
    expect(vc.validUntil).toBe('2025-12-01T10:00:00.000Z');
    expect(vc.name).toContain('Urząd Gminy Łęczna');
    const subject = vc.credentialSubject;
    expect(subject.type).toEqual(['AchievementSubject']);
    expect(subject.identifier).toEqual([
      { type: 'IdentityObject', identityHash: 'Urząd Gminy Łęczna', identityType: 'name', hashed: false },
    ]);
    expect(subject.achievement).toMatchObject({
      id: `${testOrigin}/laureaci/${testEditionId}#laureate`,
      type: ['Achievement'],
      achievementType: 'Award',
      name: 'Laureat konkursu Przyjazny Urząd 2024',
      inLanguage: 'pl',
    });
    expect(subject.achievement.description.length).toBeGreaterThan(20);
    expect(subject.achievement.criteria.narrative.length).toBeGreaterThan(20);
    expect(vc.credentialStatus).toEqual({
      id: `${testOrigin}/api/public/credentials/status/${testEditionId}`,
      type: '1EdTechRevocationList',
    });
    expect(vc.credentialSchema).toEqual([
      {
        id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json',
        type: '1EdTechJsonSchemaValidator2019',
      },
    ]);
  });

  it('puts what is particular to the certificate in its description: category, number, validity, code', () => {
    const data = certificateData();
    const vc = openBadgeCredential({ data, origin: testOrigin, editionId: testEditionId });
    for (const part of ['urzędy gmin wiejskich', 'PU/2024/0007', '1 grudnia 2025 r.', data.code, 'VIII edycja'])
      expect(vc.description).toContain(part);
  });

  it('names a distinction as one, with its own achievement and the chapter reason', () => {
    const vc = credentialOf({
      outcome: 'distinction',
      distinctionReason: 'Za wzorcową obsługę osób z niepełnosprawnościami',
    });
    expect(vc.credentialSubject.achievement.id).toBe(`${testOrigin}/laureaci/${testEditionId}#distinction`);
    expect(vc.credentialSubject.achievement.name).toBe('Wyróżnienie w konkursie Przyjazny Urząd 2024');
    expect(vc.description).toContain('Za wzorcową obsługę osób z niepełnosprawnościami');
    expect(credentialOf().description).not.toContain('Uzasadnienie');
  });

  it('is deterministic: the same certificate gives the same JSON text', () => {
    const data = certificateData();
    const once = JSON.stringify(openBadgeCredential({ data, origin: testOrigin, editionId: testEditionId }));
    const again = JSON.stringify(
      openBadgeCredential({ data: structuredClone(data), origin: testOrigin, editionId: testEditionId }),
    );
    expect(again).toBe(once);
    // …and a different certificate a different one.
    expect(JSON.stringify(credentialOf())).not.toBe(once);
  });

  it('builds the same URLs from an origin given with a trailing slash', () => {
    const data = certificateData();
    const plain = openBadgeCredential({ data, origin: testOrigin, editionId: testEditionId });
    const slashed = openBadgeCredential({ data, origin: `${testOrigin}/`, editionId: testEditionId });
    expect(slashed).toEqual(plain);
  });
});

describe('issuerProfile', () => {
  it('is the Profile served at its own id, with the contexts, and matches the one embedded in credentials', () => {
    const profile = issuerProfile(testOrigin);
    expect(profile['@context']).toEqual([...credentialContexts]);
    expect(profile).toMatchObject({
      id: credentialUrls.issuer(testOrigin),
      type: ['Profile'],
      name: 'Przyjazny Urząd — organizator konkursu',
      url: testOrigin,
    });
    const { '@context': _context, ...embedded } = profile;
    expect(credentialOf().issuer).toEqual(embedded);
    expect(issuerProfile(testOrigin, 'Instytut Jakości').name).toBe('Instytut Jakości');
  });
});

describe('revocationList', () => {
  it('is served at the id every credential of the edition points at, and lists revoked credentials by their ids', () => {
    const vc = credentialOf();
    const code = vc.id.split('/').pop() ?? '';
    const list = revocationList(testOrigin, testEditionId, [
      { code, reason: 'Błędna nazwa', at: '2025-01-02T00:00:00Z' },
    ]);
    expect(list.id).toBe(vc.credentialStatus.id);
    expect(list.issuer).toBe(vc.issuer.id);
    expect(list.revokedCredentials).toEqual([{ id: vc.id, revoked: true, revocationReason: 'Błędna nazwa' }]);
  });

  it('is empty with no revocations, ordered oldest first, one entry per certificate, the same for the same input', () => {
    expect(revocationList(testOrigin, testEditionId, []).revokedCredentials).toEqual([]);
    const [a, b, c] = [testCode(), testCode(), testCode()];
    const entries = [
      { code: b, reason: 'druga', at: '2025-02-01T00:00:00Z' },
      { code: a, reason: 'pierwsza', at: '2025-01-01T00:00:00Z' },
      { code: c, reason: 'druga bis', at: '2025-02-01T00:00:00Z' },
      { code: a, reason: 'powtórzona', at: '2025-03-01T00:00:00Z' },
    ];
    const list = revocationList(testOrigin, testEditionId, entries);
    const expectedTies = [b, c].sort();
    expect(list.revokedCredentials.map((r) => r.id)).toEqual(
      [a, ...expectedTies].map((code) => credentialUrls.credential(testOrigin, code)),
    );
    expect(list.revokedCredentials[0]?.revocationReason).toBe('pierwsza');
    expect(JSON.stringify(revocationList(testOrigin, testEditionId, [...entries].reverse()))).toBe(
      JSON.stringify(list),
    );
  });
});

describe('jwtClaims', () => {
  it('maps the OB 3.0 §8.2 registered claims from the credential', () => {
    const vc = credentialOf();
    expect(jwtClaims(vc)).toEqual({
      iss: `${testOrigin}/api/public/credentials/issuer`,
      jti: vc.id,
      nbf: Date.UTC(2024, 11, 1, 10) / 1000,
      exp: Date.UTC(2025, 11, 1, 10) / 1000,
    });
  });

  it('adds sub for a subject with an id, accepts an issuer given as a string, and omits exp without validUntil', () => {
    const claims = jwtClaims({
      id: 'urn:uuid:1',
      issuer: 'https://issuer.example',
      validFrom: '2024-01-01T00:00:00.999Z',
      credentialSubject: { id: 'did:example:subject' },
    });
    expect(claims).toEqual({
      iss: 'https://issuer.example',
      jti: 'urn:uuid:1',
      nbf: 1704067200,
      sub: 'did:example:subject',
    });
    expect(() => jwtClaims({ id: 'x', issuer: 'y', validFrom: 'not a date', credentialSubject: {} })).toThrow(
      'validFrom',
    );
  });
});
