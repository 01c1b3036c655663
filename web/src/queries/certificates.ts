import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import type { CertificateFile } from '../../../shared/certificates/certificate';
import { api, type Json, read } from '../api';
import type { ReasonBody } from './certificate-reason';
import { type Edition, editionKeys } from './editions';
import { resultsKeys } from './results';
import { verificationKey, verificationPaths } from './verification';

export { type Verification, type VerificationStatus, readVerification } from './verification';

/**
 * Certificates and emblems (issue 15): the organizer's "Certyfikaty" tab, an institution's own
 * certificate on its result page, and the public verification pages. Types come from the routes
 * (shared/http/routes/certificates.ts) through the typed client, as in results.ts.
 *
 * Keys: `['edition', editionId, 'certificates']` for the organizer, `['application', applicationId,
 * 'certificate']` for the institution, `['public-certificate', code]` for a verification.
 */
type EditionCertificatesApi = (typeof api.api.editions)[':editionId']['certificates'];

export type CertificatesOverview = InferResponseType<EditionCertificatesApi['$get'], 200>;
export type CertificateSummary = CertificatesOverview['certificates'][number];
export type CertificateStatus = CertificateSummary['status'];
export type SignatoriesInput = Json<EditionCertificatesApi['signatories']['$put']>;
export type Signatory = SignatoriesInput['signatories'][number];
export type { CertificateFile };

/** Every file of an issued certificate, in the order the institution's list shows them. */
export const certificateFiles: readonly CertificateFile[] = [
  'pdf',
  'pdf-en',
  'emblem-svg',
  'emblem-png',
  'emblem-pdf',
  'credential-json',
  'credential-jwt',
];

export const certificateKeys = {
  organizer: (editionId: string) => [...editionKeys.edition(editionId), 'certificates'] as const,
  own: (applicationId: string) => ['application', applicationId, 'certificate'] as const,
  verification: verificationKey,
};

const enc = encodeURIComponent;
/** Paths of the SPA and of the API that the UI links to (files are plain links, not fetched). */
export const certificatePaths = {
  archive: (editionId: string) => `/api/editions/${enc(editionId)}/certificates/archive`,
  file: (applicationId: string, file: CertificateFile) =>
    `/api/applications/${enc(applicationId)}/certificate/files/${file}`,
  ...verificationPaths,
};

export const certificatesQuery = (editionId: string) =>
  queryOptions({
    queryKey: certificateKeys.organizer(editionId),
    queryFn: () => read(api.api.editions[':editionId'].certificates.$get({ param: { editionId } })),
  });

/** Something is being rendered: the tab polls the overview until nothing is. */
export const isRendering = (overview: CertificatesOverview | undefined) =>
  overview?.certificates.some((c) => c.status === 'pending') ?? false;

/** "Wystaw certyfikaty": creates the missing ones and re-queues pending and failed ones; the answer is the new overview. */
export function useIssueCertificates(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => read(api.api.editions[':editionId'].certificates.$post({ param: { editionId }, json: {} })),
    onSuccess: (overview) => queryClient.setQueryData(certificateKeys.organizer(editionId), overview),
  });
}

/**
 * Who signs the certificates, in any state of the edition (the settings form is locked once review
 * starts). The answer is the edition, now at its next version; the overview's "signatories missing"
 * is read again.
 */
export function useSetSignatories(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: SignatoriesInput) =>
      read(api.api.editions[':editionId'].certificates.signatories.$put({ param: { editionId }, json })),
    onSuccess: (saved: Edition) => {
      queryClient.setQueryData(editionKeys.detail(editionId), saved);
      return queryClient.invalidateQueries({ queryKey: certificateKeys.organizer(editionId) });
    },
  });
}

/** After a revocation or a re-issue: the tab, and the institution's view of that application. */
function useCertificateChanged(editionId: string) {
  const queryClient = useQueryClient();
  return (summary: CertificateSummary) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: certificateKeys.organizer(editionId) }),
      queryClient.invalidateQueries({ queryKey: certificateKeys.own(summary.applicationId) }),
      queryClient.invalidateQueries({ queryKey: resultsKeys.own(summary.applicationId) }),
    ]);
}

export function useRevokeCertificate(editionId: string) {
  const changed = useCertificateChanged(editionId);
  return useMutation({
    mutationFn: ({ code, reason }: ReasonBody & { code: string }) =>
      read(api.api.certificates[':code'].revoke.$post({ param: { code }, json: { reason } })),
    onSuccess: changed,
  });
}

/** The answer is the NEW certificate (pending); the old one is superseded by it. */
export function useReissueCertificate(editionId: string) {
  const changed = useCertificateChanged(editionId);
  return useMutation({
    mutationFn: ({ code, reason }: ReasonBody & { code: string }) =>
      read(api.api.certificates[':code'].reissue.$post({ param: { code }, json: { reason } })),
    onSuccess: changed,
  });
}

/** The institution's current certificate of an application (null before one is issued). */
export const ownCertificateQuery = (applicationId: string) =>
  queryOptions({
    queryKey: certificateKeys.own(applicationId),
    queryFn: async () =>
      (await read(api.api.applications[':applicationId'].certificate.$get({ param: { applicationId } }))).certificate,
  });

/** Public (no login): what a certificate's code stands for, with the server's messages in the page's language. */
