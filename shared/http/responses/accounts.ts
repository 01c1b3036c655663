import * as z from 'zod/mini';
import { lazy } from '../../platform/lazy';
import { AuditEntry as StoredAuditEntry } from '../../audit/audit';
import { Address, ContactPerson, Institution as StoredInstitution } from '../../institutions/institution';
import { suppressionReasons } from '../../mail/suppression';
import { component, responseSchema } from '../openapi/component-names';
import { PublicUserSchema } from '../schemas';
import { itemsOf, page } from './common';

component('Address', Address);
component('ContactPerson', ContactPerson);

/** `{ user }`: the account signed in or saved. */
export const SignedIn = responseSchema('SignedIn', () => z.object({ user: PublicUserSchema() }));

export const Me = responseSchema('Me', () =>
  z.object({
    user: PublicUserSchema(),
    institution: z.optional(z.object({ institutionId: z.string(), name: z.string() })),
  }),
);

/** SES reported a permanent bounce or a complaint for the account's address: no mail goes to it (shared/mail/). */
export const MailSuppression = responseSchema('MailSuppression', () =>
  z.object({
    reason: z.enum(suppressionReasons),
    bounceSubType: z.optional(z.string()),
    since: z.string(),
    lastAt: z.string(),
  }),
);
export const ListedUser = responseSchema('ListedUser', () =>
  z.extend(PublicUserSchema(), { mailSuppression: z.optional(MailSuppression()) }),
);
export const UserPage = responseSchema('UserPage', () => page(ListedUser()));
export const Members = lazy(() => itemsOf(PublicUserSchema()));

/** An institution's stored profile: the domain schema stores read items back through (institutions/institution.ts). */
export const Institution = responseSchema('Institution', StoredInstitution);

/**
 * An audit entry: the domain schema the audit store reads entries back through (audit/audit.ts),
 * with the acting account's current name (`actorName`) where there is one (audit/list-audit.ts).
 */
export const AuditEntry = responseSchema('AuditEntry', () =>
  z.extend(StoredAuditEntry, { actorName: z.optional(z.string()) }),
);
export const AuditPage = responseSchema('AuditPage', () => page(AuditEntry()));
