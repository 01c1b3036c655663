import type { Caller } from '../../shared/access/caller';
import type { User } from '../../shared/accounts/user';
import type { Deps } from '../../shared/deps';
import type { Institution, InstitutionType } from '../../shared/institutions/institution';
import { newInstitutionItems } from '../../shared/institutions/institution-store';
import { openMeasurement } from '../../shared/measurement/open-measurement';
import { publishMeasurement } from '../../shared/measurement/publish-measurement';
import { setMeasurementParticipation } from '../../shared/measurement/set-measurement-participation';
import { createSurvey } from '../../shared/surveys/create-survey';
import type { ScaleValue, StoredAnswer } from '../../shared/surveys/survey';
import { warsawDate } from '../../shared/surveys/survey';
import { recordAnswer } from '../../shared/surveys/survey-store';
import { callerOf } from './demo-scoring';

/** A small deterministic generator, so every fresh demo shows the same ranking. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A NIP with its check digit (weights 6 5 7 2 3 4 5 6 7), from a 9-digit stem whose check is not 10. */
function nipFrom(stem: number): string | null {
  const digits = String(stem).padStart(9, '0');
  const sum = [6, 5, 7, 2, 3, 4, 5, 6, 7].reduce((s, w, i) => s + w * Number(digits[i]), 0);
  return sum % 11 === 10 ? null : `${digits}${sum % 11}`;
}
function regonFrom(stem: number): string {
  const digits = String(stem).padStart(8, '0');
  const sum = [8, 9, 2, 3, 4, 5, 6, 7].reduce((s, w, i) => s + w * Number(digits[i]), 0);
  return `${digits}${sum % 11 === 10 ? 0 : sum % 11}`;
}

/** The other offices of the demo ranking: a quality for last year and this year (the share rated 4–5, roughly). */
const offices: { name: string; type: InstitutionType; city: string; quality: [number, number] }[] = [
  { name: 'Urząd Gminy Zielona Dolina', type: 'municipal_office', city: 'Zielona Dolina', quality: [0.92, 0.8] },
  { name: 'Urząd Miasta Nadrzecze', type: 'municipal_office', city: 'Nadrzecze', quality: [0.75, 0.9] },
  { name: 'Urząd Gminy Stary Młyn', type: 'municipal_office', city: 'Stary Młyn', quality: [0.85, 0.86] },
  { name: 'Starostwo Powiatowe w Borkach', type: 'county_office', city: 'Borki', quality: [0.7, 0.82] },
  { name: 'Starostwo Powiatowe w Jeziornej', type: 'county_office', city: 'Jeziorna', quality: [0.84, 0.76] },
];

/** `count` answers in `year`'s months up to `lastMonth` (1–12), rated 4–5 with probability about `quality`. */
function answersOf(year: number, lastMonth: number, count: number, quality: number, seed: number): StoredAnswer[] {
  const random = mulberry32(seed);
  const rate = (): ScaleValue => {
    const r = random();
    if (r < quality) return random() < 0.6 ? 5 : 4;
    return r < quality + (1 - quality) / 2 ? 3 : random() < 0.5 ? 2 : 1;
  };
  return Array.from({ length: count }, (_, i) => {
    const month = String(1 + Math.floor(random() * lastMonth)).padStart(2, '0');
    const day = `${year}-${month}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    return {
      answerId: `${day.replaceAll('-', '')}${String(seed * 1000 + i).padStart(20, '0')}`,
      ratings: { waiting: rate(), usefulness: rate(), engagement: rate() },
      own: {},
      month: day.slice(0, 7),
      answeredOn: day,
    };
  });
}

/** The other offices' staff as the audit names them (no accounts: the demo logs in as none of them). */
const staffOf = (userId: string, institution: Institution): Caller => ({
  principal: {
    kind: 'user',
    userId,
    roles: ['institution'],
    institutionId: institution.institutionId,
    active: true,
    email: institution.contactPerson.email,
  },
  ip: '127.0.0.1',
  userAgent: 'demo seed',
});

async function record(deps: Pick<Deps, 'store'>, surveyId: string, answers: StoredAnswer[]) {
  for (let i = 0; i < answers.length; i += 20)
    await Promise.all(answers.slice(i, i + 20).map((a) => recordAnswer(deps.store, surveyId, a)));
}

/**
 * The standard measurement's demo (issue 18 §4): five more offices with a survey answered over last year
 * and this year; last year's measurement and this year's both opened, joined by them and by the demo
 * office (whose survey has answers this year only: new in this year's ranking) and published, so the
 * public ranking `/badanie-satysfakcji/<year>` shows ranks, intervals and movement at once.
 */
export async function seedDemoMeasurement(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  people: { organizer: User; member: User & { institutionId: string } },
): Promise<{ years: [number, number] }> {
  const now = deps.clock.now();
  const year = Number(warsawDate(now).slice(0, 4));
  const lastMonth = Number(warsawDate(now).slice(5, 7));
  const previous = year - 1;
  const members: { institutionId: string; caller: Caller }[] = [
    { institutionId: people.member.institutionId, caller: callerOf(people.member) },
  ];
  let stem = 520_000_100;
  for (const [i, office] of offices.entries()) {
    let nip = nipFrom(stem++);
    while (!nip) nip = nipFrom(stem++);
    const at = now.toISOString();
    const institution: Institution = {
      institutionId: deps.ids.newId(),
      name: office.name,
      type: office.type,
      nip,
      regon: regonFrom(52_000_100 + i),
      address: {
        street: 'ul. Rynek 1',
        postalCode: '00-001',
        city: office.city,
        commune: office.city,
        county: 'demowski',
        voivodeship: 'mazowieckie',
      },
      headcount: '41-100',
      contactPerson: { name: 'Sekretariat', email: `urzad${i + 1}@demo.przyjazny-urzad.pl`, phone: '+48 22 000 00 00' },
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    await deps.store.transact(newInstitutionItems(institution));
    members.push({ institutionId: institution.institutionId, caller: staffOf(deps.ids.newId(), institution) });
    const survey = await createSurvey(deps, {
      caller: staffOf(deps.ids.newId(), institution),
      institutionId: institution.institutionId,
      draft: {
        title: { pl: 'Ankieta po wizycie' },
        opensOn: `${previous}-01-01`,
        closesOn: `${year}-12-31`,
        ownQuestions: [],
      },
    });
    await record(deps, survey.surveyId, [
      ...answersOf(previous, 12, 60, office.quality[0], 100 + i),
      ...answersOf(year, lastMonth, 60, office.quality[1], 200 + i),
    ]);
  }
  const organizer = callerOf(people.organizer);
  for (const y of [previous, year]) {
    await openMeasurement(deps, { caller: organizer, year: y });
    for (const member of members)
      await setMeasurementParticipation(deps, {
        caller: member.caller,
        institutionId: member.institutionId,
        year: y,
        participating: true,
      });
    await publishMeasurement(deps, { caller: organizer, year: y });
  }
  return { years: [previous, year] };
}
