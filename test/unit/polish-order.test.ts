import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodeUnits, comparePolish } from '../../shared/text/polish-order';

const icu = new Intl.Collator('pl');
const sign = (n: number) => Math.sign(n);
const polishLetters = 'aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż';
const known = ` -,.'()/&0123456789${polishLetters}${polishLetters.toUpperCase()}`;
/** Short names over an alphabet, so shared prefixes, ties and case differences occur often. */
const name = (alphabet: string) => fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }).map((cs) => cs.join(''));

describe('comparePolish: the order of Intl.Collator("pl") without initialising ICU', () => {
  it('agrees with the collator on names written with the known characters', () => {
    fc.assert(
      fc.property(name(known), name(known), (a, b) => {
        expect(sign(comparePolish(a, b))).toBe(sign(icu.compare(a, b)));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees on near-equal names (case, diacritics, prefixes and punctuation at the same place)', () => {
    const small = 'aAąĄeEęĘ -."„zZźŹżŻ1';
    fc.assert(
      fc.property(name(small), name(small), (a, b) => {
        expect(sign(comparePolish(a, b))).toBe(sign(icu.compare(a, b)));
      }),
      { numRuns: 5000 },
    );
  });

  it('falls back to the collator for other characters, so the order stays right', () => {
    fc.assert(
      fc.property(name(`${known}éüÉß€@"”„`), name(`${known}éüÉß€@"”„`), (a, b) => {
        expect(sign(comparePolish(a, b))).toBe(sign(icu.compare(a, b)));
      }),
      { numRuns: 3000 },
    );
  });

  it('sorts real office names as residents expect', () => {
    const names = [
      'Urząd Skarbowy w Żywcu',
      'Urząd Miasta Łodzi',
      'Urząd Gminy Zator',
      'urząd Gminy Ostrów',
      'Ośrodek Pomocy Społecznej',
      'Urząd Miasta Bielsko-Biała',
      'Powiatowy Urząd Pracy w Ełku',
      'Urząd Miejski w Ćmielowie',
      'Urząd Gminy Źródła',
    ];
    expect([...names].sort(comparePolish)).toEqual([
      'Ośrodek Pomocy Społecznej',
      'Powiatowy Urząd Pracy w Ełku',
      'urząd Gminy Ostrów',
      'Urząd Gminy Zator',
      'Urząd Gminy Źródła',
      'Urząd Miasta Bielsko-Biała',
      'Urząd Miasta Łodzi',
      'Urząd Miejski w Ćmielowie',
      'Urząd Skarbowy w Żywcu',
    ]);
    expect([...names].sort(comparePolish)).toEqual([...names].sort(icu.compare));
  });
});

describe('compareCodeUnits', () => {
  it('is the plain order of identifiers and ISO dates', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(sign(compareCodeUnits(a, b))).toBe(a < b ? -1 : a > b ? 1 : 0);
        expect(sign(compareCodeUnits(a, b)) + sign(compareCodeUnits(b, a))).toBe(0);
      }),
    );
    expect(['2026-12-01T10:00:00.000Z', '2026-02-01T10:00:00.000Z'].sort(compareCodeUnits)[0]).toBe(
      '2026-02-01T10:00:00.000Z',
    );
  });
});
