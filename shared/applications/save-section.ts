import { signedIn, type Caller } from '../access/caller';
import { auditActor } from '../accounts/user-store';
import { getEdition } from '../editions/edition-store';
import { cleanAnswers, sectionAnswerProblems, type Answers } from '../editions/questionnaire';
import { AppError } from '../errors';
import { failedConditions } from '../store/translate-error';
import { keys } from '../store/keys';
import { editableStatuses, type SectionAnswers } from './application';
import { assertWindowOpen, editableCheck, getHeader, notEditable } from './application-store';
import type { Deps } from '../deps';

const staleSection = {
  pl: 'Tę część zapisano w międzyczasie (np. w innej karcie). Twoje odpowiedzi są zachowane w przeglądarce — porównaj je z zapisanymi i zapisz ponownie.',
  en: 'This section was saved meanwhile (e.g. in another tab). Your answers are kept in the browser — compare them with the saved ones and save again.',
};

/**
 * Autosave of one section. Optimistic locking per section: the save names the version it started
 * from (0 for a first save); a stale save is 409 STALE_VERSION and changes nothing. Answers are
 * validated against the questionnaire (type, length, options); required ones only at submit.
 */
export async function saveSection(
  deps: Deps,
  applicationId: string,
  sectionId: string,
  input: { answers: Record<string, unknown>; version: number },
  caller: Caller,
): Promise<SectionAnswers> {
  const me = signedIn(caller);
  const header = await getHeader(deps.store, applicationId, true);
  if (!editableStatuses.includes(header.status)) throw notEditable(header.status);
  const edition = await getEdition(deps.store, header.editionId);
  const section = edition.questionnaire.sections.find((s) => s.id === sectionId);
  if (!section) throw new AppError('NOT_FOUND', `No section ${sectionId}`);
  const problems = sectionAnswerProblems(section, input.answers);
  if (Object.keys(problems).length > 0) {
    throw new AppError('VALIDATION_FAILED', 'Invalid answers', {
      fields: Object.fromEntries(Object.entries(problems).map(([id, m]) => [`answers.${id}`, m])),
    });
  }
  await assertWindowOpen(deps, edition, header);
  const { actor } = await auditActor(deps.store, me.userId);
  const answers: Answers = cleanAnswers(input.answers);
  const saved: SectionAnswers = {
    sectionId,
    answers,
    version: input.version + 1,
    updatedAt: deps.clock.now().toISOString(),
    updatedBy: actor.label,
  };
  const condition =
    input.version === 0
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': input.version } };
  try {
    await deps.store.transact([
      editableCheck(applicationId),
      {
        Put: {
          TableName: '',
          Item: { ...keys.section(applicationId, sectionId), entity: 'section', ...saved },
          ...condition,
        },
      },
    ]);
  } catch (error) {
    const failed = failedConditions(error);
    if (failed.includes(1))
      throw new AppError('STALE_VERSION', 'Section saved meanwhile', {
        fields: { version: staleSection },
        detail: staleSection,
        cause: error,
      });
    if (failed.includes(0)) throw notEditable('submitted');
    throw error;
  }
  return saved;
}
