import * as z from 'zod/mini';
import { lazy } from '../../platform/lazy';
import { institutionTypes } from '../../institutions/institution';
import { responseSchema } from '../openapi/component-names';
import { itemsOf } from './common';
import { EditionState } from './edition-state';

const loadBounds = lazy(() => ({ minLoad: z.number(), maxLoad: z.number(), load: z.number() }));

/** The committed assignment (assignment/get-assignment.ts). */
export const Assignment = responseSchema('Assignment', () =>
  z.object({
    /** Experts per application. */
    k: z.number(),
    committedAt: z.nullable(z.string()),
    committedBy: z.nullable(z.string()),
    /** The committer's name at the time of the commit (null before the first commit or on older commits). */
    committedByName: z.nullable(z.string()),
    version: z.number(),
    experts: z.array(z.object({ userId: z.string(), displayName: z.string(), ...loadBounds() })),
    applications: z.array(
      z.object({
        applicationId: z.string(),
        institutionName: z.string(),
        type: z.enum(institutionTypes),
        experts: z.array(
          z.object({
            userId: z.string(),
            displayName: z.string(),
            locked: z.boolean(),
            flagged: z.boolean(),
            source: z.enum(['auto', 'manual']),
          }),
        ),
      }),
    ),
    /** Applications with fewer than k unflagged experts. */
    short: z.number(),
    flagged: z.number(),
  }),
);

const removalReason = lazy(() => z.enum(['conflict', 'notEligible', 'notInChapter', 'reoptimized']));

/** A proposed assignment, nothing written (assignment/propose-assignment.ts `proposalView`). */
export const AssignmentProposal = responseSchema('AssignmentProposal', () =>
  z.object({
    /** Commit this id to write exactly this proposal. */
    previewId: z.string(),
    mode: z.enum(['incremental', 'full']),
    k: z.number(),
    summary: z.object({
      applications: z.number(),
      experts: z.number(),
      pairs: z.number(),
      added: z.number(),
      kept: z.number(),
      removed: z.number(),
      totalAffinity: z.number(),
      objective: z.number(),
      minLoad: z.number(),
      maxLoad: z.number(),
      meanLoad: z.number(),
    }),
    histogram: z.array(z.object({ load: z.number(), experts: z.number() })),
    experts: z.array(
      z.object({
        userId: z.string(),
        displayName: z.string(),
        ...loadBounds(),
        added: z.number(),
        removed: z.number(),
      }),
    ),
    applications: z.array(
      z.object({
        applicationId: z.string(),
        institutionName: z.string(),
        type: z.enum(institutionTypes),
        experts: z.array(
          z.object({
            userId: z.string(),
            displayName: z.string(),
            affinity: z.number(),
            status: z.enum(['kept', 'locked', 'added']),
          }),
        ),
        removed: z.array(z.object({ userId: z.string(), displayName: z.string(), reason: removalReason() })),
      }),
    ),
    removedPairs: z.array(z.object({ applicationId: z.string(), userId: z.string(), reason: removalReason() })),
  }),
);

export const CommitResult = responseSchema('CommitResult', () =>
  z.object({
    previewId: z.string(),
    generation: z.string(),
    /** True when this preview was committed before (nothing written again). */
    alreadyCommitted: z.boolean(),
    pairs: z.number(),
    added: z.number(),
    removed: z.number(),
    /** Digest mails queued for the worker: one per expert with newly assigned applications. */
    mailed: z.number(),
  }),
);

export const Pair = responseSchema('Pair', () =>
  z.object({ applicationId: z.string(), userId: z.string(), locked: z.boolean() }),
);

/** The editions whose chapter the expert sits on (assignment/list-my-chapters.ts). */
export const MyChapters = responseSchema('MyChapters', () =>
  itemsOf(
    z.object({
      editionId: z.string(),
      name: z.string(),
      number: z.string(),
      year: z.number(),
      state: EditionState(),
      chair: z.boolean(),
      load: z.number(),
    }),
  ),
);

/** The expert's own assignments in an edition (assignment/list-my-assignments.ts). */
export const MyAssignments = responseSchema('MyAssignments', () =>
  z.extend(
    itemsOf(
      z.object({
        applicationId: z.string(),
        institutionName: z.string(),
        assignedAt: z.string(),
        flagged: z.nullable(z.object({ reason: z.string(), at: z.string() })),
      }),
    ),
    { minLoad: z.number(), maxLoad: z.number() },
  ),
);
