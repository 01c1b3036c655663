import { staleFieldMessage } from '../accounts/user';
import type { NewAuditEntry } from '../audit/audit';
import { auditPut } from '../audit/audit-store';
import type { Deps } from '../deps';
import type { Edition } from '../editions/edition';
import { editionItem } from '../editions/edition-store';
import type { Message } from '../editions/localized';
import { AppError, isAppError } from '../errors';
import { keys } from '../store/keys';
import { parseItem } from '../store/parse';
import { type Store, type TransactItem, tx } from '../store/store';
import { failedConditions } from '../store/translate-error';
import { ApplicationResult, Decision, Deliberation, type PublishedVersion } from './results';

export { findVersion, listAllVersions, listVersions } from './published-store';

/**
 * Results on the single table (issue 14, docs/data-model.md):
 *  - `EDITION#<id> / RESULTS`: the method, the lock and the published head, versioned;
 *  - `EDITION#<id> / DECISION#<applicationId>`: the chapter's decisions, beside the edition;
 *  - `RESULTS#<id> / VERSION#000001…`: each published snapshot, written once with
 *    `attribute_not_exists` and never updated (no code path here can change one); gsi1 lists them all;
 *  - `APPLICATION#<id> / RESULT`: an application's own result, gsi1 by institution (history),
 *    gsi2 by edition and outcome (the fee list).
 */
type WriteDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;

const deliberationItem = (d: Deliberation) => ({ ...keys.deliberation(d.editionId), entity: 'deliberation', ...d });
const decisionItem = (d: Decision) => ({ ...keys.decision(d.editionId, d.applicationId), entity: 'decision', ...d });
const versionItem = (v: PublishedVersion) => ({
  ...keys.snapshot(v.editionId, v.version),
  entity: 'resultsVersion',
  ...v,
  gsi1pk: keys.publishedResults(),
  gsi1sk: `${v.snapshot.publishedAt}#${v.editionId}#${String(v.version).padStart(6, '0')}`,
});
const resultItem = (r: ApplicationResult) => ({
  ...keys.applicationResult(r.applicationId),
  entity: 'applicationResult',
  ...r,
  gsi1pk: keys.institutionResults(r.institutionId),
  gsi1sk: `${r.edition.year}#${r.editionId}`,
  gsi2pk: keys.editionResults(r.editionId),
  gsi2sk: `${r.outcome}#${r.applicationId}`,
});

const toDeliberation = (item: Record<string, unknown>) => parseItem(Deliberation, item, 'deliberation');
const toDecision = (item: Record<string, unknown>) => parseItem(Decision, item, 'decision');
const toResult = (item: Record<string, unknown>) => parseItem(ApplicationResult, item, 'application result');

export async function findDeliberation(store: Store, editionId: string, consistent = false) {
  const item = await store.get(keys.deliberation(editionId), { consistent });
  return item ? toDeliberation(item) : null;
}

export async function listDecisions(store: Store, editionId: string): Promise<Decision[]> {
  const items = await store.queryAll({
    partitionKey: keys.edition(editionId).pk,
    sortKeyPrefix: keys.decisionPrefix,
    consistent: true,
  });
  return items.map(toDecision);
}

export const lockedMessage: Message = {
  pl: 'Decyzje Kapituły są zatwierdzone: aby coś zmienić, organizator musi je najpierw odblokować.',
  en: 'The chapter’s decisions are locked: the organizer must unlock them before changing anything.',
};
export const staleResults: Message = {
  pl: 'Wyniki zmieniono w międzyczasie (np. w innej karcie). Odśwież widok i spróbuj ponownie.',
  en: 'The results changed meanwhile (e.g. in another tab). Refresh and try again.',
};
const stale = (cause: unknown) =>
  new AppError('STALE_VERSION', 'Results changed meanwhile', {
    fields: { version: staleFieldMessage },
    detail: staleResults,
    cause,
  });
const locked = (cause?: unknown) =>
  new AppError('INVALID_STATE', lockedMessage.en, { detail: lockedMessage, fields: { version: lockedMessage }, cause });

/** The condition that a deliberation is at `version` (0: not written yet). */
const atVersion = (version: number) =>
  version === 0
    ? { expression: 'attribute_not_exists(pk)' }
    : { expression: 'version = :v', values: { ':v': version } };

/** Writes the next deliberation (method, lock) from the version read, with its audit entry. */
export async function saveDeliberation(
  deps: WriteDeps,
  next: Deliberation,
  expectedVersion: number,
  audit: NewAuditEntry,
): Promise<void> {
  try {
    await deps.store.transact([tx.put(deliberationItem(next), atVersion(expectedVersion)), auditPut(deps, audit)]);
  } catch (error) {
    if (isAppError(error, 'CONFLICT')) throw stale(error);
    throw error;
  }
}

/**
 * Records a decision, only while the decisions are not locked (checked by the database in the same
 * transaction) and only from the decision's version read (0: none yet), with its audit entry.
 */
export async function saveDecision(
  deps: WriteDeps,
  decision: Decision,
  expectedVersion: number,
  audit: NewAuditEntry,
): Promise<void> {
  const items: TransactItem[] = [
    tx.put(decisionItem(decision), atVersion(expectedVersion)),
    tx.check(keys.deliberation(decision.editionId), {
      expression: 'attribute_not_exists(#locked) AND attribute_not_exists(#published)',
      names: { '#locked': 'locked', '#published': 'published' },
    }),
    auditPut(deps, audit),
  ];
  try {
    await deps.store.transact(items);
  } catch (error) {
    if (failedConditions(error).includes(1)) throw locked(error);
    if (isAppError(error, 'CONFLICT')) throw stale(error);
    throw error;
  }
}

/**
 * Publishes a version in one transaction: the snapshot item (only if that version does not exist —
 * the one thing that makes publication idempotent under a double click or two tabs), the deliberation's
 * new head (from the version read), the edition's state when it changes, decision changes of a
 * correction, and the audit entry. Returns false when the version exists already (someone published it).
 */
export async function insertVersion(
  deps: WriteDeps,
  input: {
    version: PublishedVersion;
    deliberation: Deliberation;
    expectedDeliberationVersion: number;
    edition?: { next: Edition; expectedVersion: number };
    decisions?: { decision: Decision; expectedVersion: number }[];
    audit: NewAuditEntry;
  },
): Promise<boolean> {
  const items: TransactItem[] = [
    tx.put(versionItem(input.version), { expression: 'attribute_not_exists(pk)' }),
    tx.put(deliberationItem(input.deliberation), atVersion(input.expectedDeliberationVersion)),
    ...(input.edition
      ? [
          tx.put(editionItem(input.edition.next), {
            expression: 'version = :v',
            values: { ':v': input.edition.expectedVersion },
          }),
        ]
      : []),
    ...(input.decisions ?? []).map((d) => tx.put(decisionItem(d.decision), atVersion(d.expectedVersion))),
    auditPut(deps, input.audit),
  ];
  try {
    await deps.store.transact(items);
    return true;
  } catch (error) {
    if (failedConditions(error).includes(0)) return false;
    if (isAppError(error, 'CONFLICT')) throw stale(error);
    throw error;
  }
}

/** Writes applications' results (idempotent puts, 25 per transaction): after publication, by the worker. */
export async function putApplicationResults(store: Store, results: ApplicationResult[]): Promise<void> {
  for (let i = 0; i < results.length; i += 25) {
    await store.transact(results.slice(i, i + 25).map((r) => tx.put(resultItem(r))));
  }
}

export async function findApplicationResult(store: Store, applicationId: string) {
  const item = await store.get(keys.applicationResult(applicationId));
  return item ? toResult(item) : null;
}

/** An institution's results over the years, newest first (gsi1). */
export async function listInstitutionResults(store: Store, institutionId: string): Promise<ApplicationResult[]> {
  const items = await store.queryAll(
    { index: 'gsi1', partitionKey: keys.institutionResults(institutionId), descending: true },
    500,
  );
  return items.map(toResult);
}

/** An edition's application results with one outcome (gsi2 key prefix). */
export async function listEditionResults(
  store: Store,
  editionId: string,
  outcome?: ApplicationResult['outcome'],
): Promise<ApplicationResult[]> {
  const items = await store.queryAll({
    index: 'gsi2',
    partitionKey: keys.editionResults(editionId),
    sortKeyPrefix: outcome ? `${outcome}#` : undefined,
  });
  return items.map(toResult);
}

/** True the first time for (edition, version, application): the result mail is sent once per version. */
export async function claimResultMail(store: Store, editionId: string, version: number, applicationId: string) {
  try {
    await store.put(
      { ...keys.resultMailSent(editionId, version, applicationId), entity: 'resultMailSent', editionId, version },
      { expression: 'attribute_not_exists(pk)' },
    );
    return true;
  } catch (error) {
    if (isAppError(error, 'CONFLICT')) return false;
    throw error;
  }
}
