import { type Caller, signedIn } from '../access/caller';
import type { Attachment } from '../applications/application';
import { loadApplication } from '../applications/application-read-store';
import type { Deps } from '../deps';
import { scoringSettingsOf } from '../editions/edition';
import type { Answers, Questionnaire } from '../editions/questionnaire';
import { maxTotal, type Rubric } from '../editions/rubric';
import type { ScoringSettings } from '../editions/scoring-settings';
import { type OtherSheet, othersOf, othersVisible } from './others';
import { assignedApplication } from './review-access';
import { type SheetTotal, sheetTotal } from './scoring';
import { emptySheetContent, type ScoreSheet } from './sheet';
import { sheetsOfApplication, listEvidence, type StoredEvidence } from './sheet-store';

export interface ReviewView {
  edition: {
    editionId: string;
    name: string;
    number: string;
    state: string;
    /** The scoring deadline (the timeline's end of review). */
    deadline: string;
    rubric: Rubric;
    maxTotal: number;
    scoring: ScoringSettings;
  };
  application: {
    applicationId: string;
    institution: { name: string; type: string; voivodeship: string; headcount: string };
    submittedAt?: string;
  };
  questionnaire: Questionnaire;
  sections: Record<string, Answers>;
  attachments: Attachment[];
  /** The expert's own sheet (a fresh draft shape with version 0 when never saved). */
  sheet: ScoreSheet;
  evidence: StoredEvidence[];
  total: SheetTotal;
  /** Other experts' submitted sheets, anonymized — or null while the edition's visibility rule hides them. */
  others: OtherSheet[] | null;
}

/**
 * An expert's page for one assigned application (issue 13 §1): every answer and ready attachment,
 * read-only, the rubric, their own sheet and evidence, and the other experts' sheets only as the
 * edition's visibility rule allows. 404 for anything not in their committed, unflagged assignment.
 */
export async function getReview(
  deps: Pick<Deps, 'store'>,
  input: { caller: Caller; editionId: string; applicationId: string },
): Promise<ReviewView> {
  const me = signedIn(input.caller);
  const { edition } = await assignedApplication(deps, { ...input, expertId: me.userId });
  const [loaded, sheets, evidence] = await Promise.all([
    loadApplication(deps.store, input.applicationId),
    sheetsOfApplication(deps.store, input.applicationId),
    listEvidence(deps.store, input.applicationId, me.userId),
  ]);
  const own = sheets.find((s) => s.expertId === me.userId) ?? null;
  const scoring = scoringSettingsOf(edition);
  const sheet: ScoreSheet = own ?? {
    ...emptySheetContent(),
    editionId: edition.editionId,
    applicationId: input.applicationId,
    expertId: me.userId,
    status: 'draft',
    version: 0,
    createdAt: '',
    updatedAt: '',
  };
  const published = edition.state === 'published' || edition.state === 'archived';
  const { header } = loaded;
  return {
    edition: {
      editionId: edition.editionId,
      name: edition.name,
      number: edition.number,
      state: edition.state,
      deadline: edition.timeline.reviewEnd,
      rubric: edition.rubric,
      maxTotal: maxTotal(edition.rubric),
      scoring,
    },
    application: {
      applicationId: header.applicationId,
      institution: {
        name: header.institution.name,
        type: header.institution.type,
        voivodeship: header.institution.voivodeship,
        headcount: header.institution.headcount,
      },
      ...(header.submittedAt ? { submittedAt: header.submittedAt } : {}),
    },
    questionnaire: edition.questionnaire,
    sections: Object.fromEntries(loaded.sections.map((s) => [s.sectionId, s.answers])),
    attachments: loaded.attachments.filter((a) => a.status === 'ready'),
    sheet,
    evidence: evidence.filter((e) => e.status === 'ready'),
    total: sheetTotal(edition.rubric, sheet),
    others: othersVisible(scoring.visibility, own, published) ? othersOf(edition.rubric, sheets, me.userId) : null,
  };
}
