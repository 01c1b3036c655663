import { type Caller, signedIn } from '../access/caller';
import { callerActor, getUser } from '../accounts/user-read-store';
import type { Deps } from '../deps';
import { getEdition } from '../editions/edition-read-store';
import { submissionProblems } from '../editions/questionnaire';
import { AppError, isAppError } from '../errors';
import { type ApplicationHeader, editableStatuses, readyFilesByQuestion } from './application';
import {
  assertWindowOpen,
  getHeader,
  loadApplication,
  notEditable,
  recordSubmission,
  staleApplication,
  statusChange,
} from './application-store';
import { submissionConfirmation } from './submission-mail';
import { countEn, countPl, type PolishForms } from '../plural';

/** "1 brak lub błąd", "3 braki lub błędy", "5 braków lub błędów". */
export const gapForms: PolishForms = { one: 'brak lub błąd', few: 'braki lub błędy', many: 'braków lub błędów' };

export type SubmitApplicationDeps = Pick<Deps, 'store' | 'clock' | 'ids' | 'mail' | 'settings' | 'metrics'>;

export interface SubmitApplicationInput {
  caller: Caller;
  applicationId: string;
  /** The header's version the institution saw. */
  version: number;
  /** The header, when the route's ownership check has read it already (saves reading it again). */
  header?: ApplicationHeader;
}

/**
 * Submits: full validation against the questionnaire (every problem named by question), the
 * deadline by the server clock (or the institution's extension, or the correction deadline), then
 * one transaction that flips the status only if nothing changed since the answers were read — the
 * header's version and every section's version are conditions. A repeated submit of the same
 * version (a double click) answers with the submission already made, and mails once.
 */
export async function submitApplication(
  deps: SubmitApplicationDeps,
  input: SubmitApplicationInput,
): Promise<ApplicationHeader> {
  const { applicationId, caller } = input;
  const me = signedIn(caller);
  const loaded = await loadApplication(deps.store, applicationId, input.header);
  const { header } = loaded;
  if (header.status === 'submitted' && header.version === input.version + 1) return header;
  if (!editableStatuses.includes(header.status)) throw notEditable(header.status);
  if (header.version !== input.version) throw staleApplication();
  const edition = await getEdition(deps.store, header.editionId);
  await assertWindowOpen(deps, edition, header);
  const answers = Object.fromEntries(loaded.sections.map((s) => [s.sectionId, s.answers]));
  const ready = loaded.attachments.filter((a) => a.status === 'ready');
  const problems = submissionProblems(edition.questionnaire, answers, readyFilesByQuestion(ready));
  if (problems.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'Application incomplete', {
      fields: Object.fromEntries(problems.map((p) => [`answers.${p.questionId}`, p.message])),
      detail: {
        pl: `Zgłoszenie ma ${countPl(problems.length, gapForms)} — lista poniżej.`,
        en: `The application has ${countEn(problems.length, 'missing or invalid answer', 'missing or invalid answers')} — see the list.`,
      },
    });
  }
  const actor = await callerActor(deps.store, caller);
  const now = deps.clock.now().toISOString();
  const submitted = { submittedAt: now, submittedBy: actor.label };
  const after: ApplicationHeader = {
    ...header,
    status: 'submitted',
    ...submitted,
    updatedAt: now,
    version: header.version + 1,
  };
  try {
    await recordSubmission(deps, {
      change: statusChange(header, 'submitted', { from: editableStatuses, version: header.version }, now, submitted),
      read: loaded,
      ready,
      audit: {
        action: 'application.submitted',
        actor,
        subject: { type: 'application', id: applicationId, label: header.institution.name },
        ip: caller.ip,
        before: { status: header.status },
        after: { status: 'submitted' },
      },
    });
  } catch (error) {
    if (!isAppError(error, 'STALE_VERSION')) throw error;
    const current = await getHeader(deps.store, applicationId, true);
    if (current.status === 'submitted' && current.version === header.version + 1) return current; // the other click won
    throw error;
  }
  deps.metrics.count('ApplicationsSubmitted');
  // The confirmation goes to the submitter, in the language of their account.
  const user = await getUser(deps.store, me.userId);
  const link = `${deps.settings.publicOrigin}/applications/${applicationId}`;
  await deps.mail.send(submissionConfirmation(user.email, user.language, edition, after, answers, ready, link));
  return after;
}
