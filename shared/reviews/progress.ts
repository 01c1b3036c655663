import type { SheetStatus } from './sheet';
import { compareCodeUnits } from '../text/polish-order';

/** One assigned pair as the progress view needs it. */
export interface AssignedPair {
  applicationId: string;
  expertId: string;
  /** Flagged by a conflict: awaiting replacement, not expected to be scored. */
  flagged: boolean;
}

export interface SheetState {
  applicationId: string;
  expertId: string;
  status: SheetStatus;
}

export interface ExpertProgress {
  expertId: string;
  assigned: number;
  notStarted: number;
  inProgress: number;
  submitted: number;
  /** Unsubmitted after the scoring deadline. */
  overdue: number;
}

export interface ApplicationProgress {
  applicationId: string;
  /** Experts expected to score it (assigned, not flagged). */
  expected: number;
  submitted: number;
  inProgress: number;
  /** Pairs flagged by a conflict, awaiting replacement. */
  awaitingReplacement: number;
}

/**
 * The organizer's scoring progress (issue 13 §6): per expert assigned / in progress / submitted /
 * overdue, per application submitted sheets of those expected. Sheets of pairs no longer assigned
 * (replaced after a conflict) are not counted. One pass over the pairs and sheets.
 */
export function scoringProgress(
  pairs: AssignedPair[],
  sheets: SheetState[],
  options: { now: Date; deadline: string },
): { experts: ExpertProgress[]; applications: ApplicationProgress[] } {
  const sheetOf = new Map(sheets.map((s) => [`${s.applicationId} ${s.expertId}`, s.status]));
  const late = options.now.getTime() >= Date.parse(options.deadline);
  const experts = new Map<string, ExpertProgress>();
  const applications = new Map<string, ApplicationProgress>();
  for (const pair of pairs) {
    const app = applications.get(pair.applicationId) ?? {
      applicationId: pair.applicationId,
      expected: 0,
      submitted: 0,
      inProgress: 0,
      awaitingReplacement: 0,
    };
    applications.set(pair.applicationId, app);
    if (pair.flagged) {
      app.awaitingReplacement++;
      continue;
    }
    const expert = experts.get(pair.expertId) ?? {
      expertId: pair.expertId,
      assigned: 0,
      notStarted: 0,
      inProgress: 0,
      submitted: 0,
      overdue: 0,
    };
    experts.set(pair.expertId, expert);
    const status = sheetOf.get(`${pair.applicationId} ${pair.expertId}`);
    expert.assigned++;
    app.expected++;
    if (status === 'submitted') {
      expert.submitted++;
      app.submitted++;
    } else {
      if (status === 'draft') {
        expert.inProgress++;
        app.inProgress++;
      } else expert.notStarted++;
      if (late) expert.overdue++;
    }
  }
  const byId = <T extends { expertId?: string; applicationId?: string }>(a: T, b: T) =>
    compareCodeUnits(a.expertId ?? a.applicationId ?? '', b.expertId ?? b.applicationId ?? '');
  return { experts: [...experts.values()].sort(byId), applications: [...applications.values()].sort(byId) };
}

/** Which reminder is due (issue 13 §6): the most imminent point passed, or 'after' past the deadline. */
export function dueReminder(daysBefore: readonly number[], deadline: string, now: Date): string | null {
  const end = Date.parse(deadline);
  const t = now.getTime();
  if (t >= end) return t < end + 14 * 86_400_000 ? 'after' : null;
  const passed = daysBefore.filter((d) => t >= end - d * 86_400_000);
  if (passed.length === 0) return null;
  return `before-${Math.min(...passed)}`;
}
