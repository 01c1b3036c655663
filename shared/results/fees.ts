import type { FeeTable } from '../editions/edition';
import type { HeadcountBracket } from '../institutions/institution';

/**
 * Laureate fees (issue 14, seed 003): only laureates pay, once, by declared headcount; a laureate of
 * the previous edition (same NIP) gets the table's discount; VAT 23 % on the net. All money here is
 * in grosze (integers); the edition's FeeTable stores PLN with 2 decimals. Pure.
 */
export const defaultFeeTable = (): FeeTable => ({
  byHeadcount: { '0-20': 3500, '21-40': 4100, '41-100': 4800, '101-150': 5500, '151-200': 5900, '201+': 6900 },
  returningLaureateDiscountPercent: 10,
});

/** 0–20 → '0-20', 21 → '21-40', … 201 → '201+'. Throws on a negative or non-integer count. */
export function headcountBracketOf(people: number): HeadcountBracket {
  if (!Number.isInteger(people) || people < 0) throw new RangeError(`headcount must be a whole number ≥ 0: ${people}`);
  if (people <= 20) return '0-20';
  if (people <= 40) return '21-40';
  if (people <= 100) return '41-100';
  if (people <= 150) return '101-150';
  if (people <= 200) return '151-200';
  return '201+';
}

export const VAT_PERCENT = 23;

/** PLN with at most 2 decimals → grosze. */
export const toGrosze = (pln: number) => Math.round(pln * 100);

/** round-half-up(amount × percent / 100) for a non-negative amount in grosze; exact in integers when percent has ≤ 4 decimals. */
export function percentOf(amount: number, percent: number): number {
  const scaledPercent = Math.round(percent * 10_000);
  if (Math.abs(scaledPercent - percent * 10_000) < 1e-6) {
    // amount × scaledPercent / 1 000 000, half up, in integers (safe below 2^53 for any fee here).
    const numerator = amount * scaledPercent;
    return Math.floor((numerator + 500_000) / 1_000_000);
  }
  return Math.floor((amount * percent) / 100 + 0.5);
}

/** A laureate's fee, every amount in grosze. */
export interface Fee {
  bracket: HeadcountBracket;
  listNet: number;
  discountPercent: number;
  discount: number;
  net: number;
  vat: number;
  gross: number;
}

/** discount = round-half-up(listNet × percent / 100) when returning; vat = round-half-up(net × 23 / 100); gross = net + vat. */
export function laureateFee(table: FeeTable, bracket: HeadcountBracket, returningLaureate: boolean): Fee {
  const listNet = toGrosze(table.byHeadcount[bracket]);
  const discountPercent = returningLaureate ? table.returningLaureateDiscountPercent : 0;
  const discount = percentOf(listNet, discountPercent);
  const net = listNet - discount;
  const vat = percentOf(net, VAT_PERCENT);
  return { bracket, listNet, discountPercent, discount, net, vat, gross: net + vat };
}

const NBSP = '\u00a0';

function grouped(n: number, separator: string): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/**
 * "4 100,00 zł" (pl: non-breaking spaces between thousands and before "zł", so an amount never
 * breaks across lines; thousands grouped from 1 000 on, unlike Intl's Polish default) / "PLN 4,100.00" (en).
 * Not via Intl, so the text is the same on every runtime. Throws on a non-integer.
 */
export function formatPln(grosze: number, lang: 'pl' | 'en'): string {
  if (!Number.isSafeInteger(grosze)) throw new RangeError(`grosze must be an integer: ${grosze}`);
  const sign = grosze < 0 ? '-' : '';
  const abs = Math.abs(grosze);
  const whole = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return lang === 'pl'
    ? `${sign}${grouped(whole, NBSP)},${cents}${NBSP}zł`
    : `${sign}PLN ${grouped(whole, ',')}.${cents}`;
}
