import { createHash } from 'node:crypto';
import type { Caller } from '../../shared/access/caller';
import type { User } from '../../shared/accounts/user';
import { completeUpload } from '../../shared/applications/complete-upload';
import { requestUpload } from '../../shared/applications/request-upload';
import { saveSection } from '../../shared/applications/save-section';
import { startApplication } from '../../shared/applications/start-application';
import { submitApplication } from '../../shared/applications/submit-application';
import { attachmentBlobKey } from '../../shared/applications/attachments';
import { newEdition, type Edition, type EditionSettings, type EditionState } from '../../shared/editions/edition';
import { editionItem } from '../../shared/editions/edition-store';
import { sampleQuestionnaire, sampleRubric, sampleSettings } from '../../shared/editions/sample-edition';
import { tinyPdf } from '../../infra/local/demo-edition';
import type { Harness } from './accounts';

type Deps = Harness['deps'];

/** An edition written straight to the table: open by default, with the sample rubric and questionnaire. */
export async function seedEdition(
  deps: Deps,
  options: { state?: EditionState; settings?: Partial<EditionSettings> } = {},
): Promise<Edition> {
  const now = deps.clock.now();
  const edition: Edition = {
    ...newEdition(sampleSettings(now, options.settings), { editionId: deps.ids.newId(), now: now.toISOString() }),
    state: options.state ?? 'open',
    rubric: sampleRubric(),
    questionnaire: sampleQuestionnaire(),
  };
  await deps.store.put(editionItem(edition));
  return edition;
}

export const callerFor = (user: User): Caller => ({
  principal: { kind: 'user', userId: user.userId, roles: user.roles, institutionId: user.institutionId, active: true },
  ip: '192.0.2.10',
  userAgent: 'vitest',
});

/** Answers to every non-file question of the sample questionnaire that pass validation. */
export const completeAnswers: Record<string, Record<string, unknown>> = {
  standards: {
    standards_written: true,
    standards_description: 'Spisane standardy: identyfikatory, czas oczekiwania do 15 minut.',
    standards_channels: ['office', 'epuap'],
  },
  quality: { quality_system: 'caf', quality_survey_year: '2025-10-15', quality_satisfied: 87 },
  staff: { staff_trainings: 4, staff_contact: 'Kierownik BOK' },
};

export const pdfBytes = (label = 'Standardy obslugi') => tinyPdf(label);

/** A ready attachment through the real two steps (request, bytes to the blob store, complete). */
export async function attach(
  deps: Deps,
  member: User,
  applicationId: string,
  questionId = 'documents_standards',
  body: Uint8Array = pdfBytes(),
  fileName = 'standardy.pdf',
) {
  const { attachment } = await requestUpload(
    deps,
    applicationId,
    { questionId, fileName, size: body.length, sha256: sha256Of(body) },
    callerFor(member),
  );
  await deps.blobs.documents.put(
    attachmentBlobKey(applicationId, attachment.attachmentId),
    body,
    attachment.contentType,
  );
  return completeUpload(deps, applicationId, attachment.attachmentId, callerFor(member));
}

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** An application with every required answer and the required PDF; submitted when asked. */
export async function seedApplication(
  deps: Deps,
  member: User,
  editionId: string,
  options: { complete?: boolean; submit?: boolean } = {},
) {
  const header = await startApplication(deps, editionId, callerFor(member));
  if (options.complete || options.submit) {
    for (const [sectionId, answers] of Object.entries(completeAnswers))
      await saveSection(deps, {
        applicationId: header.applicationId,
        sectionId,
        answers,
        version: 0,
        caller: callerFor(member),
      });
    await attach(deps, member, header.applicationId);
  }
  if (options.submit)
    return submitApplication(deps, header.applicationId, { version: header.version }, callerFor(member));
  return header;
}
