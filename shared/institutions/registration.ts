import * as z from 'zod/mini';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../accounts/password-rules';
import { languages } from '../language';
import { emailAddress, NewInstitution, text } from './institution';

/**
 * The registration's body (POST /api/institutions): the route validates it and the registration
 * form checks the same schema before sending, so an empty submit lists every field at once. The
 * password's length is checked here too (its first problem, so it comes with the others); the
 * common-password and e-mail checks stay in the use case (accounts/new-password.ts).
 */
export const Registration = z.object({
  institution: NewInstitution,
  account: z.object({
    email: emailAddress,
    password: z.string().check(
      z.maxLength(PASSWORD_MAX_LENGTH * 4),
      z.refine((v) => [...v].length >= PASSWORD_MIN_LENGTH, 'passwordTooShort'),
    ),
    displayName: text(200),
    language: z.optional(z.enum(languages)),
  }),
});
export type Registration = z.infer<typeof Registration>;
