import type { Deps } from '../deps';
import type { Feedback, FeedbackStatus } from './feedback';
import { listInstitutionFeedback } from './feedback-store';

/** A feedback as its office's staff see it: everything but the resident's e-mail (only whether one was left). */
export type StaffFeedback = Omit<Feedback, 'replyEmail' | 'attachment'> & {
  replyByEmail: boolean;
  /** The attachment's type and size (downloaded by its own route). */
  attachment?: Omit<NonNullable<Feedback['attachment']>, 'sha256'>;
};

export const staffView = ({ replyEmail, attachment, ...rest }: Feedback): StaffFeedback => ({
  ...rest,
  replyByEmail: !!replyEmail,
  ...(attachment
    ? { attachment: { kind: attachment.kind, contentType: attachment.contentType, size: attachment.size } }
    : {}),
});

/** The office's feedback inbox, newest first, all or of one status, a page at a time (the route's policy checked the caller's office). */
export async function listFeedback(
  deps: Pick<Deps, 'store'>,
  input: { institutionId: string; status?: FeedbackStatus; cursor?: string; limit: number },
): Promise<{ items: StaffFeedback[]; cursor: string | null }> {
  const page = await listInstitutionFeedback(deps.store, input.institutionId, input);
  return { items: page.items.map(staffView), cursor: page.cursor };
}
