import type { Caller } from '../access/caller';
import { callerActor } from '../accounts/user-read-store';
import type { Deps } from '../deps';
import { type Edition, editable } from './edition';
import { editionSubject, getEdition, invalidState, problemsError, saveEdition } from './edition-store';
import { type Questionnaire, questionCount, questionnaireProblems } from './questionnaire';

export type UpdateQuestionnaireDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;

export interface UpdateQuestionnaireInput {
  caller: Caller;
  editionId: string;
  questionnaire: Questionnaire;
  /** The edition's version the questionnaire was edited from. */
  version: number;
}

/** Replaces the questionnaire; only in a draft, since institutions answer it once the edition opens. */
export async function updateQuestionnaire(
  deps: UpdateQuestionnaireDeps,
  input: UpdateQuestionnaireInput,
): Promise<Edition> {
  const [before, actor] = await Promise.all([
    getEdition(deps.store, input.editionId),
    callerActor(deps.store, input.caller),
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
    ip: input.caller.ip,
    before: { sections: before.questionnaire.sections.length, questions: questionCount(before.questionnaire) },
    after: { sections: after.questionnaire.sections.length, questions: questionCount(after.questionnaire) },
  });
  return after;
}
