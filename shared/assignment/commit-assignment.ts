import type { Caller } from '../access/caller';
import { callerIdentity } from '../accounts/user-read-store';
import type { Deps } from '../deps';
import { editionSubject } from '../editions/edition-store';
import { AppError, isAppError } from '../errors';
import { type AssignmentHead, type ExpertAssignment, type PairEntry, pairsOf } from './assignment';
import { assignmentDigest } from './assignment-mail';
import {
  assignmentChanged,
  deleteGeneration,
  deleteStaleGenerations,
  getHead,
  moveHead,
  putGeneration,
} from './assignment-store';
import type { AssignmentMode } from './model';
import { proposalView, proposeAssignment } from './propose-assignment';

export type CommitAssignmentDeps = Pick<Deps, 'store' | 'clock' | 'ids' | 'logger' | 'jobs' | 'settings'>;

export interface CommitAssignmentInput {
  caller: Caller;
  editionId: string;
  /** The preview being committed: the assignment computed again must hash to it. */
  previewId: string;
  mode: AssignmentMode;
}

export interface CommitResult {
  previewId: string;
  generation: string;
  alreadyCommitted: boolean;
  pairs: number;
  added: number;
  removed: number;
  /** Digest mails queued (one per expert with new applications); the worker sends them. */
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
 * or not. Idempotent: committing the same preview again answers with the committed result. The
 * digests go to the job queue after the move: the worker sends them, off the request.
 */
export async function commitAssignment(
  deps: CommitAssignmentDeps,
  input: CommitAssignmentInput,
): Promise<CommitResult> {
  const { editionId } = input;
  const head0 = await getHead(deps.store, editionId);
  if (head0.lastPreviewId === input.previewId && head0.generation) return already(head0);
  const [proposal, identity] = await Promise.all([
    proposeAssignment(deps, { editionId, mode: input.mode }),
    callerIdentity(deps.store, input.caller),
  ]);
  const { actor } = identity;
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
  await putGeneration(deps.store, items);
  try {
    await moveHead(
      deps,
      proposal.head,
      {
        generation,
        previousGeneration: proposal.head.generation,
        lastPreviewId: input.previewId,
        committedAt: now,
        committedBy: actor.label,
        committedByName: identity.displayName,
        lastCommit: { pairs: view.summary.pairs, added: view.summary.added, removed: view.summary.removed },
      },
      {
        action: 'assignment.committed',
        actor,
        subject: editionSubject(proposal.edition),
        ip: input.caller.ip,
        after: { mode: input.mode, previewId: input.previewId, ...view.summary },
      },
    );
  } catch (error) {
    if (!isAppError(error, 'STALE_VERSION')) throw error;
    // Someone moved the head first: the same preview (a double click) counts as done; anything else is stale.
    const head = await getHead(deps.store, editionId);
    await deleteGeneration(
      deps.store,
      editionId,
      generation,
      items.map((x) => x.userId),
    );
    if (head.lastPreviewId === input.previewId && head.generation) return already(head);
    throw assignmentChanged(error);
  }
  await deleteStaleGenerations(
    deps.store,
    editionId,
    { generation, previousGeneration: proposal.head.generation },
    deps.clock.now(),
  ).catch((error: unknown) =>
    deps.logger.warn('Old assignment generations not deleted', { editionId, error: String(error) }),
  );
  const mailed = await queueDigests(deps, proposal.edition.name, editionId, view.applications, model.members);
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

/**
 * One `mail.send` job per expert with newly assigned applications. Only the commit that moved the
 * head gets here, so each expert gets exactly one digest per commit; a job the queue refuses is
 * logged and skipped (the assignment stands; a retry would answer "already committed").
 */
async function queueDigests(
  deps: Pick<Deps, 'jobs' | 'logger' | 'settings'>,
  editionName: string,
  editionId: string,
  applications: ReturnType<typeof proposalView>['applications'],
  members: { userId: string; email: string; language: 'pl' | 'en' }[],
): Promise<number> {
  const added = new Map<string, string[]>();
  for (const app of applications)
    for (const x of app.experts)
      if (x.status === 'added') added.set(x.userId, [...(added.get(x.userId) ?? []), app.institutionName]);
  const link = `${deps.settings.publicOrigin}/expert/editions/${editionId}`;
  const queued = await Promise.all(
    members.flatMap((m) => {
      const names = added.get(m.userId);
      if (!names) return [];
      const message = assignmentDigest(m.email, m.language, editionName, names, link);
      return [
        deps.jobs.send({ type: 'mail.send', message }).then(
          () => true,
          (error: unknown) => {
            deps.logger.error('Assignment digest not queued', { editionId, userId: m.userId, error: String(error) });
            return false;
          },
        ),
      ];
    }),
  );
  return queued.filter(Boolean).length;
}
