import type { InferResponseType } from 'hono/client';
import { api, read } from '../api';
import type { Language } from '../i18n';

/**
 * The public certificate verification (issue 15), apart from the organizer's and the institution's
 * certificate queries (certificates.ts, which re-exports these): the verification page is opened from
 * a QR code on a phone, and this module keeps the editions' and results' queries off its first load
 * (issue 17).
 */
export type Verification = InferResponseType<(typeof api.api.public.certificates)[':code']['$get'], 200>;
export type VerificationStatus = Verification['status'];

export const verificationKey = (code: string) => ['public-certificate', code] as const;

const enc = encodeURIComponent;
/** The verification pages, in Polish and in English. */
export const verificationPaths = {
  verifyPage: (code: string, language: Language) =>
    language === 'en' ? `/en/verify/${enc(code)}` : `/weryfikacja/${enc(code)}`,
  verifyForm: (language: Language) => (language === 'en' ? '/en/verify' : '/weryfikacja'),
};

/** The verification of a code, in the page's language (read once per page view, fetching.ts). */
export const readVerification = (code: string, language: Language, signal: AbortSignal) =>
  read(
    api.api.public.certificates[':code'].$get(
      { param: { code } },
      { headers: { 'accept-language': language }, init: { signal } },
    ),
  );
