import { getEdition } from '../editions/edition-read-store';
import { progress, type Answers, type Questionnaire, type SectionProgress } from '../editions/questionnaire';
import { type ApplicationHeader, type Attachment, readyFilesByQuestion, submissionWindow } from './application';
import { loadApplication } from './application-read-store';
import { findExtension } from './extension-store';
import type { Deps } from '../deps';

export interface ApplicationView {
  application: ApplicationHeader;
  edition: { editionId: string; name: string; number: string; state: string; applicationsClose: string };
  questionnaire: Questionnaire;
  /** Section id → its answers and version (0 for a section never saved). */
  sections: Record<string, { answers: Answers; version: number; updatedAt?: string }>;
  attachments: Attachment[];
  progress: SectionProgress[];
  /** Whether the institution may change or submit now, and until when (server clock). */
  window: { open: boolean; closesAt?: string; reason?: { pl: string; en: string } };
}

export type GetApplicationDeps = Pick<Deps, 'store' | 'clock'>;

export interface GetApplicationInput {
  applicationId: string;
  /** The header, when the route's ownership check has read it already (saves reading it again). */
  header?: ApplicationHeader;
}

/** Everything the form (or the organizer's detail page) needs in one answer. Access is checked by the route policy. */
export async function getApplication(deps: GetApplicationDeps, input: GetApplicationInput): Promise<ApplicationView> {
  const loaded = await loadApplication(deps.store, input.applicationId, input.header);
  const edition = await getEdition(deps.store, loaded.header.editionId);
  const extension = await findExtension(deps.store, edition.editionId, loaded.header.institutionId);
  const answers = Object.fromEntries(loaded.sections.map((s) => [s.sectionId, s.answers]));
  const ready = loaded.attachments.filter((a) => a.status === 'ready');
  const window = submissionWindow(edition, loaded.header, extension, deps.clock.now());
  return {
    application: loaded.header,
    edition: {
      editionId: edition.editionId,
      name: edition.name,
      number: edition.number,
      state: edition.state,
      applicationsClose: extension?.until ?? edition.timeline.applicationsClose,
    },
    questionnaire: edition.questionnaire,
    sections: Object.fromEntries(
      edition.questionnaire.sections.map((s) => {
        const saved = loaded.sections.find((x) => x.sectionId === s.id);
        return [
          s.id,
          saved
            ? { answers: saved.answers, version: saved.version, updatedAt: saved.updatedAt }
            : { answers: {}, version: 0 },
        ];
      }),
    ),
    attachments: ready,
    progress: progress(edition.questionnaire, answers, readyFilesByQuestion(ready)),
    window: window.open ? { open: true, closesAt: window.closesAt } : { open: false, reason: window.reason },
  };
}
