import { describe, expect, it } from 'vitest';
import type { FeeTable } from '../../shared/editions/edition';
import type { HeadcountBracket } from '../../shared/institutions/institution';
import {
  defaultFeeTable,
  formatPln,
  headcountBracketOf,
  laureateFee,
  percentOf,
  VAT_PERCENT,
} from '../../shared/results/fees';

const table = defaultFeeTable();

describe('headcount brackets at every boundary', () => {
  const cases: [number, HeadcountBracket][] = [
    [0, '0-20'],
    [1, '0-20'],
    [20, '0-20'],
    [21, '21-40'],
    [40, '21-40'],
    [41, '41-100'],
    [100, '41-100'],
    [101, '101-150'],
    [150, '101-150'],
    [151, '151-200'],
    [200, '151-200'],
    [201, '201+'],
    [5000, '201+'],
  ];
  it.each(cases)('%i people → %s', (people, bracket) => {
    expect(headcountBracketOf(people)).toBe(bracket);
  });

  it.each([-1, 20.5, Number.NaN, Number.POSITIVE_INFINITY])('%s people is refused', (people) => {
    expect(() => headcountBracketOf(people)).toThrow(RangeError);
  });
});

describe('laureate fees (seed 003 table, grosze)', () => {
  // people, list net, discounted net; VAT 23 % and gross derived by hand.
  const cases: [
    number,
    number,
    boolean,
    { listNet: number; discount: number; net: number; vat: number; gross: number },
  ][] = [
    [20, 3500, false, { listNet: 350000, discount: 0, net: 350000, vat: 80500, gross: 430500 }],
    [20, 3500, true, { listNet: 350000, discount: 35000, net: 315000, vat: 72450, gross: 387450 }],
    [21, 4100, false, { listNet: 410000, discount: 0, net: 410000, vat: 94300, gross: 504300 }],
    [21, 4100, true, { listNet: 410000, discount: 41000, net: 369000, vat: 84870, gross: 453870 }],
    [40, 4100, false, { listNet: 410000, discount: 0, net: 410000, vat: 94300, gross: 504300 }],
    [40, 4100, true, { listNet: 410000, discount: 41000, net: 369000, vat: 84870, gross: 453870 }],
    [41, 4800, false, { listNet: 480000, discount: 0, net: 480000, vat: 110400, gross: 590400 }],
    [41, 4800, true, { listNet: 480000, discount: 48000, net: 432000, vat: 99360, gross: 531360 }],
    [100, 4800, false, { listNet: 480000, discount: 0, net: 480000, vat: 110400, gross: 590400 }],
    [100, 4800, true, { listNet: 480000, discount: 48000, net: 432000, vat: 99360, gross: 531360 }],
    [101, 5500, false, { listNet: 550000, discount: 0, net: 550000, vat: 126500, gross: 676500 }],
    [101, 5500, true, { listNet: 550000, discount: 55000, net: 495000, vat: 113850, gross: 608850 }],
    [150, 5500, false, { listNet: 550000, discount: 0, net: 550000, vat: 126500, gross: 676500 }],
    [150, 5500, true, { listNet: 550000, discount: 55000, net: 495000, vat: 113850, gross: 608850 }],
    [151, 5900, false, { listNet: 590000, discount: 0, net: 590000, vat: 135700, gross: 725700 }],
    [151, 5900, true, { listNet: 590000, discount: 59000, net: 531000, vat: 122130, gross: 653130 }],
    [200, 5900, false, { listNet: 590000, discount: 0, net: 590000, vat: 135700, gross: 725700 }],
    [200, 5900, true, { listNet: 590000, discount: 59000, net: 531000, vat: 122130, gross: 653130 }],
    [201, 6900, false, { listNet: 690000, discount: 0, net: 690000, vat: 158700, gross: 848700 }],
    [201, 6900, true, { listNet: 690000, discount: 69000, net: 621000, vat: 142830, gross: 763830 }],
  ];
  it.each(cases)('%i people (list %i PLN), returning laureate: %s', (people, pln, returning, expected) => {
    const bracket = headcountBracketOf(people);
    expect(table.byHeadcount[bracket]).toBe(pln);
    expect(laureateFee(table, bracket, returning)).toEqual({
      bracket,
      discountPercent: returning ? 10 : 0,
      ...expected,
    });
  });

  it('VAT and the discount are rounded half up to whole grosze', () => {
    const custom: FeeTable = {
      byHeadcount: { '0-20': 1234.57, '21-40': 3.5, '41-100': 0.5, '101-150': 1234.5, '151-200': 0, '201+': 10 },
      returningLaureateDiscountPercent: 10,
    };
    // 1234.57 PLN: VAT 28 395.11 → 28 395; with 10 % off: discount 12 345.7 → 12 346, net 111 111, VAT 25 555.53 → 25 556.
    expect(laureateFee(custom, '0-20', false)).toMatchObject({
      listNet: 123457,
      net: 123457,
      vat: 28395,
      gross: 151852,
    });
    expect(laureateFee(custom, '0-20', true)).toMatchObject({
      discount: 12346,
      net: 111111,
      vat: 25556,
      gross: 136667,
    });
    // 3.50 PLN: VAT 80.5 gr → 81 (half up, where banker's rounding would give 80); 10 % off: 35 gr, net 315, VAT 72.45 → 72.
    expect(laureateFee(custom, '21-40', false)).toMatchObject({ net: 350, vat: 81, gross: 431 });
    expect(laureateFee(custom, '21-40', true)).toMatchObject({ discount: 35, net: 315, vat: 72, gross: 387 });
    // 0.50 PLN: VAT 11.5 gr → 12; 10 % off is exactly 5 gr.
    expect(laureateFee(custom, '41-100', true)).toMatchObject({ discount: 5, net: 45, vat: 10, gross: 55 });
    expect(laureateFee(custom, '41-100', false)).toMatchObject({ net: 50, vat: 12, gross: 62 });
    expect(laureateFee(custom, '151-200', true)).toMatchObject({ net: 0, vat: 0, gross: 0 });
  });

  it('a fractional discount percent still rounds half up', () => {
    const custom: FeeTable = { ...table, returningLaureateDiscountPercent: 12.5 };
    // 350 000 × 12.5 % = 43 750 exactly; 410 000 × 12.5 % = 51 250.
    expect(laureateFee(custom, '0-20', true)).toMatchObject({ discount: 43750, net: 306250, vat: 70438 });
    expect(percentOf(1, 50)).toBe(1);
    expect(percentOf(3, 50)).toBe(2);
    expect(percentOf(1, 49.99)).toBe(0);
    expect(VAT_PERCENT).toBe(23);
  });

  it('every amount is a whole number of grosze and gross = net + vat, net = list − discount', () => {
    for (const bracket of Object.keys(table.byHeadcount) as HeadcountBracket[]) {
      for (const returning of [false, true]) {
        const fee = laureateFee(table, bracket, returning);
        for (const v of [fee.listNet, fee.discount, fee.net, fee.vat, fee.gross])
          expect(Number.isInteger(v)).toBe(true);
        expect(fee.gross).toBe(fee.net + fee.vat);
        expect(fee.net).toBe(fee.listNet - fee.discount);
      }
    }
  });
});

describe('formatPln', () => {
  const nbsp = '\u00a0';
  it.each([
    [410000, `4${nbsp}100,00${nbsp}zł`, 'PLN 4,100.00'],
    [453870, `4${nbsp}538,70${nbsp}zł`, 'PLN 4,538.70'],
    [5, `0,05${nbsp}zł`, 'PLN 0.05'],
    [99999, `999,99${nbsp}zł`, 'PLN 999.99'],
    [123456789, `1${nbsp}234${nbsp}567,89${nbsp}zł`, 'PLN 1,234,567.89'],
    [0, `0,00${nbsp}zł`, 'PLN 0.00'],
  ])('%i grosze → "%s" / "%s"', (grosze, pl, en) => {
    expect(formatPln(grosze, 'pl')).toBe(pl);
    expect(formatPln(grosze, 'en')).toBe(en);
  });

  it('refuses a fraction of a grosz', () => {
    expect(() => formatPln(1.5, 'pl')).toThrow(RangeError);
  });
});
