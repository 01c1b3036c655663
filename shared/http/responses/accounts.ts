import * as z from 'zod/mini';
import { auditActions, auditSubjectTypes } from '../../audit/audit';
import { Address, ContactPerson, NewInstitution } from '../../institutions/institution';
import { component } from '../openapi/component-names';
import { PublicUserSchema } from '../schemas';
import { itemsOf, page } from './common';

component('Address', Address);
component('ContactPerson', ContactPerson);

/** `{ user }`: the account signed in or saved. */
export const SignedIn = component('SignedIn', z.object({ user: PublicUserSchema }));

export const Me = component(
  'Me',
  z.object({
    user: PublicUserSchema,
    institution: z.optional(z.object({ institutionId: z.string(), name: z.string() })),
  }),
);

export const UserPage = component('UserPage', page(PublicUserSchema));
export const Members = itemsOf(PublicUserSchema);

/** An institution's stored profile (institutions/institution.ts `Institution`). */
export const Institution = component(
  'Institution',
  z.extend(NewInstitution, {
    institutionId: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number(),
  }),
);

export const AuditEntry = component(
  'AuditEntry',
  z.object({
    entryId: z.string(),
    at: z.string(),
    action: z.enum(auditActions),
    /** Who: the signed-in user, or nobody (a failed login, the create-organizer command). */
    actor: z.object({ userId: z.optional(z.string()), label: z.string() }),
    subject: z.object({ type: z.enum(auditSubjectTypes), id: z.string(), label: z.optional(z.string()) }),
    ip: z.optional(z.string()),
    before: z.optional(z.record(z.string(), z.unknown())),
    after: z.optional(z.record(z.string(), z.unknown())),
    details: z.optional(z.record(z.string(), z.unknown())),
  }),
);
export const AuditPage = component('AuditPage', page(AuditEntry));
