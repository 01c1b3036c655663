import * as z from 'zod/mini';
import { isValidNip } from './nip';
import { isValidRegon, normalizeRegon } from './regon';

import {
  type HeadcountBracket,
  headcountBrackets,
  type InstitutionType,
  institutionTypes,
  type Voivodeship,
  voivodeships,
} from './institution-kinds';

export {
  type HeadcountBracket,
  headcountBrackets,
  type InstitutionType,
  institutionTypes,
  type Voivodeship,
  voivodeships,
};

/** Required text: trimmed, not blank, bounded. */
/** A single-line text field (names, places): no line breaks or tabs. Control and bidi characters are refused for every field (shared/http/text-safety.ts). */
export const text = (max: number) =>
  z.string().check(
    z.trim(),
    z.minLength(1, 'notBlank'),
    z.maxLength(max),
    z.refine((v) => !/[\t\n\r]/.test(v), 'singleLine'),
  );

/** A multi-line text field (reasons, messages): line breaks and tabs allowed. */
export const longText = (max: number) => z.string().check(z.trim(), z.minLength(1, 'notBlank'), z.maxLength(max));

export const emailAddress = z.string().check(
  z.trim(),
  z.maxLength(254),
  z.refine((v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'email'),
);

export const Address = z.object({
  street: text(200),
  postalCode: z.string().check(
    z.trim(),
    z.refine((v) => /^\d{2}-\d{3}$/.test(v), 'postalCode'),
  ),
  city: text(100),
  commune: text(100),
  county: text(100),
  voivodeship: z.enum(voivodeships),
});

export const ContactPerson = z.object({
  name: text(200),
  email: emailAddress,
  phone: z.string().check(
    z.trim(),
    z.refine((v) => /^\+?[\d\s-]{7,20}$/.test(v), 'phone'),
  ),
});

/** The editable profile. The NIP is the institution's identity and is fixed at registration. */
export const InstitutionProfile = z.object({
  name: text(300),
  type: z.enum(institutionTypes),
  regon: z.string().check(z.refine(isValidRegon, 'regon')),
  address: Address,
  website: z.optional(
    z.string().check(
      z.trim(),
      z.maxLength(300),
      z.refine((v) => v === '' || /^https?:\/\/[^\s.]+\.[^\s]+$/i.test(v), 'website'),
    ),
  ),
  headcount: z.enum(headcountBrackets),
  contactPerson: ContactPerson,
});
export type InstitutionProfile = z.infer<typeof InstitutionProfile>;

export const NewInstitution = z.extend(InstitutionProfile, {
  nip: z.string().check(z.refine(isValidNip, 'nip')),
});
export type NewInstitution = z.infer<typeof NewInstitution>;

/** The stored form: identifiers normalized to digits, website empty → absent. */
export function normalizeProfile<T extends InstitutionProfile>(profile: T): T {
  return { ...profile, regon: normalizeRegon(profile.regon), website: profile.website ? profile.website : undefined };
}

/** An institution as stored (institution-store.ts reads items back through this schema) and answered. */
export const Institution = z.extend(NewInstitution, {
  institutionId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type Institution = z.infer<typeof Institution>;
