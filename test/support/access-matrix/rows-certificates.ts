import { expect } from 'vitest';
import { getEdition } from '../../../shared/editions/edition-store';
import { keys } from '../../../shared/store/keys';
import { jsonRequest } from '../accounts';
import { all, type Cell, organizerOnly, ownApplicationA } from './matrix';
import { type Probe, probe } from './probes';
import type { World } from './world';

/**
 * Certificates (issue 15): organizers issue, revoke, re-issue and download the ZIP; an institution
 * reads and downloads only its own; anyone verifies a code and reads the Open Badges documents. One
 * row per route.
 */
const edition = (w: World) => w.certificates.edition;
const base = (w: World) => `/api/editions/${edition(w)}/certificates`;

/** Everything a certificates write could change: the edition (counter, signatories, audit), its
 * certificates (gsi1), the applications' pointers and audit, and the certificates named by code. */
const certificates = (w: World): Probe[] => [
  ...probe.edition(edition(w)),
  { kind: 'index', index: 'gsi1', pk: keys.editionCertificates(edition(w)) },
  ...w.certificates.apps.flatMap(probe.application),
  ...[w.certificates.codeA, w.certificates.toRevoke, w.certificates.toReissue].map(
    (code): Probe => ({ kind: 'partition', pk: keys.certificate(code).pk }),
  ),
];

export const certificateRows: Record<string, Cell> = {
  'GET /api/editions/:editionId/certificates': {
    sample: (w) => ({ path: base(w) }),
    expected: organizerOnly(200),
    sees: 'own',
    within: (w) => [edition(w)],
    shows: (body: { certificates: { applicationId: string }[] }, { w }) =>
      expect(body.certificates.map((c) => c.applicationId).sort()).toEqual([...w.certificates.apps].sort()),
  },
  'POST /api/editions/:editionId/certificates': {
    sample: (w) => ({ path: base(w), init: jsonRequest('POST', {}) }),
    expected: organizerOnly(202),
    sees: 'own',
    within: (w) => [edition(w)],
    touches: certificates,
  },
  'PUT /api/editions/:editionId/certificates/signatories': {
    sample: async (w, _caller, deps) => ({
      path: `${base(w)}/signatories`,
      init: jsonRequest('PUT', {
        signatories: [{ name: 'Anna Kowalska', role: 'Przewodnicząca Kapituły' }],
        version: (await getEdition(deps.store, edition(w))).version,
      }),
    }),
    expected: organizerOnly(200),
    sees: 'own',
    within: (w) => [edition(w)],
    touches: certificates,
  },
  'GET /api/editions/:editionId/certificates/archive': {
    sample: (w) => ({ path: `${base(w)}/archive` }),
    expected: organizerOnly(200),
    sees: 'own',
    within: (w) => [edition(w)],
  },
  'POST /api/certificates/:code/revoke': {
    sample: (w) => ({
      path: `/api/certificates/${w.certificates.toRevoke}/revoke`,
      init: jsonRequest('POST', { reason: 'Unieważnienie w macierzy dostępu.' }),
    }),
    expected: organizerOnly(200),
    sees: 'own',
    within: (w) => [edition(w)],
    touches: certificates,
  },
  'POST /api/certificates/:code/reissue': {
    sample: (w) => ({
      path: `/api/certificates/${w.certificates.toReissue}/reissue`,
      init: jsonRequest('POST', { reason: 'Ponowne wystawienie w macierzy dostępu.' }),
    }),
    expected: organizerOnly(201),
    sees: 'own',
    within: (w) => [edition(w)],
    touches: certificates,
  },
  'GET /api/applications/:applicationId/certificate': {
    sample: (w) => ({ path: `/api/applications/${w.certificates.appA}/certificate` }),
    expected: ownApplicationA(200),
    sees: 'own',
    shows: (body: { certificate: { code: string } }, { w }) => expect(body.certificate.code).toBe(w.certificates.codeA),
  },
  'GET /api/applications/:applicationId/certificate/files/:file': {
    sample: (w) => ({ path: `/api/applications/${w.certificates.appA}/certificate/files/credential-json` }),
    expected: ownApplicationA(200),
    sees: 'own',
  },
  'GET /api/public/certificates/:code': {
    sample: (w) => ({ path: `/api/public/certificates/${w.certificates.codeA}` }),
    expected: all(200),
    sees: {
      everything:
        'what is printed on a certificate (A’s name, its result) is public to whoever holds its code: that is the point of verification',
    },
  },
  'GET /api/public/credentials/issuer': {
    sample: () => ({ path: '/api/public/credentials/issuer' }),
    expected: all(200),
    sees: 'nobody',
  },
  'GET /api/public/credentials/jwks': {
    sample: () => ({ path: '/api/public/credentials/jwks' }),
    expected: all(200),
    sees: 'nobody',
  },
  'GET /api/public/credentials/jwks/:kid': {
    sample: (w) => ({ path: `/api/public/credentials/jwks/${w.certificates.kid}` }),
    expected: all(200),
    sees: 'nobody',
  },
  'GET /api/public/credentials/status/:editionId': {
    sample: (w) => ({ path: `/api/public/credentials/status/${edition(w)}` }),
    expected: all(200),
    sees: 'nobody',
  },
};
