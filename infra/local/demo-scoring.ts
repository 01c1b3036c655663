import type { Caller } from '../../shared/access/caller';
import type { User } from '../../shared/accounts/user';
import { pairsOf } from '../../shared/assignment/assignment';
import { listExpertAssignments } from '../../shared/assignment/assignment-store';
import { commitAssignment } from '../../shared/assignment/commit-assignment';
import { previewAssignment } from '../../shared/assignment/preview-assignment';
import type { Workplace } from '../../shared/chapter/chapter';
import { memberItem } from '../../shared/chapter/chapter-store';
import type { Deps } from '../../shared/deps';
import { type Edition, newEdition } from '../../shared/editions/edition';
import { editionItem } from '../../shared/editions/edition-store';
import type { Rubric } from '../../shared/editions/rubric';
import { sampleQuestionnaire, sampleRubric, sampleSettings } from '../../shared/editions/sample-edition';
import { saveSheet } from '../../shared/reviews/save-sheet';
import { rubricCriteria } from '../../shared/reviews/scoring';
import type { SheetContent, Tick } from '../../shared/reviews/sheet';
import { submitSheet } from '../../shared/reviews/submit-sheet';
import { type TransactItem, tx } from '../../shared/store/store';
import { type DemoInstitution, demoApplicationItems } from './demo-edition';
import { seedDemoEvidence } from './demo-evidence';
import { noMetrics } from '../../shared/platform/metrics';

const DAY = 86_400_000;

/** Applications of the 2025 edition: accepted after the formal check, far from the chapter's workplaces. */
const applicants: DemoInstitution[] = [
  {
    name: 'Urząd Miasta Gdyni',
    nip: '5861200016',
    regon: '191580006',
    type: 'municipal_office',
    city: 'Gdynia',
    voivodeship: 'pomorskie',
    headcount: '201+',
    submitted: true,
  },
  {
    name: 'Urząd Skarbowy Wrocław-Krzyki',
    nip: '8981200003',
    regon: '931250006',
    type: 'tax_office',
    city: 'Wrocław',
    voivodeship: 'dolnośląskie',
    headcount: '101-150',
    submitted: true,
  },
  {
    name: 'Miejski Ośrodek Pomocy Rodzinie w Lublinie',
    nip: '9461200003',
    regon: '431010000',
    type: 'social_welfare_centre',
    city: 'Lublin',
    voivodeship: 'lubelskie',
    headcount: '151-200',
    submitted: true,
  },
  {
    name: 'Powiatowy Urząd Pracy w Olsztynie',
    nip: '7391200007',
    regon: '510740009',
    type: 'labour_office',
    city: 'Olsztyn',
    voivodeship: 'warmińsko-mazurskie',
    headcount: '41-100',
    submitted: true,
  },
];

const areaWords: Record<string, string> = {
  A1: 'Standardy obsługi są spisane i widoczne w praktyce: identyfikatory, kolejka, karta usług.',
  A2: 'System zarządzania jakością wdrożony; badanie satysfakcji prowadzone raz w roku, wnioski opisane.',
  A3: 'Szkolenia z obsługi klienta co roku dla całego zespołu, także z komunikacji z osobami starszymi.',
  A4: 'Strona internetowa czytelna, kanały konsultacji z mieszkańcami działają, media społecznościowe aktywne.',
  A5: 'Strategia rozwoju usług ma mierniki, monitorowana co kwartał przez kierownictwo urzędu.',
};

/** A complete sheet: every criterion `score` (capped at its maximum), every area justified, every channel ticked. */
function sheet(rubric: Rubric, score: number, tick: Tick, note: string): SheetContent {
  const criteria = rubricCriteria(rubric);
  const scores = Object.fromEntries(criteria.map((c) => [c.code, Math.min(score, c.maxPoints)]));
  const extreme = criteria.filter((c) => scores[c.code] === 0 || scores[c.code] === c.maxPoints);
  return {
    scores,
    areaJustifications: Object.fromEntries(rubric.areas.map((a) => [a.code, areaWords[a.code] ?? note])),
    criterionJustifications: Object.fromEntries(extreme.map((c) => [c.code, note])),
    feedback: 'Dziękujemy za rzetelne zgłoszenie. Warto opisać, jak wyniki badania satysfakcji zmieniły obsługę.',
    privateNote: note,
    contacts: Object.fromEntries(
      (rubric.mysteryShopper.enabled ? rubric.mysteryShopper.channels : []).map((ch) => [
        ch.channel,
        {
          at: '2025-11-18T09:40:00.000Z',
          asked: 'Jak zarejestrować się jako osoba bezrobotna i jakie dokumenty przynieść?',
          notes: 'Urzędnik przedstawił się, odpowiedź pełna, czas oczekiwania ok. 5 minut.',
          ticks: Object.fromEntries(ch.items.map((i) => [i.code, tick])),
        },
      ]),
    ),
  };
}

export const callerOf = (user: User): Caller => ({
  principal: { kind: 'user', userId: user.userId, roles: user.roles, active: true },
  ip: '127.0.0.1',
  userAgent: 'demo seed',
});

/**
 * The previous edition, "IX edycja (2025)", in the chapter's scoring (issue 13 §11): four accepted
 * applications, a committed assignment (k = 2) for the demo expert and two colleagues — the demo
 * expert's loads fixed at 2, so the two colleagues share the other two applications — and sheets in
 * every state: the colleagues' submitted (one application a clear disagreement, 2 vs 9 points), the
 * demo expert's one draft (with mystery-shopper contacts) and one not started. The scoring deadline
 * is ten days ahead, so the demo expert can finish and the organizer sees progress and the queue.
 */
export async function seedDemoScoring(
  deps: Pick<Deps, 'store' | 'clock' | 'ids' | 'blobs' | 'logger' | 'jobs' | 'settings'>,
  people: { organizer: User; expert: User; colleagues: [User, User] },
): Promise<string> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const day = (n: number) => new Date(now.getTime() + n * DAY).toISOString();
  const edition: Edition = {
    ...newEdition(
      sampleSettings(now, {
        number: 'IX edycja',
        year: 2025,
        timeline: {
          applicationsOpen: day(-90),
          applicationsClose: day(-40),
          reviewStart: day(-39),
          reviewEnd: day(10),
          resultsDate: day(30),
        },
        expertsPerApplication: 2,
      }),
      // Created a year ago, like a real previous edition: lists (newest first) show this year's on top.
      { editionId: deps.ids.newId(), now: day(-400) },
    ),
    state: 'review',
    rubric: sampleRubric(),
    questionnaire: sampleQuestionnaire(),
  };
  const items: TransactItem[] = [tx.put(editionItem(edition))];
  for (const o of applicants) items.push(...(await demoApplicationItems(deps, edition.editionId, o, at, 'accepted')));
  const seat = (user: User, workplace: Workplace, load: number) =>
    tx.put(
      memberItem({
        editionId: edition.editionId,
        userId: user.userId,
        displayName: user.displayName,
        email: user.email,
        language: user.language,
        minLoad: load === 2 ? 2 : 0,
        maxLoad: load,
        expertise: user.expert?.expertise ?? [],
        preferredCategories: [],
        chair: false,
        workplace,
        addedAt: at,
        version: 1,
      }),
    );
  const [first, second] = people.colleagues;
  items.push(
    seat(people.expert, { voivodeship: 'małopolskie', county: 'Kraków', commune: 'Kraków' }, 2),
    seat(first, { voivodeship: 'małopolskie', county: 'Nowy Targ', commune: 'Nowy Targ' }, 3),
    seat(second, { voivodeship: 'mazowieckie', county: 'Warszawa', commune: 'Warszawa' }, 3),
  );
  for (let i = 0; i < items.length; i += 100) await deps.store.transact(items.slice(i, i + 100));

  const organizer = callerOf(people.organizer);
  const { previewId } = await previewAssignment(deps, { editionId: edition.editionId, mode: 'full' });
  await commitAssignment(deps, { editionId: edition.editionId, mode: 'full', previewId, caller: organizer });

  const pairs = pairsOf((await listExpertAssignments(deps.store, edition.editionId)).experts);
  const expertsOf = (applicationId: string) =>
    pairs.filter((p) => p.applicationId === applicationId).map((p) => p.userId);
  const byApplication = [...new Set(pairs.map((p) => p.applicationId))].sort();
  const ofColleagues = byApplication.filter((a) => !expertsOf(a).includes(people.expert.userId));
  const ofDemoExpert = byApplication.filter((a) => expertsOf(a).includes(people.expert.userId));
  const write = async (user: User, applicationId: string, content: SheetContent, submit: boolean) => {
    const saved = await saveSheet(deps, {
      caller: callerOf(user),
      editionId: edition.editionId,
      applicationId,
      content,
      version: 0,
    });
    if (submit)
      await submitSheet(
        { ...deps, metrics: noMetrics },
        {
          caller: callerOf(user),
          editionId: edition.editionId,
          applicationId,
          version: saved.version,
        },
      );
  };
  const colleague = (userId: string) => (userId === first.userId ? first : second);
  // Both colleagues on the first of their shared applications disagree clearly; on the second they agree.
  const [split, agreed] = ofColleagues;
  if (split) {
    await write(
      first,
      split,
      sheet(edition.rubric, 2, 'notMet', 'Dokumenty ogólnikowe, brak dowodów wdrożenia.'),
      true,
    );
    await write(second, split, sheet(edition.rubric, 9, 'met', 'Bardzo dobra praktyka, warta pokazania.'), true);
  }
  if (agreed) {
    await write(first, agreed, sheet(edition.rubric, 6, 'partly', 'Solidnie, z rezerwami w komunikacji.'), true);
    await write(second, agreed, sheet(edition.rubric, 7, 'met', 'Dobrze, bez zastrzeżeń.'), true);
  }
  // The demo expert's applications: each colleague submitted; the demo expert has one draft and one to start.
  const [drafted] = ofDemoExpert;
  for (const applicationId of ofDemoExpert) {
    const other = expertsOf(applicationId).find((u) => u !== people.expert.userId);
    if (other) await write(colleague(other), applicationId, sheet(edition.rubric, 7, 'met', 'Dobrze.'), true);
  }
  if (drafted) {
    const draft = sheet(edition.rubric, 6, 'partly', 'Do uzupełnienia po wizycie.');
    const criteria = rubricCriteria(edition.rubric);
    for (const c of criteria.slice(Math.ceil(criteria.length / 2))) delete draft.scores[c.code];
    await write(people.expert, drafted, draft, false);
  }
  // Issue 18 §5: the application the demo expert has drafted carries a survey results snapshot.
  if (drafted) await seedDemoEvidence(deps, drafted);
  return edition.editionId;
}
