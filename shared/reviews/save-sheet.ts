import { type Caller, signedIn } from '../access/caller';
import { callerActor } from '../accounts/user-read-store';
import { auditPut } from '../audit/audit-store';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { assertScoringOpen, assignedApplication } from './review-access';
import { draftProblems } from './scoring';
import type { ScoreSheet, SheetContent } from './sheet';
import { findSheet, putDraft } from './sheet-store';

export interface SaveSheetInput {
  caller: Caller;
  editionId: string;
  applicationId: string;
  content: SheetContent;
  /** The sheet's version the content was edited from (0 for a sheet never saved). */
  version: number;
}

/**
 * Autosave of an expert's draft score sheet (issue 13 §2): the same behaviour institutions have —
 * optimistic versions, nothing lost across tabs (a stale save is 409 STALE_VERSION and changes
 * nothing), a submitted sheet is read-only (409). Scores out of range or off the step, unknown
 * criteria or checklist items are 400 naming the field. Every change of a score is audited (old →
 * new) in the same transaction. Evidence files are kept by their own items, not here.
 */
export async function saveSheet(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  input: SaveSheetInput,
): Promise<ScoreSheet> {
  const me = signedIn(input.caller);
  const { edition, header } = await assignedApplication(deps, { ...input, expertId: me.userId });
  assertScoringOpen(edition);
  const problems = draftProblems(edition.rubric, input.content);
  if (Object.keys(problems).length > 0) {
    throw new AppError('VALIDATION_FAILED', 'Invalid scores', { fields: problems });
  }
  const current = input.version === 0 ? null : await findSheet(deps.store, input.applicationId, me.userId, true);
  const now = deps.clock.now().toISOString();
  const sheet: ScoreSheet = {
    ...input.content,
    contacts: Object.fromEntries(
      Object.entries(input.content.contacts).map(([channel, contact]) => [
        channel,
        { ...contact, evidence: undefined },
      ]),
    ),
    editionId: input.editionId,
    applicationId: input.applicationId,
    expertId: me.userId,
    status: 'draft',
    version: input.version + 1,
    createdAt: current?.createdAt ?? now,
    updatedAt: now,
    ...(current?.reopened ? { reopened: current.reopened } : {}),
  };
  const changes = scoreChanges(current?.scores ?? {}, sheet.scores);
  const audit =
    Object.keys(changes.after).length + Object.keys(changes.before).length > 0
      ? [
          auditPut(deps, {
            action: 'sheet.scoresChanged',
            actor: await callerActor(deps.store, input.caller),
            subject: { type: 'application', id: input.applicationId, label: header.institution.name },
            ip: input.caller.ip,
            before: changes.before,
            after: changes.after,
            details: { editionId: input.editionId, version: sheet.version },
          }),
        ]
      : [];
  await putDraft(deps.store, sheet, input.version, audit);
  return sheet;
}

/** Old → new for the criteria whose score changed (a removed score shows as null). */
function scoreChanges(before: Record<string, number>, after: Record<string, number>) {
  const b: Record<string, number | null> = {};
  const a: Record<string, number | null> = {};
  for (const code of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (before[code] !== after[code]) {
      b[code] = before[code] ?? null;
      a[code] = after[code] ?? null;
    }
  }
  return { before: b, after: a };
}
