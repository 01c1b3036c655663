import { signedIn, type Caller } from '../access/caller';
import { auditActor } from '../accounts/user-store';
import { auditPut } from '../audit/audit';
import { getEdition } from '../editions/edition-store';
import { submissionProblems } from '../editions/questionnaire';
import { AppError } from '../errors';
import { failedConditions } from '../store/translate-error';
import { keys } from '../store/keys';
import { editableStatuses, type ApplicationHeader } from './application';
import {
  assertWindowOpen,
  getHeader,
  loadApplication,
  notEditable,
  staleApplication,
  statusChange,
} from './application-store';
import { readyFilesByQuestion } from './get-application';
import { submissionConfirmation } from './submission-mail';
import type { Deps } from '../deps';

/**
 * Submits: full validation against the questionnaire (every problem named by question), the
 * deadline by the server clock (or the institution's extension, or the correction deadline), then
 * one transaction that flips the status only if nothing changed since the answers were read — the
 * header's version and every section's version are conditions. A repeated submit of the same
 * version (a double click) answers with the submission already made, and mails once.
 */
export async function submitApplication(
  deps: Deps,
  applicationId: string,
  input: { version: number },
  caller: Caller,
): Promise<ApplicationHeader> {
  const me = signedIn(caller);
  const loaded = await loadApplication(deps.store, applicationId);
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
        pl: `Zgłoszenie ma ${problems.length} brak(i) lub błąd(y) — zobacz listę.`,
        en: `The application has ${problems.length} missing or invalid answer(s) — see the list.`,
      },
    });
  }
  const { actor, user } = await auditActor(deps.store, me.userId);
  const now = deps.clock.now().toISOString();
  const after: ApplicationHeader = {
    ...header,
    status: 'submitted',
    submittedAt: now,
    submittedBy: actor.label,
    updatedAt: now,
    version: header.version + 1,
  };
  try {
    await deps.store.transact([
      statusChange(header, 'submitted', { from: editableStatuses, version: header.version }, now, {
        submittedAt: now,
        submittedBy: actor.label,
      }),
      // Answers read above must still be the stored ones.
      ...loaded.sections.map((s) => ({
        ConditionCheck: {
          TableName: '',
          Key: keys.section(applicationId, s.sectionId),
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':v': s.version },
        },
      })),
      ...ready.map((a) => ({
        ConditionCheck: {
          TableName: '',
          Key: keys.attachment(applicationId, a.attachmentId),
          ConditionExpression: 'attribute_exists(pk)',
        },
      })),
      auditPut(deps, {
        action: 'application.submitted',
        actor,
        subject: { type: 'application', id: applicationId, label: header.institution.name },
        ip: caller.ip,
        before: { status: header.status },
        after: { status: 'submitted' },
      }),
    ]);
  } catch (error) {
    if (failedConditions(error).length > 0) {
      const current = await getHeader(deps.store, applicationId, true);
      if (current.status === 'submitted' && current.version === header.version + 1) return current; // the other click won
      throw staleApplication(error);
    }
    throw error;
  }
  const link = `${deps.settings.publicOrigin}/applications/${applicationId}`;
  await deps.mail.send(submissionConfirmation(user.email, user.language, edition, after, answers, ready, link));
  return after;
}
