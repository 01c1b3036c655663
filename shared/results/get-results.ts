import { listMembers } from '../chapter/chapter-store';
import type { Deps } from '../deps';
import { getEdition } from '../editions/edition-read-store';
import type { EditionState } from '../editions/edition';
import { initialDeliberation, loadResultsInput } from './results-input';
import type { Deliberation } from './results';
import { listVersions } from './results-store';
import { type ResultsTable, resultsTable } from './results-table';

export interface ResultsView extends ResultsTable {
  editionId: string;
  state: EditionState;
  deliberation: Deliberation;
  /** Experts' names for the per-sheet columns (the organizer sees who scored what). */
  experts: (ResultsTable['experts'][number] & { displayName: string })[];
  /** Score distribution per category: ten bins of 10 % (the last includes 100 %). */
  distribution: { code: string; bins: number[] }[];
  versions: { version: number; sha256: string; publishedAt: string; reason?: string }[];
  counts: { applications: number; laureates: number; distinctions: number; notAwarded: number; overridden: number };
}

/** The organizer's results tab: the deliberation table, the method, the lock and the published versions. */
export async function getResults(
  deps: Pick<Deps, 'store' | 'clock'>,
  input: { editionId: string },
): Promise<ResultsView> {
  const edition = await getEdition(deps.store, input.editionId);
  const [{ input: tableInput, deliberation }, members, versions] = await Promise.all([
    loadResultsInput(deps, edition),
    listMembers(deps.store, input.editionId),
    listVersions(deps.store, input.editionId),
  ]);
  const table = resultsTable(tableInput);
  const names = new Map(members.map((m) => [m.userId, m.displayName]));
  const rows = table.categories.flatMap((c) => c.rows);
  return {
    ...table,
    editionId: edition.editionId,
    state: edition.state,
    deliberation: deliberation ?? initialDeliberation(edition, deps.clock.now().toISOString()),
    experts: table.experts.map((e) => ({ ...e, displayName: names.get(e.expertId) ?? e.expertId })),
    distribution: table.categories.map((c) => ({
      code: c.category.code,
      bins: histogram(c.rows.map((r) => r.percent)),
    })),
    versions: versions.map((v) => ({
      version: v.version,
      sha256: v.sha256,
      publishedAt: v.snapshot.publishedAt,
      ...(v.snapshot.previous ? { reason: v.snapshot.previous.reason } : {}),
    })),
    counts: {
      applications: rows.length,
      laureates: rows.filter((r) => r.outcome === 'laureate').length,
      distinctions: rows.filter((r) => r.outcome === 'distinction').length,
      notAwarded: rows.filter((r) => r.outcome === 'notAwarded').length,
      overridden: rows.filter((r) => r.decision && r.decision.outcome !== r.computed).length,
    },
  };
}

export function histogram(percents: number[]): number[] {
  const bins = Array.from({ length: 10 }, () => 0);
  for (const p of percents) bins[Math.min(9, Math.max(0, Math.floor(p / 10)))]! += 1;
  return bins;
}
