import type { User } from '../../shared/accounts/user';
import type { Edition } from '../../shared/editions/edition';
import { editionItem } from '../../shared/editions/edition-store';
import type { ScoringSettings } from '../../shared/editions/scoring-settings';
import { rubricCriteria } from '../../shared/reviews/scoring';
import type { SheetContent } from '../../shared/reviews/sheet';
import { type Harness, seedUser, sessionCookie } from './accounts';
import { seedEdition } from './applications';
import { assignmentCalls, seedChapterExpert, seedSubmitted } from './assignment';

/**
 * An edition in review (k = 2) with a committed assignment: `experts` chapter experts (and one more on
 * the chapter with no pair: `idle`), `applications` submitted applications. Every expert has a cookie.
 */
export async function scoringWorld(
  h: Harness,
  options: { experts?: number; applications?: number; scoring?: Partial<ScoringSettings> } = {},
) {
  const { deps } = h;
  const edition = await seedEdition(deps, { state: 'open', settings: { expertsPerApplication: 2 } });
  const { user: organizer } = await seedUser(deps, { role: 'organizer' });
  const experts: User[] = [];
  for (let i = 0; i < (options.experts ?? 3); i++) {
    experts.push(
      await seedChapterExpert(deps, edition.editionId, organizer, {
        workplace: { voivodeship: 'pomorskie', county: `powiat ${i}`, commune: `gmina ${i}` },
      }),
    );
  }
  const applications = [];
  for (let i = 0; i < (options.applications ?? 3); i++) applications.push(await seedSubmitted(deps, edition.editionId));
  const cookie = await sessionCookie(deps, organizer.userId);
  const { preview, commit, as } = assignmentCalls(h);
  await commit(cookie, edition.editionId, await preview(cookie, edition.editionId));
  const idle = await seedChapterExpert(deps, edition.editionId, organizer, { maxLoad: 0 });
  const inReview: Edition = {
    ...edition,
    state: 'review',
    version: edition.version + 1,
    scoring: {
      justificationMinLength: 30,
      visibility: 'afterOwnSubmission',
      reminderDaysBefore: [7, 1],
      disagreementPercent: 20,
      ...options.scoring,
    },
  };
  await deps.store.put(editionItem(inReview));
  const cookies = new Map<string, string>();
  for (const e of [...experts, idle]) cookies.set(e.userId, await sessionCookie(deps, e.userId));
  const assignments = async (expert: User) => {
    const res = await as(cookies.get(expert.userId) ?? '', 'GET', `/api/expert/editions/${edition.editionId}/reviews`);
    return ((await res.json()) as { items: { applicationId: string }[] }).items.map((i) => i.applicationId);
  };
  return { edition: inReview, organizer, cookie, experts, idle, applications, cookies, as, assignments };
}

export type ScoringWorld = Awaited<ReturnType<typeof scoringWorld>>;

const justification = 'Uzasadnienie oceny obszaru na podstawie dokumentów i wizyty.';

/** A complete sheet of the sample rubric: every criterion `score`, every area and extreme justified, every channel ticked. */
export function completeSheet(edition: Edition, score = 6): SheetContent {
  const criteria = rubricCriteria(edition.rubric);
  return {
    scores: Object.fromEntries(criteria.map((c) => [c.code, score])),
    areaJustifications: Object.fromEntries(edition.rubric.areas.map((a) => [a.code, justification])),
    criterionJustifications:
      score === 0 || criteria.some((c) => c.maxPoints === score)
        ? Object.fromEntries(criteria.map((c) => [c.code, 'Skrajna ocena: uzasadnienie.']))
        : {},
    feedback: 'Dziękujemy za zgłoszenie.',
    privateNote: '',
    contacts: Object.fromEntries(
      (edition.rubric.mysteryShopper.enabled ? edition.rubric.mysteryShopper.channels : []).map((ch) => [
        ch.channel,
        {
          at: '2026-02-20T09:30:00.000Z',
          asked: 'Jak złożyć wniosek o dowód osobisty?',
          notes: 'Obsługa uprzejma.',
          ticks: Object.fromEntries(ch.items.map((i) => [i.code, 'met' as const])),
        },
      ]),
    ),
  };
}
