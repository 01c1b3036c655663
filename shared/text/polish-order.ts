/**
 * Polish alphabetical order without ICU on the request path. `localeCompare(b, 'pl')` is right but its
 * first call in a process initialises ICU's collator — about 9 ms of a Lambda cold start, paid by every
 * list that sorts names (docs/performance.md). Names of offices and people are almost always written with
 * the characters below, whose order under `Intl.Collator('pl')` is fixed (test/unit/polish-order.test.ts
 * checks this table against ICU and the comparison against the collator on generated names): compare
 * letters case-blind first, then the first difference of case (lower case first), as ICU does. A string
 * with any other character (é, ü, a symbol…) goes to the collator itself, created on first need.
 */
// Quotation marks are left out on purpose: ICU gives " ” „ one letter weight and orders them by a later level.
const ORDER = ` -,.'()/&0123456789aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż`;
const LOWER = ORDER.slice(ORDER.indexOf('a'));
const rank = new Map<string, number>();
for (const [i, ch] of [...ORDER].entries()) rank.set(ch, i);
for (const ch of LOWER) rank.set(ch.toUpperCase(), rank.get(ch) ?? 0);

let collator: Intl.Collator | undefined;
const viaCollator = (a: string, b: string) => {
  collator ??= new Intl.Collator('pl');
  return collator.compare(a, b);
};

/** Negative, zero or positive as `a` sorts before, with or after `b` in Polish order (`Intl.Collator('pl')`). */
export function comparePolish(a: string, b: string): number {
  let caseOrder = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x === y) continue;
    const rx = rank.get(x);
    const ry = rank.get(y);
    if (rx === undefined || ry === undefined) return viaCollator(a, b);
    if (rx !== ry) return known(a, i) && known(b, i) ? rx - ry : viaCollator(a, b);
    if (caseOrder === 0) caseOrder = x === x.toLowerCase() ? -1 : 1; // same letter, other case
  }
  if (!known(a, n) || !known(b, n)) return viaCollator(a, b);
  return a.length - b.length || caseOrder;
}

/** Whether every character of `s` from `from` on is in the table (so the fast comparison is ICU's). */
function known(s: string, from: number): boolean {
  for (let i = from; i < s.length; i++) if (!rank.has(s[i] as string)) return false;
  return true;
}

/** Plain code-unit order, for identifiers, ISO dates and months — no collation wanted. */
export const compareCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
