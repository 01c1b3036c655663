import type { VisibilityMode } from '../editions/scoring-settings';
import type { Rubric } from '../editions/rubric';
import { sheetTotal } from './scoring';
import type { ScoreSheet } from './sheet';
import { compareCodeUnits } from '../text/polish-order';

/** Another expert's sheet as a chapter member may see it: never who wrote it, only "Ekspert 1, 2…". */
export interface OtherSheet {
  label: { pl: string; en: string };
  status: ScoreSheet['status'];
  scores: ScoreSheet['scores'];
  areaJustifications: ScoreSheet['areaJustifications'];
  criterionJustifications: ScoreSheet['criterionJustifications'];
  feedback: string;
  privateNote: string;
  total: number;
}

/**
 * Whether an expert may see the other sheets now (issue 13 §4): 'never' before publication,
 * 'afterOwnSubmission' once their own sheet is submitted, 'always'. Enforced here, in the API.
 */
export function othersVisible(mode: VisibilityMode, own: ScoreSheet | null, published: boolean): boolean {
  if (published) return true;
  if (mode === 'always') return true;
  if (mode === 'afterOwnSubmission') return own?.status === 'submitted';
  return false;
}

/**
 * The other experts' submitted sheets, numbered in a stable order that does not reveal who is who
 * (by sheet creation, then an opaque tie-break), without their ids.
 */
export function othersOf(rubric: Rubric, sheets: ScoreSheet[], expertId: string): OtherSheet[] {
  return sheets
    .filter((s) => s.expertId !== expertId && s.status === 'submitted')
    .sort((a, b) => compareCodeUnits(a.createdAt, b.createdAt) || compareCodeUnits(a.expertId, b.expertId))
    .map((s, i) => ({
      label: { pl: `Ekspert ${i + 1}`, en: `Expert ${i + 1}` },
      status: s.status,
      scores: s.scores,
      areaJustifications: s.areaJustifications,
      criterionJustifications: s.criterionJustifications,
      feedback: s.feedback,
      privateNote: s.privateNote,
      total: sheetTotal(rubric, s).total,
    }));
}
