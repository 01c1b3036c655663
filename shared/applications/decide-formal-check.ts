import type { Caller } from '../access/caller';
import { callerActor, findUserByEmail } from '../accounts/user-store';
import { getEdition } from '../editions/edition-read-store';
import { AppError } from '../errors';
import { listMembers } from '../institutions/list-members';
import type { ApplicationHeader, ApplicationStatus } from './application';
import { type FormalCheckOutcome, formalCheckMail } from './formal-check-mail';
import { changeStatus, getHeader, statusChange } from './application-store';
import type { Language } from '../language';
import type { Deps } from '../deps';

export type FormalDecision =
  | { decision: 'accept'; version: number }
  | { decision: 'return'; message: string; correctionDeadline: string; version: number }
  | { decision: 'reject'; reason: string; version: number };

const outcome: Record<
  FormalDecision['decision'],
  { status: ApplicationStatus; action: 'application.accepted' | 'application.returned' | 'application.rejected' }
> = {
  accept: { status: 'accepted', action: 'application.accepted' },
  return: { status: 'returned', action: 'application.returned' },
  reject: { status: 'rejected', action: 'application.rejected' },
};

export type DecideFormalCheckDeps = Pick<Deps, 'store' | 'clock' | 'ids' | 'jobs' | 'logger' | 'settings'>;

/** The decision (with the header's version the organizer saw), the application and who decides. */
export type DecideFormalCheckInput = FormalDecision & { caller: Caller; applicationId: string };

/**
 * The organizer's formal check of a submitted application: accept, return for correction (with a
 * message and a new deadline; the institution may edit and resubmit until then), or reject as
 * ineligible with a reason. Guarded by the status and version read; audited; every outcome is mailed.
 */
export async function decideFormalCheck(
  deps: DecideFormalCheckDeps,
  input: DecideFormalCheckInput,
): Promise<ApplicationHeader> {
  const { caller, applicationId } = input;
  const [header, actor] = await Promise.all([
    getHeader(deps.store, applicationId, true),
    callerActor(deps.store, caller),
  ]);
  if (header.status !== 'submitted') {
    throw new AppError('INVALID_STATE', `Application is ${header.status}`, {
      detail: {
        pl: 'Ocenić formalnie można tylko złożone zgłoszenie.',
        en: 'Only a submitted application can be formally checked.',
      },
    });
  }
  const now = deps.clock.now();
  if (input.decision === 'return' && Date.parse(input.correctionDeadline) <= now.getTime()) {
    throw new AppError('VALIDATION_FAILED', 'Deadline in the past', {
      fields: {
        correctionDeadline: {
          pl: 'Termin poprawek musi być w przyszłości.',
          en: 'The correction deadline must be in the future.',
        },
      },
    });
  }
  const { status, action } = outcome[input.decision];
  const at = now.toISOString();
  const after: ApplicationHeader = {
    ...header,
    status,
    updatedAt: at,
    version: header.version + 1,
    correction:
      input.decision === 'return'
        ? { message: input.message, deadline: input.correctionDeadline, returnedAt: at }
        : header.correction,
    rejection: input.decision === 'reject' ? { reason: input.reason, rejectedAt: at } : undefined,
  };
  // Only the decision's own record is written (a returned application gets no rejection, and so on).
  const record =
    input.decision === 'return'
      ? { correction: after.correction }
      : input.decision === 'reject'
        ? { rejection: after.rejection }
        : {};
  await changeStatus(deps, statusChange(header, status, { from: ['submitted'], version: input.version }, at, record), {
    action,
    actor,
    subject: { type: 'application', id: applicationId, label: header.institution.name },
    ip: caller.ip,
    before: { status: header.status },
    after: {
      status,
      ...(input.decision === 'return' ? { message: input.message, correctionDeadline: input.correctionDeadline } : {}),
      ...(input.decision === 'reject' ? { reason: input.reason } : {}),
    },
  });
  await notifyInstitution(deps, after, input);
  return after;
}

/**
 * Every outcome is mailed to the institution's active members and the submitter (issue 16 §6), each
 * in their language, through the job queue like the other notices: the decision is already stored,
 * so a mail that cannot be queued is logged rather than failing the organizer's request.
 */
async function notifyInstitution(
  deps: DecideFormalCheckDeps,
  header: ApplicationHeader,
  input: FormalDecision,
): Promise<void> {
  const edition = await getEdition(deps.store, header.editionId);
  const members = (await listMembers(deps, { institutionId: header.institutionId })).filter(
    (m) => m.status === 'active',
  );
  const submitter = header.submittedBy ? await findUserByEmail(deps.store, header.submittedBy) : null;
  const recipients = new Map<string, Language>(members.map((m) => [m.email, m.language]));
  if (submitter) recipients.set(submitter.email, submitter.language);
  const link = `${deps.settings.publicOrigin}/applications/${header.applicationId}`;
  const outcome: FormalCheckOutcome =
    input.decision === 'accept'
      ? { decision: 'accept' }
      : input.decision === 'return'
        ? { decision: 'return', message: input.message, correctionDeadline: input.correctionDeadline }
        : { decision: 'reject', reason: input.reason };
  await Promise.all(
    [...recipients].map(([to, lang]) =>
      deps.jobs
        .send({
          type: 'mail.send',
          message: formalCheckMail(to, lang, edition, header.institution.name, outcome, link),
        })
        .catch((error: unknown) =>
          deps.logger.error('Formal check mail not queued', {
            applicationId: header.applicationId,
            error: String(error),
          }),
        ),
    ),
  );
}
