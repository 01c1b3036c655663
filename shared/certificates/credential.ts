import type { CertificateData, CertificateOutcome } from './certificate-data';
import { longDate, markName } from './certificate-text';

/**
 * The Open Badges 3.0 side of a certificate (issue 15 §6): the `OpenBadgeCredential` JSON, the issuer
 * Profile, the 1EdTech Revocation List its `credentialStatus` points at, and the JWT claims of its
 * VC-JWT form (OB 3.0 §8.2). Pure and deterministic: the same certificate gives the same JSON, so a
 * re-run of the worker signs the same bytes. Every URL is built here, so the routes that serve the
 * profile, the keys and the list answer at exactly the ids the credentials carry.
 */
export const credentialContexts = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
] as const;

/** The 1EdTech JSON Schema every OpenBadgeCredential validates against (OB 3.0 §D.1). */
export const achievementCredentialSchema =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';

export const issuerName = 'Przyjazny Urząd — organizator konkursu';

const base = (origin: string) => origin.replace(/\/+$/, '');

export const credentialUrls = {
  issuer: (origin: string) => `${base(origin)}/api/public/credentials/issuer`,
  jwks: (origin: string) => `${base(origin)}/api/public/credentials/jwks`,
  /** The edition's revocation list: one per edition keeps each list small and cacheable. */
  status: (origin: string, editionId: string) =>
    `${base(origin)}/api/public/credentials/status/${encodeURIComponent(editionId)}`,
  credential: (origin: string, code: string) => `${base(origin)}/api/public/certificates/${encodeURIComponent(code)}`,
  achievement: (origin: string, editionId: string, outcome: CertificateOutcome) =>
    `${base(origin)}/laureaci/${encodeURIComponent(editionId)}#${outcome}`,
};

/** The URL a credential's `kid` names (OB 3.0 §8.2): the JWK of that key, served by the platform. */
export const credentialKeyUrl = (origin: string, thumbprint: string) => `${credentialUrls.jwks(origin)}/${thumbprint}`;

export interface IssuerProfile {
  id: string;
  type: ['Profile'];
  name: string;
  url: string;
  description: string;
}

/** The Profile served at its own id, so it carries the contexts a JSON-LD reader needs. */
export interface IssuerProfileDocument extends IssuerProfile {
  '@context': string[];
}

export interface OpenBadgeCredential {
  '@context': string[];
  id: string;
  type: ['VerifiableCredential', 'OpenBadgeCredential'];
  name: string;
  description: string;
  issuer: IssuerProfile;
  validFrom: string;
  validUntil: string;
  awardedDate: string;
  credentialSubject: {
    /** OB 3.0 allows a subject id (then it is the JWT's sub); ours name the institution in `identifier`. */
    id?: string;
    type: ['AchievementSubject'];
    identifier: Array<{ type: 'IdentityObject'; identityHash: string; identityType: 'name'; hashed: false }>;
    achievement: {
      id: string;
      type: ['Achievement'];
      achievementType: 'Award';
      name: string;
      description: string;
      criteria: { narrative: string };
      inLanguage: 'pl';
    };
  };
  credentialStatus: { id: string; type: '1EdTechRevocationList' };
  credentialSchema: Array<{ id: string; type: '1EdTechJsonSchemaValidator2019' }>;
}

function profile(origin: string, name: string): IssuerProfile {
  return {
    id: credentialUrls.issuer(origin),
    type: ['Profile'],
    name,
    url: base(origin),
    description: `Organizator konkursu „${markName}” dla instytucji publicznych; wystawca certyfikatów laureatów i wyróżnień.`,
  };
}

export function issuerProfile(origin: string, name: string = issuerName): IssuerProfileDocument {
  return { '@context': [...credentialContexts], ...profile(origin, name) };
}

function achievementWords(data: CertificateData) {
  const { edition } = data;
  const contest = `${edition.name} ${edition.year}`;
  const chapter = `${edition.number} konkursu „${edition.name}” (${edition.year})`;
  const assessed =
    'Kapituła konkursu oceniła zgłoszenie instytucji według kryteriów konkursu: standardy obsługi klienta, polityka jakości, kompetencje pracowników obsługujących klientów, komunikacja z otoczeniem wewnętrznym i zewnętrznym oraz metody i strategie zarządzania, z uwzględnieniem badań metodą tajemniczego klienta.';
  if (data.outcome === 'laureate') {
    return {
      name: `Laureat konkursu ${contest}`,
      description: `Tytuł laureata ${chapter}, przyznawany instytucjom publicznym wyróżniającym się jakością obsługi klienta. Laureat może posługiwać się godłem „${markName} ${edition.year}” przez okres ważności certyfikatu.`,
      narrative: `${assessed} Tytuł otrzymują instytucje, które przekroczyły próg nagrody i zostały ogłoszone laureatami w opublikowanych wynikach edycji.`,
      outcome: 'laureat',
    };
  }
  return {
    name: `Wyróżnienie w konkursie ${contest}`,
    description: `Wyróżnienie ${chapter} przyznawane przez Kapitułę instytucjom publicznym za szczególne osiągnięcia w obsłudze klienta.`,
    narrative: `${assessed} Wyróżnienie przyznaje Kapituła z uzasadnieniem ogłoszonym w opublikowanych wynikach edycji.`,
    outcome: 'wyróżnienie',
  };
}

/**
 * The certificate as an OB 3.0 OpenBadgeCredential. The Achievement is the same for every laureate
 * (or every distinction) of an edition, so its id names only the edition and the outcome; what is
 * particular to one certificate (category, number, the distinction's reason) is in the credential's
 * own description.
 */
export function openBadgeCredential(input: {
  data: CertificateData;
  origin: string;
  editionId: string;
}): OpenBadgeCredential {
  const { data, origin, editionId } = input;
  const words = achievementWords(data);
  const { institution, edition } = data;
  const reason =
    data.outcome === 'distinction' && data.distinctionReason ? ` Uzasadnienie: ${data.distinctionReason}` : '';
  return {
    '@context': [...credentialContexts],
    id: credentialUrls.credential(origin, data.code),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `${words.name} — ${institution.name}`,
    description:
      `${institution.name} (${institution.town}): ${words.outcome}, ${edition.number} konkursu „${edition.name}” (${edition.year}), kategoria: ${data.category.pl}.` +
      `${reason} Certyfikat nr ${data.certificateNumber}, ważny do ${longDate(data.validUntil, 'pl')}, kod weryfikacyjny ${data.code}, skrót wyników ${data.snapshotHash}.`,
    issuer: profile(origin, issuerName),
    validFrom: data.issuedAt,
    validUntil: data.validUntil,
    awardedDate: data.issuedAt,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityHash: institution.name, identityType: 'name', hashed: false }],
      achievement: {
        id: credentialUrls.achievement(origin, editionId, data.outcome),
        type: ['Achievement'],
        achievementType: 'Award',
        name: words.name,
        description: words.description,
        criteria: { narrative: words.narrative },
        inLanguage: 'pl',
      },
    },
    credentialStatus: { id: credentialUrls.status(origin, editionId), type: '1EdTechRevocationList' },
    credentialSchema: [{ id: achievementCredentialSchema, type: '1EdTechJsonSchemaValidator2019' }],
  };
}

export interface RevocationList {
  id: string;
  issuer: string;
  revokedCredentials: Array<{ id: string; revoked: true; revocationReason: string }>;
}

/**
 * The edition's list in the 1EdTech Revocation List Status Method shape: a verifier dereferences the
 * credential's `credentialStatus.id` and looks for the credential's id among `revokedCredentials`.
 * Oldest revocation first (ties by code), one entry per certificate, so the list only ever grows at
 * its end and the same revocations always give the same bytes.
 */
export function revocationList(
  origin: string,
  editionId: string,
  revoked: ReadonlyArray<{ code: string; reason: string; at: string }>,
): RevocationList {
  const ordered = new Map<string, { code: string; reason: string }>();
  for (const entry of [...revoked].sort((a, b) => (a.at === b.at ? compare(a.code, b.code) : compare(a.at, b.at))))
    if (!ordered.has(entry.code)) ordered.set(entry.code, entry);
  return {
    id: credentialUrls.status(origin, editionId),
    issuer: credentialUrls.issuer(origin),
    revokedCredentials: [...ordered.values()].map((entry) => ({
      id: credentialUrls.credential(origin, entry.code),
      revoked: true,
      revocationReason: entry.reason,
    })),
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface CredentialJwtClaims {
  iss: string;
  jti: string;
  nbf: number;
  exp?: number;
  sub?: string;
}

const seconds = (iso: string, field: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`The credential's ${field} is not a date: ${iso}`);
  return Math.floor(ms / 1000);
};

/**
 * The registered claims OB 3.0 §8.2 maps from the credential: iss ← issuer.id, jti ← id,
 * nbf ← validFrom, exp ← validUntil, sub ← credentialSubject.id (ours identify the institution by an
 * IdentityObject instead, so there is no sub).
 */
export function jwtClaims(credential: {
  id: string;
  issuer: { id: string } | string;
  validFrom: string;
  validUntil?: string;
  credentialSubject: { id?: string };
}): CredentialJwtClaims {
  const claims: CredentialJwtClaims = {
    iss: typeof credential.issuer === 'string' ? credential.issuer : credential.issuer.id,
    jti: credential.id,
    nbf: seconds(credential.validFrom, 'validFrom'),
  };
  if (credential.validUntil !== undefined) claims.exp = seconds(credential.validUntil, 'validUntil');
  if (credential.credentialSubject.id !== undefined) claims.sub = credential.credentialSubject.id;
  return claims;
}
