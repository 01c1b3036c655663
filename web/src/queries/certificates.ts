import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { longText } from '../../../shared/institutions/institution';
import { ApiError, toApiError } from '../api';
import i18n, { type Language } from '../i18n';
import { editionKeys } from './editions';
import { resultsKeys } from './results';

/**
 * Certificates and emblems (issue 15): the organizer's "Certyfikaty" tab, an institution's own
 * certificate on its result page, and the public verification pages. The types mirror the API
 * contract (/work/briefs/certs-contract.md) word for word: the routes were built alongside this UI,
 * so the typed client could not infer them yet. Once they are in `AppType`, these types should
 * become `InferResponseType<…>` of the routes and the calls `api.api…` like results.ts.
 *
 * Keys: `['edition', editionId, 'certificates']` for the organizer, `['application', applicationId,
 * 'certificate']` for the institution, `['public-certificate', code]` for a verification.
 */
export type CertificateStatus = 'pending' | 'issued' | 'failed' | 'revoked' | 'superseded';
export type CertificateFile =
  | 'pdf'
  | 'pdf-en'
  | 'emblem-svg'
  | 'emblem-png'
  | 'emblem-pdf'
  | 'credential-json'
  | 'credential-jwt';
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

export interface CertificateSummary {
  /** Grouped Crockford code, e.g. "7QJ3V-…". */
  code: string;
  /** "PU/2024/0001" */
  certificateNumber: string;
  applicationId: string;
  institution: { name: string; town: string };
  outcome: 'laureate' | 'distinction';
  category: { pl: string; en: string };
  status: CertificateStatus;
  issuedAt: string;
  validUntil: string;
  /** `${publicOrigin}/weryfikacja/${code}`: what the QR code on the paper opens. */
  verifyUrl: string;
  revoked?: { at: string; reason: string };
  /** The newer code that replaced this one. */
  supersededBy?: string;
  /** The older code this one re-issued. */
  replaces?: string;
  /** The last rendering failure (status 'failed'). */
  error?: string;
  attempts: number;
}

export interface CertificatesOverview {
  editionId: string;
  published: boolean;
  snapshotVersion?: number;
  /** Laureates and distinctions in the newest snapshot. */
  eligible: number;
  signatoriesMissing: boolean;
  counts: Record<CertificateStatus, number>;
  /** Every certificate of the edition, by number, the newest issue last. */
  certificates: CertificateSummary[];
}

export type VerificationStatus = 'valid' | 'expired' | 'revoked' | 'superseded';
export interface Verification {
  code: string;
  status: VerificationStatus;
  certificate: {
    certificateNumber: string;
    institution: { name: string; town: string };
    edition: { name: string; number: string; year: number };
    category: { pl: string; en: string };
    outcome: 'laureate' | 'distinction';
    distinctionReason?: string;
    issuedAt: string;
    validUntil: string;
    /** 12 hex digits. */
    snapshotHash: string;
  };
  revoked?: { at: string; reason: string };
  supersededBy?: string;
}

/** The body of a revocation or a re-issue: why, in 3–500 characters (what the routes check). */
export const ReasonBody = z.object({ reason: longText(500).check(z.minLength(3)) });
export type ReasonBody = z.infer<typeof ReasonBody>;

export const certificateKeys = {
  organizer: (editionId: string) => [...editionKeys.edition(editionId), 'certificates'] as const,
  own: (applicationId: string) => ['application', applicationId, 'certificate'] as const,
  verification: (code: string) => ['public-certificate', code] as const,
};

const enc = encodeURIComponent;
/** Paths of the SPA and of the API that the UI links to (files are plain links, not fetched). */
export const certificatePaths = {
  archive: (editionId: string) => `/api/editions/${enc(editionId)}/certificates/archive`,
  file: (applicationId: string, file: CertificateFile) =>
    `/api/applications/${enc(applicationId)}/certificate/files/${file}`,
  verifyPage: (code: string, language: Language) =>
    language === 'en' ? `/en/verify/${enc(code)}` : `/weryfikacja/${enc(code)}`,
  verifyForm: (language: Language) => (language === 'en' ? '/en/verify' : '/weryfikacja'),
};

/** A JSON call as the typed client makes it (Accept-Language, ApiError on failure). */
async function call<T>(path: string, init: { method?: 'GET' | 'POST'; json?: unknown; language?: Language } = {}) {
  const headers: Record<string, string> = { 'accept-language': init.language ?? i18n.language };
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? 'GET',
      headers,
      ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', i18n.t('errors.network'));
  }
  if (!res.ok) throw await toApiError(res);
  const body: T = await res.json();
  return body;
}

export const certificatesQuery = (editionId: string) =>
  queryOptions({
    queryKey: certificateKeys.organizer(editionId),
    queryFn: () => call<CertificatesOverview>(`/api/editions/${enc(editionId)}/certificates`),
  });

/** Something is being rendered: the tab polls the overview until nothing is. */
export const isRendering = (overview: CertificatesOverview | undefined) =>
  overview?.certificates.some((c) => c.status === 'pending') ?? false;

/** "Wystaw certyfikaty": creates the missing ones and re-queues pending and failed ones; the answer is the new overview. */
export function useIssueCertificates(editionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      call<CertificatesOverview>(`/api/editions/${enc(editionId)}/certificates`, { method: 'POST', json: {} }),
    onSuccess: (overview) => queryClient.setQueryData(certificateKeys.organizer(editionId), overview),
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
      call<CertificateSummary>(`/api/certificates/${enc(code)}/revoke`, { method: 'POST', json: { reason } }),
    onSuccess: changed,
  });
}

/** The answer is the NEW certificate (pending); the old one is superseded by it. */
export function useReissueCertificate(editionId: string) {
  const changed = useCertificateChanged(editionId);
  return useMutation({
    mutationFn: ({ code, reason }: ReasonBody & { code: string }) =>
      call<CertificateSummary>(`/api/certificates/${enc(code)}/reissue`, { method: 'POST', json: { reason } }),
    onSuccess: changed,
  });
}

/** The institution's current certificate of an application (null before one is issued). */
export const ownCertificateQuery = (applicationId: string) =>
  queryOptions({
    queryKey: certificateKeys.own(applicationId),
    queryFn: async () =>
      (await call<{ certificate: CertificateSummary | null }>(`/api/applications/${enc(applicationId)}/certificate`))
        .certificate,
  });

/** Public (no login): what a certificate's code stands for, in the page's language. */
export const verificationQuery = (code: string, language: Language) =>
  queryOptions({
    queryKey: certificateKeys.verification(code),
    queryFn: () => call<Verification>(`/api/public/certificates/${enc(code)}`, { language }),
  });
