import * as z from 'zod/mini';
import { lazy } from '../../platform/lazy';
import { AssignmentSettingsInput, conflictRules, MemberInput, Workplace } from '../../chapter/chapter';
import { institutionTypes, voivodeships } from '../../institutions/institution';
import { component, responseSchema } from '../openapi/component-names';
import { itemsOf, offsetPage } from './common';
import { languages } from '../../language';

component('Workplace', Workplace);

/** A member of an edition's chapter (chapter/chapter.ts `ChapterMember`). */
export const ChapterMember = responseSchema('ChapterMember', () =>
  z.extend(z.omit(MemberInput, { version: true }), {
    editionId: z.string(),
    userId: z.string(),
    displayName: z.string(),
    email: z.string(),
    language: z.enum(languages),
    addedAt: z.string(),
    version: z.number(),
  }),
);

export const ChapterList = responseSchema('ChapterList', () =>
  itemsOf(z.extend(ChapterMember(), { load: z.number(), flagged: z.number() })),
);

export const AssignmentSettings = responseSchema('AssignmentSettings', () =>
  z.extend(z.omit(AssignmentSettingsInput, { version: true }), { version: z.number() }),
);

/** Why an expert may not review an institution: a stored conflict or a rule. */
export const ConflictReason = responseSchema('ConflictReason', () =>
  z.union([
    z.object({ source: z.enum(['declared', 'organizer']), reason: z.string() }),
    z.object({ source: z.literal('rule'), rule: z.enum(conflictRules) }),
  ]),
);

export const ConflictPage = responseSchema('ConflictPage', () =>
  offsetPage(
    z.object({
      userId: z.string(),
      expertName: z.string(),
      institutionId: z.string(),
      institutionName: z.string(),
      /** Null for a stored conflict with an institution that has no assignable application. */
      applicationId: z.nullable(z.string()),
      reasons: z.array(ConflictReason()),
    }),
  ),
);

/** A stored conflict; `flagged` tells whether an assigned pair was flagged for replacement. */
export const Conflict = responseSchema('Conflict', () =>
  z.object({
    userId: z.string(),
    institutionId: z.string(),
    source: z.enum(['declared', 'organizer']),
    reason: z.string(),
    createdAt: z.string(),
    createdBy: z.string(),
    flagged: z.boolean(),
  }),
);

/** The expert's bidding page (chapter/list-bidding.ts). */
export const BiddingPage = responseSchema('BiddingPage', () =>
  z.extend(
    offsetPage(
      z.object({
        applicationId: z.string(),
        institutionName: z.string(),
        type: z.enum(institutionTypes),
        voivodeship: z.enum(voivodeships),
        bid: z.number(),
        conflict: z.array(ConflictReason()),
      }),
    ),
    {
      window: z.enum(['notSet', 'notYetOpen', 'open', 'closed']),
      opensAt: z.optional(z.string()),
      closesAt: z.optional(z.string()),
    },
  ),
);

export const Bid = lazy(() => z.object({ applicationId: z.string(), bid: z.number() }));
