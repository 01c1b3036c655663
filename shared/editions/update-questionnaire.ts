import { signedIn, type Caller } from '../access/caller';
import { auditActor } from '../accounts/user-store';
import { editable, type Edition } from './edition';
import { editionSubject, getEdition, invalidState, problemsError, saveEdition } from './edition-store';
import { questionCount, questionnaireProblems, type Questionnaire } from './questionnaire';
import type { Deps } from '../deps';

/** Replaces the questionnaire; only in a draft, since institutions answer it once the edition opens. */
export async function updateQuestionnaire(
  deps: Deps,
  editionId: string,
  input: { questionnaire: Questionnaire; version: number },
  caller: Caller,
): Promise<Edition> {
  const [before, { actor }] = await Promise.all([
    getEdition(deps.store, editionId),
    auditActor(deps.store, signedIn(caller).userId),
  ]);
  if (!editable.questionnaire(before.state)) {
    throw invalidState({
      pl: 'Kwestionariusz można zmieniać tylko w szkicu edycji — instytucje już na niego odpowiadają.',
      en: 'The questionnaire can change only while the edition is a draft — institutions are already answering it.',
    });
  }
  const problem = problemsError(questionnaireProblems(input.questionnaire), 'questionnaire.');
  if (problem) throw problem;
  const after: Edition = {
    ...before,
    questionnaire: input.questionnaire,
    updatedAt: deps.clock.now().toISOString(),
    version: input.version + 1,
  };
  await saveEdition(deps, after, input.version, {
    action: 'edition.questionnaireUpdated',
    actor,
    subject: editionSubject(after),
    ip: caller.ip,
    before: { sections: before.questionnaire.sections.length, questions: questionCount(before.questionnaire) },
    after: { sections: after.questionnaire.sections.length, questions: questionCount(after.questionnaire) },
  });
  return after;
}
