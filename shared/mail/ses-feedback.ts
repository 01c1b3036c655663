import * as z from 'zod/mini';
import { MalformedJobError } from '../certificates/process-certificate-job';
import { suppressionAddress } from './suppression';

/**
 * SES's bounce and complaint events as the jobs queue receives them: the configuration set's event
 * destination publishes each event to an SNS topic, whose SQS subscription (raw delivery off) puts
 * SNS's JSON envelope on the queue, the SES event as a JSON string in its `Message`.
 */
const SnsNotification = z.object({
  Type: z.literal('Notification'),
  TopicArn: z.string(),
  MessageId: z.optional(z.string()),
  Message: z.string(),
});

const recipients = z.array(z.object({ emailAddress: z.string().check(z.minLength(3), z.maxLength(320)) }));

/** The fields read of an SES event (event publishing names it `eventType`, identity notifications `notificationType`). */
const SesEvent = z.object({
  eventType: z.optional(z.string()),
  notificationType: z.optional(z.string()),
  mail: z.object({ messageId: z.string() }),
  bounce: z.optional(
    z.object({
      bounceType: z.string(),
      bounceSubType: z.optional(z.string()),
      bouncedRecipients: recipients,
      timestamp: z.string(),
      feedbackId: z.string(),
    }),
  ),
  complaint: z.optional(
    z.object({
      complainedRecipients: recipients,
      timestamp: z.string(),
      feedbackId: z.string(),
      complaintFeedbackType: z.optional(z.string()),
    }),
  ),
});

export type MailFeedback =
  | {
      kind: 'bounce';
      /** Permanent, Transient or Undetermined: only Permanent suppresses. */
      bounceType: string;
      bounceSubType?: string;
      recipients: string[];
      at: string;
      feedbackId: string;
      messageId: string;
    }
  | {
      kind: 'complaint';
      feedbackType?: string;
      recipients: string[];
      at: string;
      feedbackId: string;
      messageId: string;
    }
  | { kind: 'other'; eventType: string; messageId: string };

/** Is this queue message an SNS notification (rather than a job)? Jobs have a `type`, never a `Type`. */
export function isSnsNotification(json: unknown): boolean {
  return typeof json === 'object' && json !== null && 'Type' in json && 'TopicArn' in json;
}

const issuesOf = (error: z.core.$ZodError) => error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);

/**
 * The SES event inside an SNS notification; a malformed one, or one from a topic other than
 * `expectedTopicArn` (when given), throws MalformedJobError (retried, then dead-lettered).
 */
export function parseMailFeedback(json: unknown, expectedTopicArn?: string): MailFeedback {
  const envelope = SnsNotification.safeParse(json);
  if (!envelope.success) throw new MalformedJobError(['SNS notification', ...issuesOf(envelope.error)]);
  // Only SES's own topic may suppress an address: anything else able to post to the jobs queue may not.
  if (expectedTopicArn && envelope.data.TopicArn !== expectedTopicArn)
    throw new MalformedJobError([`SNS notification from another topic: ${envelope.data.TopicArn}`]);
  let inner: unknown;
  try {
    inner = JSON.parse(envelope.data.Message);
  } catch {
    throw new MalformedJobError(['SNS Message is not JSON']);
  }
  const parsed = SesEvent.safeParse(inner);
  if (!parsed.success) throw new MalformedJobError(['SES event', ...issuesOf(parsed.error)]);
  const event = parsed.data;
  const eventType = event.eventType ?? event.notificationType ?? '';
  const messageId = event.mail.messageId;
  if (eventType === 'Bounce') {
    if (!event.bounce) throw new MalformedJobError(['SES event: a Bounce without `bounce`']);
    const b = event.bounce;
    return {
      kind: 'bounce',
      bounceType: b.bounceType,
      ...(b.bounceSubType ? { bounceSubType: b.bounceSubType } : {}),
      recipients: b.bouncedRecipients.map((r) => suppressionAddress(r.emailAddress)),
      at: b.timestamp,
      feedbackId: b.feedbackId,
      messageId,
    };
  }
  if (eventType === 'Complaint') {
    if (!event.complaint) throw new MalformedJobError(['SES event: a Complaint without `complaint`']);
    const c = event.complaint;
    return {
      kind: 'complaint',
      ...(c.complaintFeedbackType ? { feedbackType: c.complaintFeedbackType } : {}),
      recipients: c.complainedRecipients.map((r) => suppressionAddress(r.emailAddress)),
      at: c.timestamp,
      feedbackId: c.feedbackId,
      messageId,
    };
  }
  if (!eventType) throw new MalformedJobError(['SES event: no eventType']);
  return { kind: 'other', eventType, messageId };
}
