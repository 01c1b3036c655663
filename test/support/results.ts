import type { ApplicationHeader } from '../../shared/applications/application';
import { headerItem } from '../../shared/applications/application-store';
import { pairsOf } from '../../shared/assignment/assignment';
import { listExpertAssignments } from '../../shared/assignment/assignment-store';
import type { Edition } from '../../shared/editions/edition';
import { editionItem } from '../../shared/editions/edition-store';
import { rubricCriteria } from '../../shared/reviews/scoring';
import type { ScoreSheet } from '../../shared/reviews/sheet';
import { markSubmitted, putDraft } from '../../shared/reviews/sheet-store';
import type { Harness } from './accounts';
import { completeSheet, scoringWorld } from './scoring';

/**
 * An edition in deliberation whose applications were all formally accepted and scored: application i
 * gets `scores[i]` on every criterion (0–10) from each of its two experts (plus `offsets[expert]`, a harsh
 * or lenient expert), and its mystery-shopper ticks follow the same level. Sheets are written through the
 * sheet store (draft, then submitted), like the API does.
 */
export async function resultsWorld(
  h: Harness,
  options: { scores: number[]; offsets?: number[]; experts?: number; state?: Edition['state']; feedback?: string } = {
    scores: [9, 6, 3],
  },
) {
  const world = await scoringWorld(h, { experts: options.experts ?? 3, applications: options.scores.length });
  const { deps } = h;
  const accepted: ApplicationHeader[] = world.applications.map((a) => ({
    ...a,
    status: 'accepted',
    version: a.version + 1,
  }));
  for (const a of accepted) await deps.store.put(headerItem(a));
  const { experts } = await listExpertAssignments(deps.store, world.edition.editionId);
  const now = deps.clock.now().toISOString();
  const order = world.experts.map((e) => e.userId);
  for (const pair of pairsOf(experts)) {
    const i = accepted.findIndex((a) => a.applicationId === pair.applicationId);
    const offset = options.offsets?.[order.indexOf(pair.userId)] ?? 0;
    const level = Math.max(0, Math.min(10, (options.scores[i] ?? 5) + offset));
    await writeSubmittedSheet(
      deps,
      world.edition,
      pair,
      level,
      now,
      options.feedback ?? `Opinia eksperta o zgłoszeniu ${i + 1}.`,
    );
  }
  const edition: Edition = {
    ...world.edition,
    state: options.state ?? 'deliberation',
    version: world.edition.version + 1,
  };
  await deps.store.put(editionItem(edition));
  return { ...world, edition, applications: accepted };
}

export type ResultsWorld = Awaited<ReturnType<typeof resultsWorld>>;

/**
 * One expert's submitted sheet of one pair: every criterion `level` (0–10), mystery-shopper ticks at the
 * same level, every extreme justified, written through the sheet store (draft, then submitted).
 */
export async function writeSubmittedSheet(
  deps: Harness['deps'],
  edition: Edition,
  pair: { applicationId: string; userId: string },
  level: number,
  now: string,
  feedback?: string,
): Promise<void> {
  const content = completeSheet(edition, level);
  const tick = level >= 8 ? 'met' : level >= 5 ? 'partly' : 'notMet';
  for (const contact of Object.values(content.contacts))
    for (const code of Object.keys(contact.ticks)) contact.ticks[code] = tick;
  content.criterionJustifications = Object.fromEntries(
    rubricCriteria(edition.rubric).map((c) => [c.code, 'Uzasadnienie oceny skrajnej.']),
  );
  if (feedback !== undefined) content.feedback = feedback;
  const sheet: ScoreSheet = {
    ...content,
    editionId: edition.editionId,
    applicationId: pair.applicationId,
    expertId: pair.userId,
    status: 'draft',
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await putDraft(deps.store, sheet, 0);
  await markSubmitted(deps.store, sheet, now);
}
