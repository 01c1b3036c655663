import * as z from 'zod/mini';
import { feedbackAttachmentKinds, feedbackAttachmentTypes } from '../../feedback/attachment';
import { feedbackCategories, feedbackStatuses } from '../../feedback/feedback';
import { responseSchema } from '../openapi/component-names';

/** What the resident gets back once: the tracking code (stored nowhere but as a hash). */
export const FeedbackReceipt = responseSchema('FeedbackReceipt', () => z.object({ trackingCode: z.string() }));

/** The public status page of a feedback: no text, no e-mail, no private note. */
export const PublicFeedbackSchema = responseSchema('PublicFeedback', () =>
  z.object({
    institutionName: z.string(),
    category: z.enum(feedbackCategories),
    status: z.enum(feedbackStatuses),
    submittedOn: z.string(),
    answeredOn: z.optional(z.string()),
    closedOn: z.optional(z.string()),
    publicAnswer: z.optional(z.string()),
    hasAttachment: z.boolean(),
  }),
);

/** A feedback as its office's staff see it: the resident's e-mail never, only whether one was left. */
export const StaffFeedbackSchema = responseSchema('StaffFeedback', () =>
  z.object({
    feedbackId: z.string(),
    institutionId: z.string(),
    institutionName: z.string(),
    category: z.enum(feedbackCategories),
    text: z.string(),
    replyByEmail: z.boolean(),
    status: z.enum(feedbackStatuses),
    publicAnswer: z.optional(z.string()),
    privateNote: z.optional(z.string()),
    submittedAt: z.string(),
    submittedOn: z.string(),
    answeredOn: z.optional(z.string()),
    closedOn: z.optional(z.string()),
    updatedAt: z.string(),
    version: z.number(),
    attachment: z.optional(
      z.object({ kind: z.enum(feedbackAttachmentKinds), contentType: z.string(), size: z.number() }),
    ),
  }),
);

export const feedbackAttachmentMediaTypes = Object.values(feedbackAttachmentTypes);

/** A single-use upload slot for a feedback's attachment: PUT the bytes as `upload` says, then send `slotId`. */
export const FeedbackAttachmentSlot = responseSchema('FeedbackAttachmentSlot', () =>
  z.object({
    slotId: z.string(),
    expiresAt: z.string(),
    upload: z.object({
      url: z.string(),
      method: z.literal('PUT'),
      headers: z.record(z.string(), z.string()),
      expiresAt: z.string(),
    }),
  }),
);

export const StaffFeedbackPage = responseSchema('StaffFeedbackPage', () =>
  z.object({ items: z.array(StaffFeedbackSchema()), cursor: z.nullable(z.string()) }),
);

export const FeedbackStatsSchema = responseSchema('FeedbackStats', () =>
  z.object({
    total: z.number(),
    byMonth: z.array(z.object({ month: z.string(), category: z.enum(feedbackCategories), count: z.number() })),
    answered: z.number(),
    medianDaysToAnswer: z.nullable(z.number()),
    answeredWithin14Days: z.nullable(z.number()),
  }),
);
