import type { Caller } from '../access/caller';
import { callerActor } from '../accounts/user-read-store';
import type { Deps } from '../deps';
import type { Edition } from '../editions/edition';
import { editionSubject, getEdition, invalidState } from '../editions/edition-store';
import { AppError, isAppError } from '../errors';
import { findInstitutions } from '../institutions/institution-store';
import { buildSnapshot } from './build-snapshot';
import { previousPlaces } from './previous-places';
import type { Deliberation, PublishedVersion } from './results';
import { loadResultsInput } from './results-input';
import { findDeliberation, findVersion, insertVersion } from './results-store';
import { type ResultsTable, resultsTable } from './results-table';
import { type ResultsSnapshot, snapshotHash } from './snapshot';

export type PublishResultsDeps = Pick<Deps, 'store' | 'clock' | 'ids' | 'jobs'>;

export interface PublishResultsInput {
  caller: Caller;
  editionId: string;
  /** The deliberation's version the organizer saw. */
  version: number;
}

export interface Published {
  version: number;
  sha256: string;
  publishedAt: string;
  /** False when this version had been published already (a double click, a second tab). */
  created: boolean;
}

const notLocked = {
  pl: 'Nie można opublikować wyników: decyzje Kapituły nie są zatwierdzone. Zatwierdź decyzje w zakładce „Wyniki”.',
  en: 'The results cannot be published: the chapter’s decisions are not locked. Lock them in the "Results" tab.',
};

/**
 * Publishes an edition's results (issue 14 §4): refused until the decisions are locked; writes version 1
 * of the immutable snapshot, the deliberation's head and the edition's new state in one transaction, so
 * two clicks or two tabs make one snapshot (the second gets the first's). The worker then writes each
 * application's own result and mails the applicants.
 */
export async function publishResults(deps: PublishResultsDeps, input: PublishResultsInput): Promise<Published> {
  const [edition, deliberation, actor] = await Promise.all([
    getEdition(deps.store, input.editionId, true),
    findDeliberation(deps.store, input.editionId, true),
    callerActor(deps.store, input.caller),
  ]);
  if (deliberation?.published) return existing(deps, edition.editionId, deliberation.published.version);
  if (edition.state !== 'deliberation')
    throw invalidState({
      pl: 'Wyniki publikuje się po obradach Kapituły (edycja musi być w stanie „obrady Kapituły”).',
      en: 'Results are published after deliberation (the edition must be in deliberation).',
    });
  if (!deliberation?.locked)
    throw new AppError('INVALID_STATE', notLocked.en, { detail: notLocked, fields: { version: notLocked } });
  const now = deps.clock.now().toISOString();
  const { input: tableInput } = await loadResultsInput(deps, edition, deliberation);
  const table = resultsTable(tableInput);
  const snapshot = await snapshotOf(deps, edition, table, { version: 1, publishedAt: now });
  const sha256 = snapshotHash(snapshot);
  const record: PublishedVersion = { editionId: edition.editionId, version: 1, sha256, snapshot, by: actor };
  const head: Deliberation = {
    ...deliberation,
    published: { version: 1, sha256, at: now },
    version: input.version + 1,
    updatedAt: now,
  };
  const write = insertVersion(deps, {
    version: record,
    deliberation: head,
    expectedDeliberationVersion: input.version,
    edition: {
      next: { ...edition, state: 'published', updatedAt: now, version: edition.version + 1 },
      expectedVersion: edition.version,
    },
    audit: {
      action: 'results.published',
      actor,
      subject: editionSubject(edition),
      ip: input.caller.ip,
      before: { state: edition.state },
      after: { state: 'published', version: 1, sha256 },
      details: { laureates: snapshot.categories.reduce((n, c) => n + c.laureates.length, 0) },
    },
  });
  let created: boolean;
  try {
    created = await write;
  } catch (error) {
    // Two transactions on the same items at once may be cancelled as a conflict rather than a failed
    // condition (CONCURRENT_MODIFICATION): if the other one published, answer its version.
    const after = await findDeliberation(deps.store, input.editionId, true);
    const lost = isAppError(error, 'STALE_VERSION') || isAppError(error, 'CONCURRENT_MODIFICATION');
    if (lost && after?.published) return existing(deps, edition.editionId, after.published.version);
    throw error;
  }
  if (!created) return existing(deps, edition.editionId, 1);
  await deps.jobs.send({ type: 'results.published', editionId: edition.editionId, version: 1 });
  return { version: 1, sha256, publishedAt: now, created: true };
}

/** A snapshot of the table: towns of the named institutions and their previous places read first. */
export async function snapshotOf(
  deps: Pick<Deps, 'store'>,
  edition: Edition,
  table: ResultsTable,
  at: { version: number; publishedAt: string; previous?: ResultsSnapshot['previous'] },
): Promise<ResultsSnapshot> {
  const named = table.categories.flatMap((c) => c.rows).filter((r) => r.outcome !== 'notAwarded');
  const ids = named.map((r) => r.institutionId);
  const [institutions, places] = await Promise.all([
    findInstitutions(deps.store, ids),
    previousPlaces(deps.store, edition, ids),
  ]);
  return buildSnapshot({
    edition,
    table,
    version: at.version,
    publishedAt: at.publishedAt,
    towns: new Map(institutions.map((i) => [i.institutionId, i.address.city])),
    previousPlaces: places,
    ...(at.previous ? { previous: at.previous } : {}),
  });
}

async function existing(deps: PublishResultsDeps, editionId: string, version: number): Promise<Published> {
  const found = await findVersion(deps.store, editionId, version, true);
  if (!found) throw new AppError('CONFLICT', 'Published head without its version');
  // A repeated click re-queues the (idempotent) follow-up work, in case the first enqueue was lost.
  await deps.jobs.send({ type: 'results.published', editionId, version });
  return { version, sha256: found.sha256, publishedAt: found.snapshot.publishedAt, created: false };
}
