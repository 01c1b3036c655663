import type { ApplicationHeader } from '../applications/application';
import type { Edition } from '../editions/edition';
import { resultsSettingsOf, scoringSettingsOf } from '../editions/edition';
import { maxTotal } from '../editions/rubric';
import { type Disagreement, disagreementOf } from '../reviews/disagreement';
import { sheetTotal } from '../reviews/scoring';
import type { ScoreSheet } from '../reviews/sheet';
import {
  type Aggregation,
  type ApplicationScore,
  type Basis,
  aggregateApplication,
  areaPercents,
  median,
  type SheetScores,
} from './aggregate';
import { type CalibrationReport, calibrateSheets } from './calibrate';
import { type Category, categoriesOf, categoryOf, computedOutcome, type Outcome } from './outcome';
import { rank } from './rank';
import type { Decision } from './results';

/**
 * The deliberation table (issue 14 §1, §3): per application the raw and the calibrated result side
 * by side, the one the organizer chose deciding; ranked per category; the computed outcome and the
 * chapter's decision. Pure: the use cases read, this computes, so the organizer's view, the
 * publication and the benchmark compute the same thing.
 */
export interface ResultRow {
  applicationId: string;
  institutionId: string;
  name: string;
  nip: string;
  type: ApplicationHeader['institution']['type'];
  headcount: ApplicationHeader['institution']['headcount'];
  raw: ApplicationScore;
  calibrated: ApplicationScore;
  /** The deciding percent (raw or calibrated, as chosen). */
  percent: number;
  areaPercents: Record<string, number>;
  place: number;
  exAequo: boolean;
  computed: Outcome;
  decision: Decision | null;
  /** The decision when there is one, else the computed outcome. */
  outcome: Outcome;
  sheets: { expertId: string; total: number; percent: number }[];
  disagreement: Disagreement | null;
}

export interface CategoryTable {
  category: Category;
  rows: ResultRow[];
}

export interface ResultsTable {
  maxTotal: number;
  aggregation: Aggregation;
  basis: Basis;
  thresholdPercent: number;
  categories: CategoryTable[];
  experts: CalibrationReport[];
}

export interface ResultsTableInput {
  edition: Edition;
  aggregation: Aggregation;
  basis: Basis;
  /** The applications that take part (formally accepted). */
  applications: ApplicationHeader[];
  /** The submitted sheets that count (those of the committed assignment's pairs). */
  sheets: ScoreSheet[];
  decisions: Decision[];
}

const pct = (value: number, max: number) => (max > 0 ? Math.round((value / max) * 10_000) / 100 : 0);

export function resultsTable(input: ResultsTableInput): ResultsTable {
  const { edition } = input;
  const rubric = edition.rubric;
  const max = maxTotal(rubric);
  const settings = resultsSettingsOf(edition);
  const scoring = scoringSettingsOf(edition);
  const taking = new Set(input.applications.map((a) => a.applicationId));
  const sheets = input.sheets.filter((s) => s.status === 'submitted' && taking.has(s.applicationId));
  // Each sheet's total once (it walks the whole rubric): the shopper points here, the per-sheet column below.
  const totals = new Map(sheets.map((s) => [s, sheetTotal(rubric, s)]));
  const reduced: SheetScores[] = sheets.map((s) => ({
    applicationId: s.applicationId,
    expertId: s.expertId,
    scores: s.scores,
    shopper: totals.get(s)?.shopper ?? 0,
  }));
  const calibration = calibrateSheets(rubric, reduced);
  const group = <T extends { applicationId: string }>(list: readonly T[]) => {
    const by = new Map<string, T[]>();
    for (const item of list) by.set(item.applicationId, [...(by.get(item.applicationId) ?? []), item]);
    return by;
  };
  const rawOf = group(reduced);
  const calibratedOf = group(calibration.sheets);
  const sheetsOf = group(sheets);
  const decisions = new Map(input.decisions.map((d) => [d.applicationId, d]));

  const rows = input.applications.map((app) => {
    const raw = aggregateApplication(rubric, app.applicationId, rawOf.get(app.applicationId) ?? [], input.aggregation);
    const calibrated = aggregateApplication(
      rubric,
      app.applicationId,
      calibratedOf.get(app.applicationId) ?? [],
      input.aggregation,
    );
    const deciding = input.basis === 'calibrated' ? calibrated : raw;
    // By expert, so the table does not depend on the order the sheets were read in.
    const own = [...(sheetsOf.get(app.applicationId) ?? [])].sort((a, b) =>
      a.expertId < b.expertId ? -1 : a.expertId > b.expertId ? 1 : 0,
    );
    return {
      app,
      raw,
      calibrated,
      deciding,
      own,
      category: categoryOf(settings.categories, app.institution),
    };
  });

  const categories = categoriesOf(settings.categories).map((category) => {
    const inCategory = rows.filter((r) => r.category.code === category.code);
    const ranked = rank(
      inCategory.map((r) => ({
        applicationId: r.app.applicationId,
        name: r.app.institution.name,
        percent: r.deciding.percent,
      })),
    );
    const byId = new Map(inCategory.map((r) => [r.app.applicationId, r]));
    return {
      category,
      rows: ranked.map((place): ResultRow => {
        const r = byId.get(place.applicationId)!;
        // Without a single submitted sheet there is no result to award on.
        const computed =
          r.raw.sheets === 0 ? 'notAwarded' : computedOutcome(r.deciding.percent, edition.thresholdPercent);
        const decision = decisions.get(place.applicationId) ?? null;
        return {
          applicationId: r.app.applicationId,
          institutionId: r.app.institutionId,
          name: r.app.institution.name,
          nip: r.app.institution.nip,
          type: r.app.institution.type,
          headcount: r.app.institution.headcount,
          raw: r.raw,
          calibrated: r.calibrated,
          percent: r.deciding.percent,
          areaPercents: areaPercents(rubric, r.deciding),
          place: place.place,
          exAequo: place.exAequo,
          computed,
          decision,
          outcome: decision?.outcome ?? computed,
          sheets: r.own.map((s) => {
            const total = totals.get(s)?.total ?? 0;
            return { expertId: s.expertId, total, percent: pct(total, max) };
          }),
          disagreement: r.own.length >= 2 ? disagreementOf(rubric, r.own, scoring) : null,
        };
      }),
    };
  });

  return {
    maxTotal: max,
    aggregation: input.aggregation,
    basis: input.basis,
    thresholdPercent: edition.thresholdPercent,
    categories: categories.filter((c) => c.rows.length > 0 || settings.categories.by !== 'headcount'),
    experts: calibration.experts,
  };
}

/** The median of an area's percent over an edition's scored applications (the institution's benchmark). */
export function areaMedians(table: ResultsTable): Record<string, number> {
  const values = new Map<string, number[]>();
  for (const row of table.categories.flatMap((c) => c.rows)) {
    if (row.raw.sheets === 0) continue;
    for (const [code, value] of Object.entries(row.areaPercents))
      values.set(code, [...(values.get(code) ?? []), value]);
  }
  return Object.fromEntries(
    [...values].map(([code, list]) => {
      return [code, Math.round(median(list) * 100) / 100];
    }),
  );
}
