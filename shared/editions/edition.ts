import * as z from 'zod/mini';
import type { Principal } from '../access/principal';
import { headcountBrackets, institutionTypes, text } from '../institutions/institution';
import { formatWarsaw } from '../applications/application';
import { editionStates, type EditionState } from './edition-states';
import { instant } from './instant';
import { localized, type Message } from './localized';
import { criterionCount, emptyRubric, Rubric } from './rubric';
import { emptyQuestionnaire, Questionnaire, questionCount } from './questionnaire';
import { defaultScoringSettings, ScoringSettings } from './scoring-settings';
import { defaultResultsSettings, ResultsSettings, resultsSettingsProblems } from '../results/results-settings';
import { defaultFeeTable } from '../results/fees';

export { editionStates, type EditionState };

export { instant };

export const Timeline = z.object({
  applicationsOpen: instant,
  applicationsClose: instant,
  reviewStart: instant,
  reviewEnd: instant,
  resultsDate: instant,
});
export type Timeline = z.infer<typeof Timeline>;

const money = z.number().check(
  z.gte(0),
  z.lte(1_000_000),
  z.refine((v) => Math.round(v * 100) === v * 100, 'money'),
);

export const FeeTable = z.object({
  /** Net amount in PLN per headcount bracket. */
  byHeadcount: z.object(
    Object.fromEntries(headcountBrackets.map((b) => [b, money])) as Record<
      (typeof headcountBrackets)[number],
      typeof money
    >,
  ),
  /** Discount for a laureate of the previous edition, in percent (default 10). */
  returningLaureateDiscountPercent: z.number().check(z.gte(0), z.lte(100)),
});
export type FeeTable = z.infer<typeof FeeTable>;

/** Everything the organizer types about an edition except the rubric and the questionnaire. */
/** Who signs the certificates (issue 15): the chapter's chair and the organizer, in print order. */
export const CertificateSettings = z.object({
  signatories: z.array(z.object({ name: text(120), role: text(160) })).check(z.minLength(1), z.maxLength(3)),
});
export type CertificateSettings = z.infer<typeof CertificateSettings>;

export const EditionSettings = z.object({
  name: text(200),
  /** "X edycja" */
  number: text(40),
  year: z.number().check(z.int(), z.gte(2000), z.lte(2100)),
  description: z.optional(localized(4000)),
  timeline: Timeline,
  categories: z.array(z.enum(institutionTypes)).check(z.minLength(1)),
  thresholdPercent: z.number().check(z.gt(0), z.lte(100)),
  expertsPerApplication: z.number().check(z.int(), z.gte(1), z.lte(10)),
  certificateValidityMonths: z.number().check(z.int(), z.gte(1), z.lte(60)),
  fees: FeeTable,
  /** How the chapter scores (issue 13); absent on editions made before scoring: defaults apply. */
  scoring: z.optional(ScoringSettings),
  /** How results are ranked and published (issue 14); absent on older editions: defaults apply. */
  results: z.optional(ResultsSettings),
  /** Certificate signatories (issue 15); issuing certificates asks for them. */
  certificates: z.optional(CertificateSettings),
});
export type EditionSettings = z.infer<typeof EditionSettings>;

/**
 * An edition as stored: the settings, rubric and questionnaire (the same schemas the organizer's
 * input is checked with) in one versioned item. The store reads items back through it.
 */
export const Edition = z.extend(EditionSettings, {
  editionId: z.string(),
  state: z.enum(editionStates),
  rubric: Rubric,
  questionnaire: Questionnaire,
  /** Set when cloned. */
  clonedFrom: z.optional(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type Edition = z.infer<typeof Edition>;

/** The fee table of seed 003 (net PLN by headcount, 10 % off for the previous edition's laureates). */
export const defaultFees = (): FeeTable => defaultFeeTable();

export function newEdition(settings: EditionSettings, ids: { editionId: string; now: string }): Edition {
  return {
    ...settings,
    editionId: ids.editionId,
    state: 'draft',
    rubric: emptyRubric(),
    questionnaire: emptyQuestionnaire(),
    createdAt: ids.now,
    updatedAt: ids.now,
    version: 1,
  };
}

/** A clone: same settings, rubric and questionnaire, as a new draft (the organizer then moves the dates). */
export function cloneEdition(
  source: Edition,
  ids: { editionId: string; now: string },
  overrides: { name?: string; number?: string; year?: number } = {},
): Edition {
  const { editionId: _id, state: _s, createdAt: _c, updatedAt: _u, version: _v, clonedFrom: _f, ...copy } = source;
  return {
    ...structuredClone(copy),
    ...overrides,
    editionId: ids.editionId,
    state: 'draft',
    clonedFrom: source.editionId,
    createdAt: ids.now,
    updatedAt: ids.now,
    version: 1,
  };
}

/** Timeline order problems, keyed by field path. */
export function timelineProblems(t: Timeline): Record<string, Message> {
  const problems: Record<string, Message> = {};
  const order: [keyof Timeline, keyof Timeline, Message][] = [
    [
      'applicationsOpen',
      'applicationsClose',
      { pl: 'Nabór musi się zamknąć po otwarciu.', en: 'Applications must close after they open.' },
    ],
    [
      'applicationsClose',
      'reviewStart',
      {
        pl: 'Ocena zaczyna się nie wcześniej niż koniec naboru.',
        en: 'Review starts no earlier than applications close.',
      },
    ],
    [
      'reviewStart',
      'reviewEnd',
      { pl: 'Ocena musi się skończyć po rozpoczęciu.', en: 'Review must end after it starts.' },
    ],
    [
      'reviewEnd',
      'resultsDate',
      {
        pl: 'Wyniki ogłasza się nie wcześniej niż koniec oceny.',
        en: 'Results come no earlier than the end of review.',
      },
    ],
  ];
  for (const [earlier, later, message] of order) {
    const a = Date.parse(t[earlier]);
    const b = Date.parse(t[later]);
    const strict = earlier === 'applicationsOpen' || earlier === 'reviewStart';
    if (strict ? !(a < b) : !(a <= b)) problems[`timeline.${later}`] = message;
  }
  return problems;
}

/** Every problem of the settings zod cannot say: the timeline's order and the results' category rules. */
export function settingsProblems(settings: EditionSettings): Record<string, Message> {
  const results = settings.results ? resultsSettingsProblems(settings.results) : {};
  return {
    ...timelineProblems(settings.timeline),
    ...Object.fromEntries(Object.entries(results).map(([path, message]) => [`results.${path}`, message])),
  };
}

/** What may change in each state (the server refuses the rest with a message naming the state). */
export const editable = {
  settings: (s: EditionState) => s === 'draft' || s === 'open',
  /** The rubric is frozen once review starts. */
  rubric: (s: EditionState) => s === 'draft' || s === 'open',
  /** Institutions answer the questionnaire while open, so it is fixed when the edition opens. */
  questionnaire: (s: EditionState) => s === 'draft',
};

/** Drafts exist only for organizers: to anyone else a draft edition is not there at all (404, not 403). */
export const seesDrafts = (principal: Principal): boolean =>
  principal.kind === 'user' && principal.roles.includes('organizer');

/** The next state, or null from archived. */
export function nextState(s: EditionState): EditionState | null {
  const i = editionStates.indexOf(s);
  return editionStates[i + 1] ?? null;
}

/** Why the edition cannot move to `to` now (empty when it can). */
export function transitionProblems(edition: Edition, to: EditionState, now: Date): Message[] {
  if (nextState(edition.state) !== to) {
    return [
      {
        pl: `Edycja w stanie „${edition.state}” nie może przejść do „${to}”.`,
        en: `An edition in state "${edition.state}" cannot move to "${to}".`,
      },
    ];
  }
  if (to === 'published')
    return [
      {
        pl: 'Wyniki publikuje się w zakładce „Wyniki”, po zatwierdzeniu decyzji Kapituły.',
        en: 'Results are published from the "Results" tab, once the chapter’s decisions are locked.',
      },
    ];
  const problems: Message[] = [];
  if (to === 'open') {
    if (criterionCount(edition.rubric) === 0)
      problems.push({
        pl: 'Kryteria oceny są puste: dodaj co najmniej jedno kryterium.',
        en: 'The rubric is empty: add at least one criterion.',
      });
    if (questionCount(edition.questionnaire) === 0)
      problems.push({
        pl: 'Kwestionariusz jest pusty: dodaj co najmniej jedno pytanie.',
        en: 'The questionnaire is empty: add at least one question.',
      });
    if (Object.keys(timelineProblems(edition.timeline)).length > 0)
      problems.push({ pl: 'Harmonogram jest niespójny.', en: 'The timeline is inconsistent.' });
    if (Date.parse(edition.timeline.applicationsClose) <= now.getTime())
      problems.push({
        pl: 'Termin naboru już minął: przesuń go przed otwarciem.',
        en: 'The application deadline has passed: move it before opening.',
      });
  }
  if (to === 'review' && now.getTime() < Date.parse(edition.timeline.applicationsClose)) {
    // Why and what to do (issue 16 §6): wait for the deadline, or bring the deadline forward first.
    const close = formatWarsaw(edition.timeline.applicationsClose);
    problems.push({
      pl: `Ocenę można rozpocząć dopiero po zamknięciu naboru (${close.pl}); do tego czasu instytucje mogą składać zgłoszenia. Proszę wrócić po tym terminie albo — jeśli nabór ma się skończyć wcześniej — najpierw zmienić termin zamknięcia naboru w zakładce „Ustawienia”.`,
      en: `Review can start only after applications close (${close.en}); until then institutions may still submit. Come back after that time or, if applications should close earlier, first change the closing date in the "Settings" tab.`,
    });
  }
  return problems;
}

/** The edition's scoring rules, with the defaults filled in. */
export const scoringSettingsOf = (edition: Pick<EditionSettings, 'scoring'>): ScoringSettings => ({
  ...defaultScoringSettings(),
  ...edition.scoring,
});

export const resultsSettingsOf = (edition: Pick<EditionSettings, 'results'>): ResultsSettings => ({
  ...defaultResultsSettings(),
  ...edition.results,
});
