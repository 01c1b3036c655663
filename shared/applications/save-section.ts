import { type Caller, signedIn } from '../access/caller';
import { callerActor } from '../accounts/user-read-store';
import type { Deps } from '../deps';
import { getAnsweringEdition } from '../editions/edition-read-store';
import { type Answers, cleanAnswers, sectionAnswerProblems } from '../editions/questionnaire';
import { AppError } from '../errors';
import { lazyImport } from '../platform/lazy';
import { type ApplicationHeader, editableStatuses, type SectionAnswers } from './application';
import { assertWindowOpen, getHeader, notEditable } from './application-read-store';
import { findSection, putSection } from './section-store';

// Survey evidence (issue 18 §5) loads the survey results only for a section that has such an answer,
// so the plain autosave's cold start does not pay for it.
const resolveSurveyEvidence = lazyImport(() =>
  import('../surveys/survey-evidence').then((m) => m.resolveSurveyEvidence),
);

export type SaveSectionDeps = Pick<Deps, 'store' | 'clock'>;

export interface SaveSectionInput {
  caller: Caller;
  applicationId: string;
  sectionId: string;
  answers: Record<string, unknown>;
  /** The section's version the answers were edited from (0 for a first save). */
  version: number;
  /** The header, when the route's ownership check has read it already (saves a read). */
  header?: ApplicationHeader;
}

/**
 * Autosave of one section. Optimistic locking per section: the save names the version it started
 * from; a stale save is 409 STALE_VERSION and changes nothing. Answers are validated against the
 * questionnaire (type, length, options); required ones only at submit. The write itself re-checks
 * that the application is editable, so a header read a moment ago is good enough for the guards.
 * Costs: 3 DynamoDB calls (the session with the policy's header, the edition, the write). A
 * `surveyResults` answer adds a read of the stored section (its snapshot stays frozen) and two GetItems
 * per snapshot taken.
 */
export async function saveSection(deps: SaveSectionDeps, input: SaveSectionInput): Promise<SectionAnswers> {
  signedIn(input.caller);
  const header = input.header ?? (await getHeader(deps.store, input.applicationId, true));
  if (!editableStatuses.includes(header.status)) throw notEditable(header.status);
  const edition = await getAnsweringEdition(deps.store, header.editionId);
  const section = edition.questionnaire.sections.find((s) => s.id === input.sectionId);
  if (!section) throw new AppError('NOT_FOUND', `No section ${input.sectionId}`);
  const problems = sectionAnswerProblems(section, input.answers);
  if (Object.keys(problems).length > 0) {
    throw new AppError('VALIDATION_FAILED', 'Invalid answers', {
      fields: Object.fromEntries(Object.entries(problems).map(([id, m]) => [`answers.${id}`, m])),
    });
  }
  await assertWindowOpen(deps, edition, header);
  const actor = await callerActor(deps.store, input.caller);
  let answers: Answers = cleanAnswers(input.answers);
  const evidence = section.questions.filter((q) => q.type === 'surveyResults' && answers[q.id] !== undefined);
  if (evidence.length > 0) {
    const stored = await findSection(deps.store, input.applicationId, input.sectionId);
    answers = await resolveSurveyEvidence(deps, {
      institutionId: header.institutionId,
      questions: evidence,
      answers,
      stored: stored?.answers ?? null,
    });
  }
  const saved: SectionAnswers = {
    sectionId: input.sectionId,
    answers,
    version: input.version + 1,
    updatedAt: deps.clock.now().toISOString(),
    updatedBy: actor.label,
  };
  await putSection(deps.store, input.applicationId, saved, input.version);
  return saved;
}
