import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import * as z from 'zod/mini';
import type { Rubric } from '../editions/rubric';
import { institutionTypes } from '../institutions/institution';
import { aggregations, bases } from './results-settings';

/**
 * The published results of an edition (issue 14): an immutable record, canonicalized with RFC 8785
 * (JSON Canonicalization Scheme, the `canonicalize` package) and hashed with SHA-256. The hash is
 * shown on the public page and carried into certificates; `npm run verify-results` recomputes it
 * with its own code path. Laureates and distinctions only: non-laureates are never in a snapshot.
 * A correction is a new version naming the version (and hash) it replaces and why. Pure (hashing is
 * computation, not I/O).
 */
export const snapshotFormat = 'przyjazny-urzad/results@1';

export const SnapshotEntry = z.object({
  institutionId: z.string(),
  name: z.string(),
  town: z.string(),
  type: z.enum(institutionTypes),
  place: z.optional(z.number()),
  exAequo: z.optional(z.boolean()),
  /** Only when the edition publishes scores. */
  percent: z.optional(z.number()),
  /** Places moved up since its previous participation (+3 = up three), null = first time. */
  movement: z.optional(z.nullable(z.number())),
  /** Distinctions only: the chapter's reason. */
  reason: z.optional(z.string()),
});
export type SnapshotEntry = z.infer<typeof SnapshotEntry>;

export const SnapshotCategory = z.object({
  code: z.string(),
  name: z.object({ pl: z.string(), en: z.string() }),
  laureates: z.array(SnapshotEntry),
  distinctions: z.array(SnapshotEntry),
});
export type SnapshotCategory = z.infer<typeof SnapshotCategory>;

export const ResultsSnapshot = z.object({
  format: z.literal(snapshotFormat),
  edition: z.object({ editionId: z.string(), name: z.string(), number: z.string(), year: z.number() }),
  /** 1, 2, … */
  version: z.number(),
  /** A correction names the version it replaces. */
  previous: z.optional(z.object({ version: z.number(), sha256: z.string(), reason: z.string() })),
  /** ISO instants. */
  publishedAt: z.string(),
  validUntil: z.string(),
  /** sha256 hex of canonicalize(rubric). */
  rubricVersion: z.string(),
  thresholdPercent: z.number(),
  basis: z.enum(bases),
  aggregation: z.enum(aggregations),
  categories: z.array(SnapshotCategory),
});
export type ResultsSnapshot = z.infer<typeof ResultsSnapshot>;

/** RFC 8785 canonical JSON. Throws when the value has no JSON form (undefined, a function). */
export function canonicalJson(value: unknown): string {
  const json = canonicalize(value);
  if (json === undefined) throw new TypeError('value has no canonical JSON form');
  return json;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function snapshotHash(snapshot: ResultsSnapshot): string {
  return sha256Hex(canonicalJson(snapshot));
}

export const rubricHash = (rubric: Rubric) => sha256Hex(canonicalJson(rubric));

/**
 * The first 12 hex digits (48 bits): enough to tell versions apart at a glance, searchable and
 * copyable as one word. Pages show the full hash beside it, grouped for reading with `groupedHash`.
 */
export const shortHash = (hex: string) => hex.slice(0, 12);

/** The hash in groups of 4 digits separated by spaces, for people reading it aloud or comparing by eye: "3f2a 9c41 b0d7 …". */
export const groupedHash = (hex: string) => hex.match(/.{1,4}/g)?.join(' ') ?? '';

const leap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
/** Days in a month (0 = January) of the proleptic Gregorian calendar. */
const daysIn = (year: number, month: number) =>
  month === 1 ? (leap(year) ? 29 : 28) : ([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month] ?? 31);

/**
 * Validity end: `iso` + N calendar months, the day clamped to the target month's length (31 Jan + 1
 * → 28 Feb, or 29 in a leap year). The date is moved in the string's own frame (UTC for "Z", else
 * its offset) and the time and offset are kept verbatim, so the result is ISO in the same form as
 * the input. Throws on an unparseable instant or a non-integer count.
 */
export function addMonths(iso: string, months: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(.*)$/.exec(iso);
  if (!match || Number.isNaN(Date.parse(iso))) throw new RangeError(`not an ISO instant: ${iso}`);
  if (!Number.isInteger(months)) throw new RangeError(`months must be a whole number: ${months}`);
  const [, y = '', m = '', d = '', rest = ''] = match;
  if (Number(m) < 1 || Number(m) > 12 || Number(d) < 1 || Number(d) > daysIn(Number(y), Number(m) - 1))
    throw new RangeError(`not a calendar date: ${iso}`);
  const index = Number(y) * 12 + (Number(m) - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const day = Math.min(Number(d), daysIn(year, month));
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month + 1, 2)}-${pad(day, 2)}${rest}`;
}
