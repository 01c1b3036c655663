import * as z from 'zod/mini';
import { feedbackCategories, feedbackStatuses } from '../../feedback/feedback';
import { component } from '../openapi/component-names';

/** What the resident gets back once: the tracking code (stored nowhere but as a hash). */
export const FeedbackReceipt = component('FeedbackReceipt', z.object({ trackingCode: z.string() }));

/** The public status page of a feedback: no text, no e-mail, no private note. */
export const PublicFeedbackSchema = component(
  'PublicFeedback',
  z.object({
    institutionName: z.string(),
    category: z.enum(feedbackCategories),
    status: z.enum(feedbackStatuses),
    submittedOn: z.string(),
    answeredOn: z.optional(z.string()),
    closedOn: z.optional(z.string()),
    publicAnswer: z.optional(z.string()),
  }),
);
