import { createHash, randomBytes } from 'node:crypto';
import type { Deps } from '../../shared/deps';
import { attachmentBlobKey } from '../../shared/feedback/attachment';
import type { Feedback, FeedbackCategory, FeedbackStatus } from '../../shared/feedback/feedback';
import { putNewFeedback } from '../../shared/feedback/feedback-store';
import { tinyPng } from '../../shared/feedback/tiny-png';
import { newTrackingCode, TRACKING_CODE_BYTES, trackingCodeHash } from '../../shared/feedback/tracking-code';
import { findInstitution } from '../../shared/institutions/institution-store';
import { warsawDate } from '../../shared/surveys/survey';

const DAY = 24 * 60 * 60 * 1000;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ULID-shaped id minted at `at` (the inbox is ordered by id, so a back-dated item must carry its own time). */
function idAt(at: Date): string {
  let time = '';
  for (let rest = at.getTime(), i = 0; i < 10; i++, rest = Math.floor(rest / 32)) time = CROCKFORD[rest % 32] + time;
  return time + newTrackingCode(randomBytes(TRACKING_CODE_BYTES)).replace(/-/g, '');
}

interface DemoItem {
  category: FeedbackCategory;
  text: string;
  status: FeedbackStatus;
  /** Days ago it was sent, and (if answered) how many days later. */
  sentDaysAgo: number;
  answeredAfter?: number;
  publicAnswer?: string;
  privateNote?: string;
  /** A small PNG sent with it (a "screenshot"), generated in code. */
  withAttachment?: boolean;
}

const items: DemoItem[] = [
  {
    category: 'complaint',
    text: 'W wydziale komunikacji czekałem ponad godzinę, a biletomat nie działał.',
    status: 'closed',
    sentDaysAgo: 52,
    answeredAfter: 6,
    publicAnswer: 'Dziękujemy. Biletomat naprawiono, a w godzinach szczytu otwieramy dodatkowe stanowisko.',
  },
  {
    category: 'suggestion',
    text: 'Proszę o możliwość umawiania wizyt przez internet także w sprawach meldunkowych.',
    status: 'answered',
    sentDaysAgo: 34,
    answeredAfter: 18,
    publicAnswer: 'Rezerwacja wizyt w sprawach meldunkowych będzie dostępna od przyszłego miesiąca.',
  },
  {
    category: 'praise',
    text: 'Pani w punkcie informacyjnym bardzo cierpliwie pomogła mojej mamie wypełnić wniosek.',
    status: 'answered',
    sentDaysAgo: 20,
    answeredAfter: 2,
    publicAnswer: 'Dziękujemy za miłe słowa — przekazaliśmy je zespołowi.',
  },
  {
    category: 'complaint',
    text: 'Na stronie urzędu brakuje informacji, jakie dokumenty zabrać do wymiany dowodu.',
    status: 'in_progress',
    sentDaysAgo: 9,
    privateNote: 'Przekazane do zespołu BIP, termin do końca miesiąca.',
    withAttachment: true,
  },
  {
    category: 'suggestion',
    text: 'Przydałby się podjazd dla wózków przy wejściu od strony parkingu.',
    status: 'new',
    sentDaysAgo: 3,
  },
  {
    category: 'praise',
    text: 'Sprawa załatwiona w 10 minut, dziękuję!',
    status: 'new',
    sentDaysAgo: 1,
  },
];

/**
 * The demo office's residents' feedback (issue 18 §9): a handful of items in every status over the
 * last two months, so the inbox and its analytics show something at once; one carries a tiny PNG. Written straight through the
 * store (one transaction each, with random tracking codes that nobody keeps), so the seed stays fast.
 */
export async function seedDemoFeedback(
  deps: Pick<Deps, 'store' | 'clock' | 'blobs'>,
  institutionId: string,
): Promise<number> {
  const institution = await findInstitution(deps.store, institutionId);
  if (!institution) return 0;
  const now = deps.clock.now().getTime();
  for (const item of items) {
    const sent = new Date(now - item.sentDaysAgo * DAY);
    const answered = item.answeredAfter === undefined ? undefined : new Date(sent.getTime() + item.answeredAfter * DAY);
    const feedbackId = idAt(sent);
    const png = item.withAttachment ? tinyPng(16) : undefined;
    if (png) await deps.blobs.documents.put(attachmentBlobKey(institutionId, feedbackId), png, 'image/png');
    const feedback: Feedback = {
      feedbackId,
      institutionId,
      institutionName: institution.name,
      category: item.category,
      text: item.text,
      status: item.status,
      ...(item.publicAnswer ? { publicAnswer: item.publicAnswer } : {}),
      ...(item.privateNote ? { privateNote: item.privateNote } : {}),
      submittedAt: sent.toISOString(),
      submittedOn: warsawDate(sent),
      ...(answered ? { answeredOn: warsawDate(answered) } : {}),
      ...(item.status === 'closed' && answered ? { closedOn: warsawDate(new Date(answered.getTime() + DAY)) } : {}),
      updatedAt: (answered ?? sent).toISOString(),
      version: 1,
      ...(png
        ? {
            attachment: {
              kind: 'png' as const,
              contentType: 'image/png',
              size: png.length,
              sha256: createHash('sha256').update(png).digest('hex'),
            },
          }
        : {}),
    };
    await putNewFeedback(deps.store, feedback, trackingCodeHash(newTrackingCode(randomBytes(TRACKING_CODE_BYTES))));
  }
  return items.length;
}
