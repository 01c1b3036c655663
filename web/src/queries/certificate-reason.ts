import * as z from 'zod/mini';
import { longText } from '../../../shared/institutions/institution';

// Its own module, not queries/certificates.ts: a zod schema is built when its module loads, and the public
// verification page (opened from a QR code on a phone) imports that module but needs no schema (issue 17).

/** The body of a revocation or a re-issue: why, in 3–500 characters (what the routes check). */
export const ReasonBody = z.object({ reason: longText(500).check(z.minLength(3)) });
export type ReasonBody = z.infer<typeof ReasonBody>;
