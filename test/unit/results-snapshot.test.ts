import { describe, expect, it } from 'vitest';
import { sampleRubric } from '../../shared/editions/sample-edition';
import {
  addMonths,
  canonicalJson,
  groupedHash,
  ResultsSnapshot,
  rubricHash,
  sha256Hex,
  shortHash,
  snapshotFormat,
  snapshotHash,
} from '../../shared/results/snapshot';

const snapshot = (): ResultsSnapshot => ({
  format: snapshotFormat,
  edition: { editionId: 'ed-9', name: 'Przyjazny Urząd', number: 'IX edycja', year: 2025 },
  version: 2,
  previous: { version: 1, sha256: 'b'.repeat(64), reason: 'Błąd w nazwie laureata.' },
  publishedAt: '2025-12-01T10:00:00.000Z',
  validUntil: '2026-12-01T10:00:00.000Z',
  rubricVersion: rubricHash(sampleRubric()),
  thresholdPercent: 75,
  basis: 'calibrated',
  aggregation: 'median',
  categories: [
    {
      code: 'all',
      name: { pl: 'Wszystkie instytucje', en: 'All institutions' },
      laureates: [
        {
          institutionId: 'i1',
          name: 'Urząd Miasta Łodzi',
          town: 'Łódź',
          type: 'municipal_office',
          place: 1,
          exAequo: false,
          percent: 91.5,
          movement: 3,
        },
        {
          institutionId: 'i2',
          name: 'Starostwo w Żyrardowie',
          town: 'Żyrardów',
          type: 'county_office',
          movement: null,
        },
      ],
      distinctions: [
        {
          institutionId: 'i3',
          name: 'MOPS Gdańsk',
          town: 'Gdańsk',
          type: 'social_welfare_centre',
          reason: 'Dostępność.',
        },
      ],
    },
  ],
});

describe('the published snapshot', () => {
  it('parses with its schema; an unknown format does not', () => {
    expect(ResultsSnapshot.safeParse(snapshot()).success).toBe(true);
    expect(ResultsSnapshot.safeParse({ ...snapshot(), format: 'przyjazny-urzad/results@0' }).success).toBe(false);
  });

  it('canonical JSON (RFC 8785): sorted keys, no whitespace, so key order does not change the hash', () => {
    expect(canonicalJson({ b: 1, a: [true, 'ł'], c: { z: null, y: 1.5 } })).toBe(
      '{"a":[true,"ł"],"b":1,"c":{"y":1.5,"z":null}}',
    );
    const s = snapshot();
    const reordered = Object.fromEntries(Object.entries(s).reverse()) as ResultsSnapshot;
    expect(snapshotHash(reordered)).toBe(snapshotHash(s));
    expect(snapshotHash(s)).toMatch(/^[0-9a-f]{64}$/);
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });

  it('any change of content changes the hash', () => {
    const altered = snapshot();
    const first = altered.categories[0]?.laureates[0];
    if (!first) throw new Error('fixture has a laureate');
    first.town = 'Lodz';
    expect(snapshotHash(altered)).not.toBe(snapshotHash(snapshot()));
  });

  it('sha256Hex is SHA-256 of UTF-8 (a known vector)', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('rubricHash changes with a weight; shortHash and groupedHash for people', () => {
    const r = sampleRubric();
    const changed = sampleRubric();
    const c = changed.areas[0]?.criteria[0];
    if (!c) throw new Error('sample rubric has criteria');
    c.weight = 2;
    expect(rubricHash(changed)).not.toBe(rubricHash(r));
    expect(rubricHash(sampleRubric())).toBe(rubricHash(r));
    const hex = sha256Hex('abc');
    expect(shortHash(hex)).toBe('ba7816bf8f01');
    expect(groupedHash(shortHash(hex))).toBe('ba78 16bf 8f01');
    expect(groupedHash(hex).split(' ')).toHaveLength(16);
  });
});

describe('addMonths (validity of the mark)', () => {
  it.each([
    ['2026-01-31T10:00:00.000Z', 1, '2026-02-28T10:00:00.000Z'],
    ['2028-01-31T10:00:00.000Z', 1, '2028-02-29T10:00:00.000Z'], // leap year
    ['2028-02-29T12:00:00.000Z', 12, '2029-02-28T12:00:00.000Z'],
    ['2000-02-29T00:00:00Z', 12, '2001-02-28T00:00:00Z'],
    ['2100-01-31T00:00:00Z', 1, '2100-02-28T00:00:00Z'], // 2100 is not a leap year
    ['2025-12-01T10:00:00.000Z', 12, '2026-12-01T10:00:00.000Z'],
    ['2025-11-30T23:30:00+01:00', 3, '2026-02-28T23:30:00+01:00'], // the offset's frame is kept
    ['2025-03-31T09:00:00Z', 1, '2025-04-30T09:00:00Z'],
    ['2025-05-15T09:00:00Z', -5, '2024-12-15T09:00:00Z'],
    ['2025-05-15T09:00:00Z', 0, '2025-05-15T09:00:00Z'],
  ])('%s + %i months → %s', (iso, months, expected) => {
    expect(addMonths(iso, months)).toBe(expected);
  });

  it('refuses a non-instant or a fractional count', () => {
    expect(() => addMonths('31.01.2026', 1)).toThrow(RangeError);
    expect(() => addMonths('2026-02-30T00:00:00Z', 1)).toThrow(RangeError);
    expect(() => addMonths('2026-01-31T00:00:00Z', 1.5)).toThrow(RangeError);
  });
});
