import type { Deps } from '../deps';
import { listAllVersions } from './published-store';
import { compareCodeUnits } from '../text/polish-order';

export interface PublishedEdition {
  editionId: string;
  name: string;
  number: string;
  year: number;
  version: number;
  sha256: string;
  publishedAt: string;
  validUntil: string;
  laureates: number;
  distinctions: number;
}

/** Every edition with published results, newest first, at its newest version (public, issue 14 §5). */
export async function listPublishedResults(deps: Pick<Deps, 'store'>): Promise<{ items: PublishedEdition[] }> {
  const newest = new Map<string, Awaited<ReturnType<typeof listAllVersions>>[number]>();
  for (const v of await listAllVersions(deps.store))
    if ((newest.get(v.editionId)?.version ?? 0) < v.version) newest.set(v.editionId, v);
  const items = [...newest.values()]
    .map(({ snapshot: s, sha256, version, editionId }) => ({
      editionId,
      name: s.edition.name,
      number: s.edition.number,
      year: s.edition.year,
      version,
      sha256,
      publishedAt: s.publishedAt,
      validUntil: s.validUntil,
      laureates: s.categories.reduce((n, c) => n + c.laureates.length, 0),
      distinctions: s.categories.reduce((n, c) => n + c.distinctions.length, 0),
    }))
    .sort((a, b) => b.year - a.year || compareCodeUnits(b.publishedAt, a.publishedAt));
  return { items };
}
