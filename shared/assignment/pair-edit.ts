import type { Caller } from '../access/caller';
import { callerActor } from '../accounts/user-read-store';
import type { AuditAction } from '../audit/audit';
import { type ChapterMember, describeReasons } from '../chapter/chapter';
import { assignableStatuses } from '../chapter/chapter-store';
import { pairConflicts } from '../chapter/conflict-context';
import type { Deps } from '../deps';
import { editionSubject, getEdition, invalidState } from '../editions/edition-store';
import { AppError } from '../errors';
import type { PairEntry } from './assignment';
import { listExpertAssignments, saveManualEdit } from './assignment-store';
import { assignableStates } from './propose-assignment';
import { countPl } from '../plural';

const experts = { one: 'eksperta', few: 'ekspertów', many: 'ekspertów' };

/** What the manual edits need of the outside world. */
export type PairEditDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;

export type EditContext = Awaited<ReturnType<typeof loadForEdit>>;

/**
 * Shared by the manual edits (add, remove, swap, lock): the same conflict and load checks as the
 * solver, one transaction that rewrites the touched experts' items and bumps the head's version,
 * so an edit and a commit (or two edits from two tabs) cannot interleave.
 */
export async function loadForEdit(deps: Pick<Deps, 'store'>, editionId: string) {
  const edition = await getEdition(deps.store, editionId);
  if (!assignableStates.includes(edition.state))
    throw invalidState({
      pl: 'Przydział można zmieniać, gdy nabór trwa lub trwa ocena.',
      en: 'The assignment can be changed while the edition is open or in review.',
    });
  const { head, experts } = await listExpertAssignments(deps.store, editionId);
  return { edition, head, experts, byUser: new Map(experts.map((x) => [x.userId, x])) };
}

/** The pair may be added: no conflict, the application is assignable and short of k, the expert has room. */
export async function checkAddable(
  deps: Pick<Deps, 'store' | 'clock'>,
  ctx: EditContext,
  pair: { applicationId: string; userId: string; field: string; ignoring?: string },
): Promise<{ member: ChapterMember; entry: PairEntry }> {
  const { applicationId, userId, field, ignoring } = pair;
  const { member, header, reasons } = await pairConflicts(deps, {
    editionId: ctx.edition.editionId,
    userId,
    applicationId,
  });
  if (!assignableStatuses.includes(header.status))
    throw new AppError('INVALID_STATE', 'Application not assignable', {
      detail: {
        pl: 'To zgłoszenie nie jest złożone ani przyjęte.',
        en: 'This application is neither submitted nor accepted.',
      },
    });
  if (reasons.length > 0) {
    throw new AppError('CONFLICT', 'Conflict of interest', {
      fields: {
        [field]: {
          pl: `Konflikt interesów z ${header.institution.name}: ${describeReasons(reasons, 'pl')}.`,
          en: `Conflict of interest with ${header.institution.name}: ${describeReasons(reasons, 'en')}.`,
        },
      },
    });
  }
  const all = ctx.experts.flatMap((x) =>
    x.pairs
      .filter((p) => p.applicationId === applicationId)
      .map((p) => ({ userId: x.userId, flagged: Boolean(p.flagged) })),
  );
  if (all.some((x) => x.userId === userId))
    throw new AppError('CONFLICT', 'Already assigned', {
      fields: {
        [field]: { pl: 'Ten ekspert już ocenia to zgłoszenie.', en: 'This expert already reviews this application.' },
      },
    });
  // Flagged pairs are waiting for replacement: they do not count towards k (as in the organizer's view).
  const current = all.filter((x) => !x.flagged && x.userId !== ignoring);
  if (current.length >= ctx.edition.expertsPerApplication) {
    throw new AppError('CONFLICT', 'Application full', {
      fields: {
        applicationId: {
          pl: `Zgłoszenie ma już ${countPl(current.length, experts)} (wymagane ${ctx.edition.expertsPerApplication}).`,
          en: `The application already has ${current.length} experts (${ctx.edition.expertsPerApplication} required).`,
        },
      },
    });
  }
  const load = ctx.byUser.get(userId)?.pairs.length ?? 0;
  if (load + 1 > member.maxLoad)
    throw new AppError('CONFLICT', 'Over maximum load', {
      fields: {
        [field]: {
          pl: `${member.displayName} ma już maksymalne obciążenie (${member.maxLoad}).`,
          en: `${member.displayName} is at the maximum load (${member.maxLoad}).`,
        },
      },
    });
  return {
    member,
    entry: {
      applicationId,
      institutionId: header.institutionId,
      institutionName: header.institution.name,
      locked: true,
      source: 'manual',
      assignedAt: deps.clock.now().toISOString(),
    },
  };
}

/** The pair exists; removing it keeps the expert at or above their minimum. */
export function checkRemovable(
  ctx: EditContext,
  member: ChapterMember,
  applicationId: string,
  field: string,
): PairEntry {
  const pairs = ctx.byUser.get(member.userId)?.pairs ?? [];
  const entry = pairs.find((p) => p.applicationId === applicationId);
  if (!entry)
    throw new AppError('NOT_FOUND', 'No such pair', {
      fields: {
        [field]: { pl: 'Ten ekspert nie ocenia tego zgłoszenia.', en: 'This expert does not review this application.' },
      },
    });
  if (pairs.length - 1 < member.minLoad)
    throw new AppError('CONFLICT', 'Under minimum load', {
      fields: {
        [field]: {
          pl: `${member.displayName} zszedłby poniżej minimalnego obciążenia (${member.minLoad}).`,
          en: `${member.displayName} would fall below the minimum load (${member.minLoad}).`,
        },
      },
    });
  return entry;
}

/** Writes the changed experts' items and the head (next version) with the audit entry, or 409 if anything moved. */
export async function writeEdit(
  deps: PairEditDeps,
  ctx: EditContext,
  changes: Map<string, PairEntry[]>,
  audit: { action: AuditAction; after: Record<string, unknown> },
  caller: Caller,
): Promise<void> {
  const actor = await callerActor(deps.store, caller);
  const generation = ctx.head.generation ?? deps.ids.newId();
  await saveManualEdit(deps, {
    head: ctx.head,
    generation,
    changes: [...changes].map(([userId, pairs]) => {
      const before = ctx.byUser.get(userId);
      return {
        next: { editionId: ctx.edition.editionId, generation, userId, pairs, version: (before?.version ?? 0) + 1 },
        previousVersion: before ? before.version : null,
      };
    }),
    audit: {
      action: audit.action,
      actor,
      subject: editionSubject(ctx.edition),
      ip: caller.ip,
      after: audit.after,
    },
  });
}
