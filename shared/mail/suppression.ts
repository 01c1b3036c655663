import * as z from 'zod/mini';

/** Why SES says an address must not be mailed again. */
export const suppressionReasons = ['bounce', 'complaint'] as const;
export type SuppressionReason = (typeof suppressionReasons)[number];

/**
 * An address the platform no longer mails (shared/mail/suppression-store.ts): SES reported a
 * permanent bounce or a complaint for it. `count` counts distinct SES feedback events.
 */
export const Suppression = z.object({
  address: z.string(),
  reason: z.enum(suppressionReasons),
  /** SES's bounce subtype (General, NoEmail, Suppressed, OnAccountSuppressionList…) for a bounce. */
  bounceSubType: z.optional(z.string()),
  firstAt: z.string(),
  lastAt: z.string(),
  count: z.number(),
});
export type Suppression = z.infer<typeof Suppression>;

/** The form an address is suppressed and looked up under: the bare address, trimmed and lower-cased. */
export function suppressionAddress(recipient: string): string {
  return (/<([^>]+)>/.exec(recipient)?.[1] ?? recipient).trim().toLowerCase();
}

/** An address as logs may show it: the first letter of the local part and the domain (a***@example.org). */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${address[0]}***${address.slice(at)}`;
}
