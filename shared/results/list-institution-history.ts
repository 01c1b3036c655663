import type { Deps } from '../deps';
import { listInstitutionResults } from './results-store';

export interface HistoryEntry {
  editionId: string;
  applicationId: string;
  edition: { name: string; number: string; year: number };
  outcome: string;
  percent: number;
  place: number;
  exAequo: boolean;
  categorySize: number;
  category: { code: string; name: { pl: string; en: string } };
  movement: number | null;
  publishedAt: string;
}

/** An institution's results in every published edition, newest first, with its movement (issue 14 §8). */
export async function listInstitutionHistory(
  deps: Pick<Deps, 'store'>,
  input: { institutionId: string },
): Promise<{ items: HistoryEntry[] }> {
  const results = await listInstitutionResults(deps.store, input.institutionId);
  return {
    items: results.map((r) => ({
      editionId: r.editionId,
      applicationId: r.applicationId,
      edition: r.edition,
      outcome: r.outcome,
      percent: r.percent,
      place: r.place,
      exAequo: r.exAequo,
      categorySize: r.categorySize,
      category: r.category,
      movement: r.movement,
      publishedAt: r.publishedAt,
    })),
  };
}
