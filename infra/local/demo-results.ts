import type { User } from '../../shared/accounts/user';
import { listEditionHeaders } from '../../shared/applications/application-list-store';
import { pairsOf } from '../../shared/assignment/assignment';
import { listExpertAssignments } from '../../shared/assignment/assignment-store';
import { commitAssignment } from '../../shared/assignment/commit-assignment';
import { previewAssignment } from '../../shared/assignment/preview-assignment';
import type { Workplace } from '../../shared/chapter/chapter';
import { memberItem } from '../../shared/chapter/chapter-store';
import type { Deps } from '../../shared/deps';
import { changeEditionState } from '../../shared/editions/change-edition-state';
import { type Edition, newEdition } from '../../shared/editions/edition';
import { editionItem, getEdition } from '../../shared/editions/edition-store';
import type { Rubric } from '../../shared/editions/rubric';
import { sampleQuestionnaire, sampleRubric, sampleSettings } from '../../shared/editions/sample-edition';
import type { Job } from '../../shared/jobs/job';
import { fixedClock } from '../../shared/platform/clock';
import { ulidGenerator } from '../../shared/platform/ids';
import type { InProcessQueue } from '../../shared/platform/queue-in-process';
import { decideApplication } from '../../shared/results/decide-application';
import { lockDecisions } from '../../shared/results/lock-decisions';
import { publishResults } from '../../shared/results/publish-results';
import { loadResultsInput } from '../../shared/results/results-input';
import { findDeliberation } from '../../shared/results/results-store';
import { resultsTable } from '../../shared/results/results-table';
import { saveSheet } from '../../shared/reviews/save-sheet';
import { rubricCriteria } from '../../shared/reviews/scoring';
import type { SheetContent, Tick } from '../../shared/reviews/sheet';
import { submitSheet } from '../../shared/reviews/submit-sheet';
import { type TransactItem, tx } from '../../shared/store/store';
import { type DemoInstitution, demoApplicationItems, demoSignatories } from './demo-edition';
import { callerOf } from './demo-scoring';
import { noMetrics } from '../../shared/platform/metrics';

const DAY = 86_400_000;

/** What the demo seeds need; the local queue is drained so a publication's follow-up work is done before start. */
export type DemoDeps = Pick<Deps, 'store' | 'clock' | 'ids' | 'blobs' | 'logger' | 'settings'> & {
  jobs: InProcessQueue<Job>;
};

/** How two experts score an application: each one's level (0–10 per criterion) and mystery-shopper ticks. */
interface Scoring {
  levels: [number, number];
  ticks: [Tick, Tick];
}

/** An institution taking part in VIII: a new one, or one seeded already (IX's applicants). */
type Entrant = (DemoInstitution & { institutionId?: string }) & Scoring;

/** Institutions that took part only in VIII (their applications are written with them). */
const newcomers: Omit<DemoInstitution, 'submitted'>[] = [
  {
    name: 'Urząd Miejski w Gliwicach',
    nip: '9451200007',
    regon: '340001000',
    type: 'municipal_office',
    city: 'Gliwice',
    voivodeship: 'śląskie',
    headcount: '201+',
  },
  {
    name: 'Urząd Miasta Rzeszowa',
    nip: '8131200005',
    regon: '690001002',
    type: 'municipal_office',
    city: 'Rzeszów',
    voivodeship: 'podkarpackie',
    headcount: '201+',
  },
  {
    name: 'ZUS Oddział w Bydgoszczy',
    nip: '5541200003',
    regon: '090001009',
    type: 'zus',
    city: 'Bydgoszcz',
    voivodeship: 'kujawsko-pomorskie',
    headcount: '151-200',
  },
  {
    name: 'Starostwo Powiatowe w Wadowicach',
    nip: '5251200006',
    regon: '140001005',
    type: 'county_office',
    city: 'Wadowice',
    voivodeship: 'małopolskie',
    headcount: '101-150',
  },
];

/** Per-criterion offsets from an expert's level, rotated per application, so areas differ (the own result's benchmark). */
const profile = [1, 0, -1, 0, 1, -1, 0, 0];

const feedbackAt: [number, string][] = [
  [8, 'Wzorcowa obsługa i spójny system jakości. Warto dzielić się praktyką z innymi urzędami.'],
  [6, 'Dobre standardy obsługi; warto pokazać, jak wyniki badania satysfakcji zmieniają pracę urzędu.'],
  [0, 'Standardy są spisane, ale brakuje dowodów ich stosowania. Warto zacząć od regularnego badania satysfakcji.'],
];

/** A complete sheet of the 2024 edition at `level`, shifted per criterion by `shift` (capped at 0…max). */
function sheet(rubric: Rubric, level: number, tick: Tick, shift: number, at: string): SheetContent {
  const criteria = rubricCriteria(rubric);
  const scores = Object.fromEntries(
    criteria.map((c, i) => [
      c.code,
      Math.max(0, Math.min(c.maxPoints, level + (profile[(i + shift) % profile.length] ?? 0))),
    ]),
  );
  const extreme = criteria.filter((c) => scores[c.code] === 0 || scores[c.code] === c.maxPoints);
  const feedback = feedbackAt.find(([min]) => level >= min)?.[1] ?? '';
  return {
    scores,
    areaJustifications: Object.fromEntries(
      rubric.areas.map((a) => [a.code, `Ocena obszaru ${a.code} na podstawie kwestionariusza i wizyty.`]),
    ),
    criterionJustifications: Object.fromEntries(
      extreme.map((c) => [c.code, 'Ocena skrajna: potwierdzona dokumentami i wizytą.']),
    ),
    feedback,
    privateNote: `Poziom ${level}.`,
    contacts: Object.fromEntries(
      (rubric.mysteryShopper.enabled ? rubric.mysteryShopper.channels : []).map((ch) => [
        ch.channel,
        {
          at,
          asked: 'Jak uzyskać zaświadczenie i ile trwa jego wydanie?',
          notes: 'Kontakt sprawdzony według listy kontrolnej.',
          ticks: Object.fromEntries(ch.items.map((i) => [i.code, tick])),
        },
      ]),
    ),
  };
}

/**
 * The edition before IX: "VIII edycja (2024)", created about 760 days ago and published about 400
 * days ago (issue 14 §10), run through the real use cases on a clock set in the past — chapter,
 * assignment, submitted sheets, deliberation, a distinction with its reason, the lock, the publication
 * and the worker's job (each application's own result, the result mails). Eight institutions: IX's
 * four applicants (so IX's publication shows movement: "awans o 1 miejsce", "awans o 3 miejsca") and
 * four others; not the demo office, which stays without applications so a visitor can apply. The one of IX's two likely
 * laureates placed higher here is a VIII laureate, so when IX is published its fee has the 10 %
 * returning-laureate discount. Run once per data folder, from `seedDemo` (which skips a seeded one).
 */
export async function seedDemoResults(
  deps: DemoDeps,
  people: { organizer: User; colleagues: User[] },
  ninthEditionId: string,
): Promise<string> {
  const today = deps.clock.now().getTime();
  const clock = fixedClock(new Date(today - 760 * DAY));
  // The demo's history is not contest activity: it is counted nowhere.
  const past = { ...deps, clock, ids: ulidGenerator(clock), metrics: noMetrics };
  const day = (n: number) => new Date(today + n * DAY).toISOString();

  // IX's applicants in the order IX ranks them today (its two likely laureates first).
  const ninth = await getEdition(deps.store, ninthEditionId);
  const ninthRows = resultsTable((await loadResultsInput(deps, ninth, null)).input).categories.flatMap((c) => c.rows);
  const ninthHeaders = new Map((await listEditionHeaders(deps.store, ninthEditionId)).map((h) => [h.applicationId, h]));
  const returning: (DemoInstitution & { institutionId: string })[] = ninthRows.flatMap((r) => {
    const h = ninthHeaders.get(r.applicationId);
    return h ? [{ ...h.institution, institutionId: h.institutionId, regon: '', city: '', submitted: true }] : [];
  });
  const [r0, r1, r2, r3] = returning;
  const fresh = (i: number) => ({ ...newcomers[i]!, submitted: true });
  const s = (levels: [number, number], ticks: [Tick, Tick]): Scoring => ({ levels, ticks });
  // VIII's ranking, threshold 70 %: three laureates, the ZUS branch distinguished below the threshold.
  const entrants: Entrant[] = [
    { ...fresh(0), ...s([9, 8], ['met', 'met']) },
    ...(r0 ? [{ ...r0, ...s([8, 8], ['met', 'partly']) }] : []),
    { ...fresh(1), ...s([8, 7], ['partly', 'met']) },
    ...(r1 ? [{ ...r1, ...s([7, 7], ['partly', 'partly']) }] : []),
    { ...fresh(2), ...s([6, 7], ['partly', 'partly']) },
    ...(r2 ? [{ ...r2, ...s([6, 6], ['partly', 'notMet']) }] : []),
    { ...fresh(3), ...s([5, 6], ['partly', 'notMet']) },
    ...(r3 ? [{ ...r3, ...s([5, 4], ['notMet', 'partly']) }] : []),
  ];

  const edition: Edition = {
    ...newEdition(
      sampleSettings(new Date(today - 760 * DAY), {
        number: 'VIII edycja',
        year: 2024,
        timeline: {
          applicationsOpen: day(-745),
          applicationsClose: day(-690),
          reviewStart: day(-689),
          reviewEnd: day(-430),
          resultsDate: day(-400),
        },
        expertsPerApplication: 2,
        // Two years, so VIII's laureates still hold valid certificates today (issue 15's demo: issue, verify, revoke).
        certificateValidityMonths: 24,
        certificates: { signatories: demoSignatories },
      }),
      { editionId: past.ids.newId(), now: day(-760) },
    ),
    state: 'review',
    updatedAt: day(-689),
    rubric: sampleRubric(),
    questionnaire: sampleQuestionnaire(),
  };
  const items: TransactItem[] = [tx.put(editionItem(edition))];
  for (const e of entrants)
    items.push(...(await demoApplicationItems(past, edition.editionId, e, day(-700), 'accepted', e.institutionId)));
  const workplaces: Workplace[] = [
    { voivodeship: 'małopolskie', county: 'Nowy Targ', commune: 'Nowy Targ' },
    { voivodeship: 'mazowieckie', county: 'Warszawa', commune: 'Warszawa' },
    { voivodeship: 'pomorskie', county: 'Gdańsk', commune: 'Gdańsk' },
    { voivodeship: 'wielkopolskie', county: 'Poznań', commune: 'Poznań' },
  ];
  people.colleagues.slice(0, workplaces.length).forEach((user, i) => {
    items.push(
      tx.put(
        memberItem({
          editionId: edition.editionId,
          userId: user.userId,
          displayName: user.displayName,
          email: user.email,
          language: user.language,
          minLoad: 0,
          maxLoad: 6,
          expertise: user.expert?.expertise ?? [],
          preferredCategories: [],
          chair: i === 0,
          workplace: workplaces[i]!,
          addedAt: day(-720),
          version: 1,
        }),
      ),
    );
  });
  for (let i = 0; i < items.length; i += 100) await deps.store.transact(items.slice(i, i + 100));
  const byNip = new Map(entrants.map((e) => [e.nip, e]));
  const applicationOf = new Map(
    (await listEditionHeaders(deps.store, edition.editionId)).flatMap((h) => {
      const entrant = byNip.get(h.institution.nip);
      return entrant ? [[h.applicationId, entrant] as const] : [];
    }),
  );

  const organizer = callerOf(people.organizer);
  clock.set(day(-688));
  const { previewId } = await previewAssignment(past, { editionId: edition.editionId, mode: 'full' });
  await commitAssignment(past, { editionId: edition.editionId, mode: 'full', previewId, caller: organizer });

  // Each application's two sheets: the first pair member scores at levels[0], the second at levels[1].
  const pairs = pairsOf((await listExpertAssignments(deps.store, edition.editionId)).experts);
  const byUser = new Map(people.colleagues.map((u) => [u.userId, u]));
  let n = 0;
  for (const [applicationId, entrant] of applicationOf) {
    const experts = pairs.filter((p) => p.applicationId === applicationId).map((p) => p.userId);
    for (const [k, userId] of experts.sort().entries()) {
      const user = byUser.get(userId);
      if (!user) continue;
      clock.set(day(-600 + 10 * n++));
      const content = sheet(edition.rubric, entrant.levels[k % 2]!, entrant.ticks[k % 2]!, n, day(-610 + 10 * n));
      const caller = callerOf(user);
      const saved = await saveSheet(past, {
        caller,
        editionId: edition.editionId,
        applicationId,
        content,
        version: 0,
      });
      await submitSheet(past, { caller, editionId: edition.editionId, applicationId, version: saved.version });
    }
  }

  clock.set(day(-429));
  const reviewed = await getEdition(deps.store, edition.editionId, true);
  await changeEditionState(past, {
    caller: organizer,
    editionId: edition.editionId,
    to: 'deliberation',
    version: reviewed.version,
  });
  clock.set(day(-410));
  const distinguished = [...applicationOf].find(([, e]) => e.type === 'zus')?.[0];
  if (distinguished)
    await decideApplication(past, {
      caller: organizer,
      editionId: edition.editionId,
      applicationId: distinguished,
      outcome: 'distinction',
      reason:
        'Wyróżnienie Kapituły za program obsługi osób z niepełnosprawnościami (tłumacz PJM online, pętle indukcyjne).',
      version: 0,
    });
  clock.set(day(-402));
  const deliberation = await findDeliberation(deps.store, edition.editionId, true);
  const locked = await lockDecisions(past, {
    caller: organizer,
    editionId: edition.editionId,
    version: deliberation?.version ?? 0,
  });
  clock.set(day(-400));
  await publishResults(past, { caller: organizer, editionId: edition.editionId, version: locked.version });
  // The worker's part (own results, history, mails) runs on the local queue; wait for it.
  await deps.jobs.drain();
  const failed = deps.jobs.deadLetters.find((d) => d.job.type === 'results.published');
  if (failed) throw new Error(`Demo seed: the results job of VIII edycja failed: ${failed.error}`);
  return edition.editionId;
}
