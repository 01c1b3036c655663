import { describe, expect, it } from 'vitest';
import { buildSnapshot, type SnapshotInput } from '../../shared/results/build-snapshot';
import { resultsTable } from '../../shared/results/results-table';
import { canonicalJson, type ResultsSnapshot, snapshotHash } from '../../shared/results/snapshot';
import { application, decision, edition, NOW, sheet, tableInput } from '../support/results-fixtures';

/**
 * buildSnapshot (issue 14 §4): the public record holds laureates and distinctions only, places among
 * laureates, scores only when the edition publishes them; its hash (RFC 8785 + SHA-256) moves with any
 * laureate field and not with the order of object keys.
 */
const apps = [
  application('top', 'Urząd Odrzucony Mimo Wyniku'),
  application('l1', 'Urząd Miasta Gdyni'),
  application('l2', 'Urząd Gminy Kościerzyna'),
  application('dist', 'Urząd Wyróżniony'),
  application('low', 'Urząd Poniżej Progu'),
];
// Percents: top 95, l1 90, l2 80, dist 50, low 40.
const sheets = [
  sheet('top', 'x', 10, 9),
  sheet('l1', 'x', 9),
  sheet('l2', 'x', 8),
  sheet('dist', 'x', 5),
  sheet('low', 'x', 4),
];
const decisions = [
  decision('top', 'notAwarded', 'Kapituła: dokumenty nie potwierdzają standardów.'),
  decision('dist', 'distinction', 'Wzorowa obsługa osób głuchych.'),
];

function snapshotOf(options: { publishScores?: boolean; previousPlaces?: [string, number][] } = {}): ResultsSnapshot {
  const e = edition({ results: { publishScores: options.publishScores ?? false } });
  const input: SnapshotInput = {
    edition: e,
    table: resultsTable(tableInput(e, apps, sheets, decisions)),
    version: 1,
    publishedAt: NOW,
    towns: new Map([
      ['I-l1', 'Gdynia'],
      ['I-l2', 'Kościerzyna'],
      ['I-dist', 'Sopot'],
    ]),
    previousPlaces: new Map(options.previousPlaces ?? []),
  };
  return buildSnapshot(input);
}

const laureatesOf = (s: ResultsSnapshot) => s.categories.flatMap((c) => c.laureates);
const distinctionsOf = (s: ResultsSnapshot) => s.categories.flatMap((c) => c.distinctions);

describe('buildSnapshot: who is in the public record', () => {
  it('only laureates and distinctions; an overridden and a below-threshold application nowhere', () => {
    const s = snapshotOf();
    expect(laureatesOf(s).map((l) => l.institutionId)).toEqual(['I-l1', 'I-l2']);
    expect(distinctionsOf(s).map((d) => d.institutionId)).toEqual(['I-dist']);
    const json = canonicalJson(s);
    for (const hidden of ['top', 'low']) {
      const app = apps.find((a) => a.applicationId === hidden)!;
      expect(json).not.toContain(app.institution.name);
      expect(json).not.toContain(app.institutionId);
    }
    // Application ids are not published at all (only institutions).
    expect(json).not.toMatch(/"applicationId"/);
  });

  it('laureates are placed among laureates: an overridden first place does not push the first laureate to 2', () => {
    const s = snapshotOf();
    expect(laureatesOf(s).map((l) => ({ name: l.name, town: l.town, place: l.place, exAequo: l.exAequo }))).toEqual([
      { name: 'Urząd Miasta Gdyni', town: 'Gdynia', place: 1, exAequo: false },
      { name: 'Urząd Gminy Kościerzyna', town: 'Kościerzyna', place: 2, exAequo: false },
    ]);
  });

  it('a distinction carries the chapter’s reason and no place', () => {
    const [d] = distinctionsOf(snapshotOf());
    expect(d).toMatchObject({ name: 'Urząd Wyróżniony', town: 'Sopot', reason: 'Wzorowa obsługa osób głuchych.' });
    expect(d!.place).toBeUndefined();
  });

  it('percent only when the edition publishes scores', () => {
    const hidden = snapshotOf({ publishScores: false });
    expect([...laureatesOf(hidden), ...distinctionsOf(hidden)].every((e) => !('percent' in e))).toBe(true);
    const shown = snapshotOf({ publishScores: true });
    expect(laureatesOf(shown).map((l) => l.percent)).toEqual([90, 80]);
    expect(distinctionsOf(shown).map((d) => d.percent)).toEqual([50]);
  });

  it('movement compares the previous place with the place in the category; null the first time', () => {
    // In the table l1 is 2nd (behind the overridden one), l2 3rd.
    const s = snapshotOf({ previousPlaces: [['I-l1', 5]] });
    expect(laureatesOf(s).map((l) => l.movement)).toEqual([3, null]);
    const down = snapshotOf({ previousPlaces: [['I-l2', 1]] });
    expect(laureatesOf(down).map((l) => l.movement)).toEqual([null, -2]);
  });

  it('the record names the edition, the threshold, the method and a validity 12 months on', () => {
    const s = snapshotOf();
    expect(s).toMatchObject({
      format: 'przyjazny-urzad/results@1',
      version: 1,
      publishedAt: NOW,
      validUntil: '2027-06-15T10:00:00.000Z',
      thresholdPercent: 75,
      basis: 'raw',
      aggregation: 'mean',
    });
    expect(s.previous).toBeUndefined();
    expect(s.rubricVersion).toMatch(/^[0-9a-f]{64}$/);
  });
});

/** The value with every object's keys in reverse order, recursively (the same JSON value). */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversedKeys(v)]),
    );
  return value;
}

describe('snapshotHash (RFC 8785, SHA-256)', () => {
  it('does not change when object keys are reordered', () => {
    const s = snapshotOf({ publishScores: true, previousPlaces: [['I-l1', 4]] });
    const reordered = reversedKeys(s) as ResultsSnapshot;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(s));
    expect(canonicalJson(reordered)).toBe(canonicalJson(s));
    expect(snapshotHash(reordered)).toBe(snapshotHash(s));
  });

  it('changes when any field of a laureate changes', () => {
    const s = snapshotOf({ publishScores: true, previousPlaces: [['I-l1', 4]] });
    const original = snapshotHash(s);
    const laureate = s.categories[0]!.laureates[0]!;
    const changes: Record<string, unknown>[] = [
      { institutionId: 'I-other' },
      { name: `${laureate.name} ` },
      { town: 'Gdańsk' },
      { type: 'county_office' },
      { place: 2 },
      { exAequo: true },
      { percent: 89.99 },
      { movement: 1 },
      { movement: null },
      { reason: 'dopisany' },
    ];
    const keysChanged = new Set<string>();
    for (const change of changes) {
      const copy = structuredClone(s);
      Object.assign(copy.categories[0]!.laureates[0]!, change);
      expect(snapshotHash(copy), JSON.stringify(change)).not.toBe(original);
      for (const k of Object.keys(change)) keysChanged.add(k);
    }
    // Every field a laureate has is among those changed above.
    for (const k of Object.keys(laureate)) expect(keysChanged, k).toContain(k);
    // Removing or adding a laureate changes it too.
    const fewer = structuredClone(s);
    fewer.categories[0]!.laureates.pop();
    expect(snapshotHash(fewer)).not.toBe(original);
  });
});
