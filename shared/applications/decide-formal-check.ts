import type { Caller } from '../access/caller';
import { callerActor, findUserByEmail } from '../accounts/user-store';
import { getEdition } from '../editions/edition-store';
import { AppError } from '../errors';
import { listMembers } from '../institutions/list-members';
import { formatWarsaw, type ApplicationHeader, type ApplicationStatus } from './application';
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

export type DecideFormalCheckDeps = Pick<Deps, 'store' | 'clock' | 'ids' | 'mail' | 'settings'>;

/** The decision (with the header's version the organizer saw), the application and who decides. */
export type DecideFormalCheckInput = FormalDecision & { caller: Caller; applicationId: string };

/**
 * The organizer's formal check of a submitted application: accept, return for correction (with a
 * message and a new deadline; the institution is mailed and may edit and resubmit until then), or
 * reject as ineligible with a reason. Guarded by the status and version read; audited.
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
  if (input.decision !== 'accept') await notifyInstitution(deps, after, input);
  return after;
}

async function notifyInstitution(
  deps: DecideFormalCheckDeps,
  header: ApplicationHeader,
  input: Exclude<FormalDecision, { decision: 'accept' }>,
): Promise<void> {
  const edition = await getEdition(deps.store, header.editionId);
  const members = (await listMembers(deps, { institutionId: header.institutionId })).filter(
    (m) => m.status === 'active',
  );
  const submitter = header.submittedBy ? await findUserByEmail(deps.store, header.submittedBy) : null;
  const recipients = new Map<string, Language>(members.map((m) => [m.email, m.language]));
  if (submitter) recipients.set(submitter.email, submitter.language);
  const link = `${deps.settings.publicOrigin}/applications/${header.applicationId}`;
  for (const [to, lang] of recipients) {
    const pl = lang === 'pl';
    if (input.decision === 'return') {
      const until = formatWarsaw(input.correctionDeadline)[lang];
      await deps.mail.send({
        to,
        subject: pl
          ? `Zgłoszenie zwrócone do poprawy — ${edition.name}`
          : `Application returned for correction — ${edition.name}`,
        text: pl
          ? `Organizator zwrócił zgłoszenie instytucji ${header.institution.name} do poprawy.\n\nUwagi:\n${input.message}\n\nPopraw je i złóż ponownie do ${until}: ${link}`
          : `The organizer returned the application of ${header.institution.name} for correction.\n\nNotes:\n${input.message}\n\nCorrect it and submit again by ${until}: ${link}`,
      });
    } else {
      await deps.mail.send({
        to,
        subject: pl ? `Zgłoszenie odrzucone formalnie — ${edition.name}` : `Application rejected — ${edition.name}`,
        text: pl
          ? `Zgłoszenie instytucji ${header.institution.name} nie spełnia wymogów formalnych.\n\nUzasadnienie:\n${input.reason}`
          : `The application of ${header.institution.name} does not meet the formal requirements.\n\nReason:\n${input.reason}`,
      });
    }
  }
}
