import type { Caller } from '../access/caller';
import { callerActor } from '../accounts/user-read-store';
import { editionSubject, getEdition, invalidState } from '../editions/edition-store';
import { AppError } from '../errors';
import type { Outcome } from './outcome';
import { type Published, type PublishResultsDeps, snapshotOf } from './publish-results';
import type { Decision, Deliberation, PublishedVersion } from './results';
import { loadResultsInput } from './results-input';
import { findVersion, insertVersion } from './results-store';
import { resultsTable } from './results-table';
import { snapshotHash } from './snapshot';

export interface CorrectResultsInput {
  caller: Caller;
  editionId: string;
  /** The deliberation's version the organizer saw. */
  version: number;
  /** Why the published results are corrected: carried in the new version, shown beside it. */
  reason: string;
  /** The decisions that change (at least one). */
  decisions: { applicationId: string; outcome: Outcome; reason?: string }[];
}

/**
 * A correction of published results (issue 14 §4): the published snapshot never changes; a new version
 * names the previous one (its hash) and the reason, and both stay readable. The changed decisions, the
 * new version and the head are written in one transaction.
 */
export async function correctResults(deps: PublishResultsDeps, input: CorrectResultsInput): Promise<Published> {
  const [edition, actor] = await Promise.all([
    getEdition(deps.store, input.editionId, true),
    callerActor(deps.store, input.caller),
  ]);
  const { input: tableInput, deliberation } = await loadResultsInput(deps, edition);
  const head = deliberation?.published;
  if (!deliberation || !head)
    throw invalidState({
      pl: 'Korekta dotyczy opublikowanych wyników, a te nie zostały jeszcze opublikowane.',
      en: 'A correction applies to published results, and these are not published yet.',
    });
  const before = resultsTable(tableInput);
  const rows = new Map(before.categories.flatMap((c) => c.rows).map((r) => [r.applicationId, r]));
  const now = deps.clock.now().toISOString();
  const changes: { decision: Decision; expectedVersion: number }[] = [];
  input.decisions.forEach((d, i) => {
    const row = rows.get(d.applicationId);
    if (!row)
      throw new AppError('VALIDATION_FAILED', 'Unknown application', {
        fields: {
          [`decisions.${i}.applicationId`]: {
            pl: 'To zgłoszenie nie bierze udziału w wynikach tej edycji.',
            en: 'This application takes no part in this edition’s results.',
          },
        },
      });
    const reason = d.reason?.trim() || input.reason;
    changes.push({
      decision: {
        editionId: edition.editionId,
        applicationId: d.applicationId,
        outcome: d.outcome,
        reason,
        by: actor,
        at: now,
        version: (row.decision?.version ?? 0) + 1,
      },
      expectedVersion: row.decision?.version ?? 0,
    });
  });
  const changed = new Map(changes.map((c) => [c.decision.applicationId, c.decision]));
  const table = resultsTable({
    ...tableInput,
    decisions: [...tableInput.decisions.filter((d) => !changed.has(d.applicationId)), ...changed.values()],
  });
  const version = head.version + 1;
  const snapshot = await snapshotOf(deps, edition, table, {
    version,
    publishedAt: now,
    previous: { version: head.version, sha256: head.sha256, reason: input.reason },
  });
  const sha256 = snapshotHash(snapshot);
  const record: PublishedVersion = { editionId: edition.editionId, version, sha256, snapshot, by: actor };
  const next: Deliberation = {
    ...deliberation,
    published: { version, sha256, at: now },
    version: input.version + 1,
    updatedAt: now,
  };
  const created = await insertVersion(deps, {
    version: record,
    deliberation: next,
    expectedDeliberationVersion: input.version,
    decisions: changes,
    audit: {
      action: 'results.corrected',
      actor,
      subject: editionSubject(edition),
      ip: input.caller.ip,
      before: { version: head.version, sha256: head.sha256 },
      after: { version, sha256 },
      details: {
        reason: input.reason,
        decisions: changes.map((c) => `${c.decision.applicationId}: ${c.decision.outcome}`),
      },
    },
  });
  if (!created) {
    const found = await findVersion(deps.store, edition.editionId, version, true);
    throw new AppError('STALE_VERSION', 'Corrected meanwhile', {
      detail: {
        pl: `W międzyczasie opublikowano wersję ${version}${found ? ` (${found.sha256.slice(0, 12)})` : ''}. Odśwież widok.`,
        en: `Version ${version} was published meanwhile. Refresh the view.`,
      },
    });
  }
  await deps.jobs.send({ type: 'results.published', editionId: edition.editionId, version });
  return { version, sha256, publishedAt: now, created: true };
}
