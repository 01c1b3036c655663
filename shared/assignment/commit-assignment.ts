import { signedIn, type Caller } from '../access/caller';
import { auditActor } from '../accounts/user-store';
import { auditPut } from '../audit/audit';
import { editionSubject } from '../editions/edition-store';
import { AppError } from '../errors';
import { keys } from '../store/keys';
import { assignmentDigest } from './assignment-mail';
import {
  assignmentChanged,
  deleteStaleGenerations,
  expertAssignmentItem,
  getHead,
  headUpdate,
  pairsOf,
  type AssignmentHead,
  type ExpertAssignment,
  type PairEntry,
} from './assignment-store';
import type { AssignmentMode } from './model';
import { proposalView, proposeAssignment } from './propose-assignment';
import type { Deps } from '../deps';

export interface CommitResult {
  previewId: string;
  generation: string;
  alreadyCommitted: boolean;
  pairs: number;
  added: number;
  removed: number;
  mailed: number;
}

/**
 * Commits the previewed assignment. The solver is deterministic, so the assignment is computed again
 * and must hash to the previewed id — if anything changed since the preview (a late application, a
 * conflict, a manual edit) the commit is refused and the organizer previews again.
 *
 * Atomic for readers: the new generation's items are written first (invisible), then the head moves
 * to it in one conditional transaction with the audit entry. A failure before the move leaves the old
 * assignment in force (the orphaned items are deleted by the next commit); the move either happens
 * or not. Idempotent: committing the same preview again answers with the committed result.
 */
export async function commitAssignment(
  deps: Deps,
  editionId: string,
  input: { previewId: string; mode: AssignmentMode },
  caller: Caller,
): Promise<CommitResult> {
  const head0 = await getHead(deps.store, editionId);
  if (head0.lastPreviewId === input.previewId && head0.generation) return already(head0);
  const [proposal, { actor }] = await Promise.all([
    proposeAssignment(deps, editionId, input.mode),
    auditActor(deps.store, signedIn(caller).userId),
  ]);
  if (proposal.previewId !== input.previewId) {
    throw new AppError('STALE_VERSION', 'Preview outdated', {
      detail: {
        pl: 'Od podglądu zmieniły się dane (zgłoszenia, konflikty lub przydział). Wygeneruj podgląd ponownie.',
        en: 'Something changed since the preview (applications, conflicts or the assignment). Preview again.',
      },
    });
  }
  const view = proposalView(proposal);
  const now = deps.clock.now().toISOString();
  const generation = deps.ids.newId();
  const previous = new Map(pairsOf(proposal.current).map((p) => [`${p.applicationId}:${p.userId}`, p]));
  const { model } = proposal;
  const perExpert = new Map<number, PairEntry[]>();
  proposal.assignment.forEach((experts, a) => {
    const app = model.applications[a]!;
    for (const e of experts) {
      const userId = model.members[e]!.userId;
      const kept = previous.get(`${app.applicationId}:${userId}`);
      const entry: PairEntry = {
        applicationId: app.applicationId,
        institutionId: app.institution.institutionId,
        institutionName: app.institution.name,
        locked: kept?.locked ?? false,
        source: kept?.source ?? 'auto',
        assignedAt: kept?.assignedAt ?? now,
      };
      perExpert.set(e, [...(perExpert.get(e) ?? []), entry]);
    }
  });
  const items: ExpertAssignment[] = [...perExpert].map(([e, pairs]) => ({
    editionId,
    generation,
    userId: model.members[e]!.userId,
    pairs,
    version: 1,
  }));
  for (const chunk of transactionChunks(items.map(expertAssignmentItem))) {
    await deps.store.transact(
      chunk.map((Item) => ({ Put: { TableName: '', Item, ConditionExpression: 'attribute_not_exists(pk)' } })),
    );
  }
  try {
    await deps.store.transact([
      headUpdate(proposal.head, {
        generation,
        previousGeneration: proposal.head.generation,
        lastPreviewId: input.previewId,
        committedAt: now,
        committedBy: actor.label,
        lastCommit: { pairs: view.summary.pairs, added: view.summary.added, removed: view.summary.removed },
      }),
      auditPut(deps, {
        action: 'assignment.committed',
        actor,
        subject: editionSubject(proposal.edition),
        ip: caller.ip,
        after: { mode: input.mode, previewId: input.previewId, ...view.summary },
      }),
    ]);
  } catch (error) {
    if ((error as { code?: string }).code !== 'CONFLICT') throw error;
    // Someone moved the head first: the same preview (a double click) counts as done; anything else is stale.
    const head = await getHead(deps.store, editionId);
    await Promise.all(items.map((x) => deps.store.delete(keys.expertAssignment(editionId, generation, x.userId))));
    if (head.lastPreviewId === input.previewId && head.generation) return already(head);
    throw assignmentChanged();
  }
  await deleteStaleGenerations(
    deps.store,
    editionId,
    { generation, previousGeneration: proposal.head.generation },
    deps.clock.now(),
  ).catch((error: unknown) =>
    deps.logger.warn('Old assignment generations not deleted', { editionId, error: String(error) }),
  );
  const mailed = await sendDigests(deps, proposal.edition.name, editionId, view.applications, model.members);
  return {
    previewId: input.previewId,
    generation,
    alreadyCommitted: false,
    pairs: view.summary.pairs,
    added: view.summary.added,
    removed: view.summary.removed,
    mailed,
  };

  /** The same preview was committed already (a double click, a retry): its result again, no second mail. */
  function already(head: AssignmentHead): CommitResult {
    return {
      previewId: input.previewId,
      generation: head.generation ?? '',
      alreadyCommitted: true,
      pairs: head.lastCommit?.pairs ?? 0,
      added: head.lastCommit?.added ?? 0,
      removed: head.lastCommit?.removed ?? 0,
      mailed: 0,
    };
  }
}

async function sendDigests(
  deps: Deps,
  editionName: string,
  editionId: string,
  applications: ReturnType<typeof proposalView>['applications'],
  members: { userId: string; email: string; language: 'pl' | 'en' }[],
): Promise<number> {
  const added = new Map<string, string[]>();
  for (const app of applications)
    for (const x of app.experts)
      if (x.status === 'added') added.set(x.userId, [...(added.get(x.userId) ?? []), app.institutionName]);
  let sent = 0;
  for (const m of members) {
    const names = added.get(m.userId);
    if (!names) continue;
    try {
      await deps.mail.send(
        assignmentDigest(
          m.email,
          m.language,
          editionName,
          names,
          `${deps.settings.publicOrigin}/expert/editions/${editionId}`,
        ),
      );
      sent++;
    } catch (error) {
      deps.logger.error('Assignment digest not sent', { editionId, userId: m.userId, error: String(error) });
    }
  }
  return sent;
}

/** Transactions hold at most 100 items and 4 MB: chunks of both (with room for attribute overhead). */
export function transactionChunks<T>(items: T[], maxItems = 100, maxBytes = 3_500_000): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = Buffer.byteLength(JSON.stringify(item));
    if (current.length > 0 && (current.length >= maxItems || bytes + size > maxBytes)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
