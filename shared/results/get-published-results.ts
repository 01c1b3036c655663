import type { Deps } from '../deps';
import { AppError } from '../errors';
import { listVersions } from './published-store';
import type { ResultsSnapshot } from './snapshot';

export interface PublishedResults {
  /** Exactly what was hashed: `sha256(canonicalize(snapshot))` equals `sha256`. */
  snapshot: ResultsSnapshot;
  sha256: string;
  /** Every version of this edition's results, oldest first (a correction names the reason). */
  versions: { version: number; sha256: string; publishedAt: string; reason?: string }[];
  /** True when a newer version corrects this one. */
  superseded: boolean;
}

/**
 * An edition's published results (public, issue 14 §5): the newest version, or the one asked for.
 * Only laureates and distinctions are in a snapshot; an unpublished edition is simply not found.
 */
export async function getPublishedResults(
  deps: Pick<Deps, 'store'>,
  input: { editionId: string; version?: number },
): Promise<PublishedResults> {
  const versions = await listVersions(deps.store, input.editionId);
  const newest = versions.at(-1);
  const chosen = input.version === undefined ? newest : versions.find((v) => v.version === input.version);
  if (!chosen || !newest) throw new AppError('NOT_FOUND', `No published results of ${input.editionId}`);
  return {
    snapshot: chosen.snapshot,
    sha256: chosen.sha256,
    versions: versions.map((v) => ({
      version: v.version,
      sha256: v.sha256,
      publishedAt: v.snapshot.publishedAt,
      ...(v.snapshot.previous ? { reason: v.snapshot.previous.reason } : {}),
    })),
    superseded: chosen.version !== newest.version,
  };
}
