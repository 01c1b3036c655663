/**
 * REGON: 9 digits (weights 8 9 2 3 4 5 6 7) or 14 digits (weights 2 4 8 5 0 9 7 3 6 1 2 4 8); the last
 * digit is Σ(dᵢ·wᵢ) mod 11, where a remainder of 10 means check digit 0. A 14-digit REGON (local unit)
 * starts with the 9-digit REGON of its parent, which must itself be valid.
 */
const WEIGHTS_9 = [8, 9, 2, 3, 4, 5, 6, 7] as const;
const WEIGHTS_14 = [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8] as const;

export function normalizeRegon(input: string): string {
  return input.replace(/[\s-]/g, '');
}

function checkDigitOk(digits: number[], weights: readonly number[]): boolean {
  const sum = weights.reduce((acc, w, i) => acc + w * (digits[i] ?? 0), 0);
  const check = sum % 11 === 10 ? 0 : sum % 11;
  return check === digits[weights.length];
}

export function isValidRegon(input: string): boolean {
  const regon = normalizeRegon(input);
  if (!/^(\d{9}|\d{14})$/.test(regon)) return false;
  const digits = [...regon].map(Number);
  if (!checkDigitOk(digits.slice(0, 9), WEIGHTS_9)) return false;
  return regon.length === 9 || checkDigitOk(digits, WEIGHTS_14);
}
