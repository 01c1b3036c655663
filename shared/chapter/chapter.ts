import * as z from 'zod/mini';
import { instant } from '../editions/instant';
import {
  institutionTypes,
  text,
  voivodeships,
  type InstitutionType,
  type Voivodeship,
} from '../institutions/institution';
import { isValidNip } from '../institutions/nip';
import { languages } from '../language';
import { searchKey } from '../text/search-key';

/**
 * The chapter (Kapituła) of an edition and what drives its assignment: members with load bounds,
 * conflicts of interest (stored and derived by rules), bids and the affinity weights. Pure: no I/O.
 */

export const Workplace = z.object({
  /** The expert's declared place of work; the same-commune / same-county rules compare with it. */
  voivodeship: z.enum(voivodeships),
  county: text(100),
  commune: text(100),
  /** NIP of the employing institution, for the affiliation rule. */
  nip: z.optional(z.string().check(z.refine((v) => v === '' || isValidNip(v), 'nip'))),
});
export type Workplace = z.infer<typeof Workplace>;

const load = z.number().check(z.int(), z.gte(0), z.lte(500));

export const MemberInput = z.object({
  minLoad: load,
  maxLoad: load,
  expertise: z.array(text(100)).check(z.maxLength(20)),
  preferredCategories: z.array(z.enum(institutionTypes)).check(z.maxLength(institutionTypes.length)),
  chair: z.boolean(),
  workplace: z.optional(Workplace),
  /** Absent when adding; the stored version when editing. */
  version: z.optional(z.number().check(z.int(), z.gte(1))),
});
export type MemberInput = z.infer<typeof MemberInput>;

/** A member of an edition's chapter as stored: the settings the organizer chose, and who the expert is. */
export const ChapterMember = z.extend(z.omit(MemberInput, { version: true }), {
  editionId: z.string(),
  userId: z.string(),
  displayName: z.string(),
  email: z.string(),
  language: z.enum(languages),
  addedAt: z.string(),
  version: z.number(),
});
export type ChapterMember = z.infer<typeof ChapterMember>;

export const conflictRules = ['sameCommune', 'sameCounty', 'affiliation', 'previousEdition'] as const;
export type ConflictRule = (typeof conflictRules)[number];

const weight = z.number().check(z.int(), z.gte(0), z.lte(100));
export const AssignmentSettingsInput = z.object({
  rules: z.object({
    sameCommune: z.boolean(),
    sameCounty: z.boolean(),
    affiliation: z.boolean(),
    previousEdition: z.boolean(),
  }),
  /** The edition whose reviews the rotation rule looks at. */
  previousEditionId: z.optional(z.string().check(z.regex(/^[0-9A-Za-z_-]{1,64}$/, 'id'))),
  /** Affinity = bid × weights.bid + (category preferred ? weights.preferredCategory : 0). */
  weights: z.object({ bid: weight, preferredCategory: weight }),
  /** Weight of the balance term (load²); 0 ignores balance. */
  balance: weight,
  bidding: z.optional(z.object({ opensAt: instant, closesAt: instant })),
  version: z.optional(z.number().check(z.int(), z.gte(0))),
});
export type AssignmentSettingsInput = z.infer<typeof AssignmentSettingsInput>;
/** The settings as stored (version 0: never saved, the defaults). */
export const AssignmentSettings = z.extend(z.omit(AssignmentSettingsInput, { version: true }), { version: z.number() });
export type AssignmentSettings = z.infer<typeof AssignmentSettings>;

export const defaultAssignmentSettings: AssignmentSettings = {
  rules: { sameCommune: true, sameCounty: true, affiliation: true, previousEdition: false },
  weights: { bid: 10, preferredCategory: 5 },
  balance: 1,
  version: 0,
};

export const bidValues = [-2, -1, 0, 1, 2] as const;

/** An expert's bid on an application (0 is never stored: it removes the bid). */
export const StoredBid = z.object({ userId: z.string(), applicationId: z.string(), value: z.number() });
export type StoredBid = z.infer<typeof StoredBid>;

/** Where an institution is, as the rules compare it. */
export interface InstitutionPlace {
  institutionId: string;
  name: string;
  nip: string;
  type: InstitutionType;
  voivodeship: Voivodeship;
  county: string;
  commune: string;
}

/** A conflict of interest recorded for an edition: declared by the expert or set by the organizer. */
export const StoredConflict = z.object({
  userId: z.string(),
  institutionId: z.string(),
  source: z.enum(['declared', 'organizer']),
  reason: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type StoredConflict = z.infer<typeof StoredConflict>;

/** Why an expert may not review an institution: a stored conflict or a rule. */
export type ConflictReason =
  | { source: 'declared' | 'organizer'; reason: string }
  | { source: 'rule'; rule: ConflictRule };

const same = (a: string, b: string) => searchKey(a) === searchKey(b);

/** Every enabled rule that forbids the pair, most specific first. */
export function derivedConflicts(
  member: Pick<ChapterMember, 'userId' | 'workplace'>,
  institution: InstitutionPlace,
  settings: Pick<AssignmentSettings, 'rules'>,
  reviewedLastEdition: (userId: string, institutionId: string) => boolean,
): ConflictRule[] {
  const rules: ConflictRule[] = [];
  const w = member.workplace;
  const sameCounty = w !== undefined && w.voivodeship === institution.voivodeship && same(w.county, institution.county);
  if (settings.rules.sameCommune && sameCounty && same(w.commune, institution.commune)) rules.push('sameCommune');
  if (settings.rules.sameCounty && sameCounty) rules.push('sameCounty');
  if (settings.rules.affiliation && w?.nip && w.nip === institution.nip) rules.push('affiliation');
  if (settings.rules.previousEdition && reviewedLastEdition(member.userId, institution.institutionId))
    rules.push('previousEdition');
  return rules;
}

/** Everything that forbids the pair: the stored conflicts (declared, set), then the rules that apply. */
export function pairReasons(
  stored: readonly Pick<StoredConflict, 'source' | 'reason'>[],
  member: Pick<ChapterMember, 'userId' | 'workplace'>,
  institution: InstitutionPlace,
  settings: Pick<AssignmentSettings, 'rules'>,
  reviewedLastEdition: (userId: string, institutionId: string) => boolean,
): ConflictReason[] {
  return [
    ...stored.map((c) => ({ source: c.source, reason: c.reason })),
    ...derivedConflicts(member, institution, settings, reviewedLastEdition).map((rule) => ({
      source: 'rule' as const,
      rule,
    })),
  ];
}

/** How much the expert is suited to the application (higher is better); without bids, category match alone. */
export function affinity(
  member: Pick<ChapterMember, 'preferredCategories'>,
  type: InstitutionType,
  bid: number,
  weights: AssignmentSettings['weights'],
): number {
  return bid * weights.bid + (member.preferredCategories.includes(type) ? weights.preferredCategory : 0);
}

/** Problems of a member's settings by field (empty when fine). */
export function memberProblems(
  input: Pick<MemberInput, 'minLoad' | 'maxLoad'>,
): Record<string, { pl: string; en: string }> {
  if (input.minLoad > input.maxLoad) {
    return {
      minLoad: {
        pl: 'Minimalne obciążenie nie może przekraczać maksymalnego.',
        en: 'The minimum load cannot exceed the maximum.',
      },
    };
  }
  return {};
}

export const ruleLabels: Record<ConflictRule, { pl: string; en: string }> = {
  sameCommune: { pl: 'ta sama gmina', en: 'same commune' },
  sameCounty: { pl: 'ten sam powiat', en: 'same county' },
  affiliation: { pl: 'miejsce pracy eksperta', en: 'expert’s employer' },
  previousEdition: { pl: 'ocena w poprzedniej edycji', en: 'reviewed it in the previous edition' },
};

/** A conflict's reason in words, without the free text ("reguła „ten sam powiat”", "zgłoszony przez eksperta"). */
export function reasonLabel(r: ConflictReason): { pl: string; en: string } {
  if (r.source === 'rule') return { pl: `reguła „${ruleLabels[r.rule].pl}”`, en: `the ${ruleLabels[r.rule].en} rule` };
  return r.source === 'declared'
    ? { pl: 'zgłoszony przez eksperta', en: 'declared by the expert' }
    : { pl: 'ustawiony przez organizatora', en: 'set by the organizer' };
}

/** All of a pair's reasons in words, with the free text of stored ones. */
export const describeReasons = (reasons: ConflictReason[], lang: 'pl' | 'en') =>
  reasons.map((r) => `${reasonLabel(r)[lang]}${r.source === 'rule' ? '' : `: ${r.reason}`}`).join('; ');

export type BiddingWindow = 'notSet' | 'notYetOpen' | 'open' | 'closed';

export function biddingWindow(settings: AssignmentSettings, now: Date): BiddingWindow {
  if (!settings.bidding) return 'notSet';
  if (now.getTime() < Date.parse(settings.bidding.opensAt)) return 'notYetOpen';
  return now.getTime() < Date.parse(settings.bidding.closesAt) ? 'open' : 'closed';
}
