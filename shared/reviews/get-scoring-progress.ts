import { pairsOf } from '../assignment/assignment';
import { listExpertAssignments } from '../assignment/assignment-store';
import { listMembers } from '../chapter/chapter-store';
import type { Deps } from '../deps';
import { scoringSettingsOf } from '../editions/edition';
import { getEdition } from '../editions/edition-read-store';
import { maxTotal } from '../editions/rubric';
import { type Disagreement, disagreementOf } from './disagreement';
import { type ApplicationProgress, type ExpertProgress, scoringProgress } from './progress';
import { sheetTotal } from './scoring';
import { sheetsOfEdition } from './sheet-store';

export interface ScoringProgressView {
  deadline: string;
  maxTotal: number;
  disagreementPercent: number;
  experts: (ExpertProgress & { displayName: string; email: string })[];
  applications: (ApplicationProgress & {
    institutionName: string;
    /** Submitted totals by expert (the organizer sees everything). */
    totals: { expertId: string; displayName: string; total: number }[];
    disagreement: Disagreement | null;
  })[];
  summary: { pairs: number; submitted: number; inProgress: number; notStarted: number; disagreements: number };
}

/**
 * The organizer's "Ocena" tab (issue 13 §6, §7): progress per expert and per application and the
 * disagreement queue, built from the committed assignment (one Query of its generation), the
 * edition's sheets (one Query of gsi1) and the chapter (one Query) — never a Scan, whatever the size.
 */
export async function getScoringProgress(
  deps: Pick<Deps, 'store' | 'clock'>,
  input: { editionId: string },
): Promise<ScoringProgressView> {
  const edition = await getEdition(deps.store, input.editionId);
  const [{ experts: assigned }, sheets, members] = await Promise.all([
    listExpertAssignments(deps.store, input.editionId),
    sheetsOfEdition(deps.store, input.editionId),
    listMembers(deps.store, input.editionId),
  ]);
  const pairs = pairsOf(assigned).map((p) => ({
    applicationId: p.applicationId,
    expertId: p.userId,
    flagged: !!p.flagged,
  }));
  const names = new Map(assigned.flatMap((x) => x.pairs.map((p) => [p.applicationId, p.institutionName] as const)));
  const people = new Map(members.map((m) => [m.userId, m]));
  const progress = scoringProgress(pairs, sheets, { now: deps.clock.now(), deadline: edition.timeline.reviewEnd });
  const settings = scoringSettingsOf(edition);
  const expected = new Set(pairs.filter((p) => !p.flagged).map((p) => `${p.applicationId} ${p.expertId}`));
  const submittedOf = new Map<string, typeof sheets>();
  for (const s of sheets) {
    if (s.status !== 'submitted' || !expected.has(`${s.applicationId} ${s.expertId}`)) continue;
    submittedOf.set(s.applicationId, [...(submittedOf.get(s.applicationId) ?? []), s]);
  }
  const applications = progress.applications.map((app) => {
    const submitted = submittedOf.get(app.applicationId) ?? [];
    const disagreement = submitted.length >= 2 ? disagreementOf(edition.rubric, submitted, settings) : null;
    return {
      ...app,
      institutionName: names.get(app.applicationId) ?? app.applicationId,
      totals: submitted.map((s) => ({
        expertId: s.expertId,
        displayName: people.get(s.expertId)?.displayName ?? s.expertId,
        total: sheetTotal(edition.rubric, s).total,
      })),
      disagreement,
    };
  });
  const experts = progress.experts.map((e) => ({
    ...e,
    displayName: people.get(e.expertId)?.displayName ?? e.expertId,
    email: people.get(e.expertId)?.email ?? '',
  }));
  const sum = (key: 'submitted' | 'inProgress' | 'notStarted') => experts.reduce((n, e) => n + e[key], 0);
  return {
    deadline: edition.timeline.reviewEnd,
    maxTotal: maxTotal(edition.rubric),
    disagreementPercent: settings.disagreementPercent,
    experts,
    applications,
    summary: {
      pairs: experts.reduce((n, e) => n + e.assigned, 0),
      submitted: sum('submitted'),
      inProgress: sum('inProgress'),
      notStarted: sum('notStarted'),
      disagreements: applications.filter((a) => a.disagreement?.flagged).length,
    },
  };
}
