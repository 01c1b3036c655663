import type { Edition } from '../editions/edition';
import type { Decision } from './results';
import { rank } from './rank';
import type { ResultsTable, ResultRow } from './results-table';
import { addMonths, type ResultsSnapshot, rubricHash, type SnapshotEntry, snapshotFormat } from './snapshot';
import { movement } from './movement';
import { resultsSettingsOf } from '../editions/edition';
import { compareCodeUnits, comparePolish } from '../text/polish-order';

export interface SnapshotInput {
  edition: Edition;
  table: ResultsTable;
  version: number;
  publishedAt: string;
  /** Institution id → town (address city), for laureates and distinctions. */
  towns: Map<string, string>;
  /** Institution id → its place at its previous participation (absent: first time). */
  previousPlaces: Map<string, number>;
  previous?: ResultsSnapshot['previous'];
}

/**
 * The public record of an edition's results (issue 14 §4): laureates and distinctions per category —
 * never anyone else. Laureates are placed among laureates (a public place says nothing about those who
 * were not awarded); the movement compares the institution's place among all applications of its
 * category with its previous participation. Scores only when the edition says so.
 */
export function buildSnapshot(input: SnapshotInput): ResultsSnapshot {
  const { edition, table } = input;
  const publishScores = resultsSettingsOf(edition).publishScores;
  const entry = (row: ResultRow, extra: Partial<SnapshotEntry>): SnapshotEntry => ({
    institutionId: row.institutionId,
    name: row.name,
    town: input.towns.get(row.institutionId) ?? '',
    type: row.type,
    ...(publishScores ? { percent: row.percent } : {}),
    ...extra,
  });
  const reasonOf = (d: Decision | null) => d?.reason ?? '';
  return {
    format: snapshotFormat,
    edition: { editionId: edition.editionId, name: edition.name, number: edition.number, year: edition.year },
    version: input.version,
    ...(input.previous ? { previous: input.previous } : {}),
    publishedAt: input.publishedAt,
    validUntil: addMonths(input.publishedAt, edition.certificateValidityMonths),
    rubricVersion: rubricHash(edition.rubric),
    thresholdPercent: table.thresholdPercent,
    basis: table.basis,
    aggregation: table.aggregation,
    categories: table.categories.map(({ category, rows }) => {
      const laureates = rows.filter((r) => r.outcome === 'laureate');
      const byId = new Map(laureates.map((r) => [r.applicationId, r]));
      const placed = rank(laureates.map((r) => ({ applicationId: r.applicationId, name: r.name, percent: r.percent })));
      return {
        code: category.code,
        name: category.name,
        laureates: placed.map((p) => {
          const row = byId.get(p.applicationId)!;
          return entry(row, {
            place: p.place,
            exAequo: p.exAequo,
            movement: movement(input.previousPlaces.get(row.institutionId), row.place),
          });
        }),
        distinctions: rows
          .filter((r) => r.outcome === 'distinction')
          .sort((a, b) => comparePolish(a.name, b.name) || compareCodeUnits(a.applicationId, b.applicationId))
          .map((r) => entry(r, { reason: reasonOf(r.decision) })),
      };
    }),
  };
}
