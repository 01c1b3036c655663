import * as z from 'zod/mini';
import type { CurrentPair } from './model';

/**
 * The committed assignment as it is stored (docs/data-model.md, patterns 30–32): a head naming the
 * current generation, and one item per expert of that generation listing their pairs. Pure: the
 * schemas the store reads items back through, and the types derived from them.
 */

/** One of an expert's pairs, with the institution it is about (the expert's own views need no other read). */
export const PairEntry = z.object({
  applicationId: z.string(),
  institutionId: z.string(),
  institutionName: z.string(),
  locked: z.boolean(),
  /** Set when a conflict was declared after the pair was committed: the expert is to be replaced. */
  flagged: z.optional(z.object({ reason: z.string(), at: z.string() })),
  source: z.enum(['auto', 'manual']),
  assignedAt: z.string(),
});
export type PairEntry = z.infer<typeof PairEntry>;

/** One expert's pairs in one generation. */
export const ExpertAssignment = z.object({
  editionId: z.string(),
  generation: z.string(),
  userId: z.string(),
  pairs: z.array(PairEntry),
  version: z.number(),
});
export type ExpertAssignment = z.infer<typeof ExpertAssignment>;

export const AssignmentHead = z.object({
  editionId: z.string(),
  /** Null until the first commit. */
  generation: z.nullable(z.string()),
  /** The generation this one replaced: kept until the next commit, for readers still on it. */
  previousGeneration: z.optional(z.nullable(z.string())),
  version: z.number(),
  /** The preview last committed, so a repeated commit of it is recognized (idempotency). */
  lastPreviewId: z.optional(z.string()),
  committedAt: z.optional(z.string()),
  /** The committer's e-mail (as the audit trail names them) and their name at the time (shown in the UI). */
  committedBy: z.optional(z.string()),
  committedByName: z.optional(z.string()),
  /** What the last commit changed, for answering a repeated commit of the same preview. */
  lastCommit: z.optional(z.object({ pairs: z.number(), added: z.number(), removed: z.number() })),
});
export type AssignmentHead = z.infer<typeof AssignmentHead>;

// A stored pair is the solver's current pair (model.ts) without the expert, plus the institution: the two cannot drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const pairMatchesModel: Same<Omit<PairEntry, 'institutionId' | 'institutionName'>, Omit<CurrentPair, 'userId'>> = true;
void pairMatchesModel;

export const emptyHead = (editionId: string): AssignmentHead => ({ editionId, generation: null, version: 0 });

/** The solver's view of the stored pairs. */
export const pairsOf = (experts: ExpertAssignment[]): CurrentPair[] =>
  experts.flatMap((x) =>
    x.pairs.map(({ institutionId: _i, institutionName: _n, ...p }) => ({ ...p, userId: x.userId })),
  );
