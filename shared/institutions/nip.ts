/**
 * NIP (Numer Identyfikacji Podatkowej): 10 digits; the 10th is the checksum
 * Σ(dᵢ·wᵢ) mod 11 for i = 1…9 with weights 6 5 7 2 3 4 5 6 7. A sum ≡ 10 (mod 11) is never valid.
 * Dashes and spaces, as people write them (123-456-32-18), are accepted and removed.
 */
const NIP_WEIGHTS = [6, 5, 7, 2, 3, 4, 5, 6, 7] as const;

export function normalizeNip(input: string): string {
  return input.replace(/[\s-]/g, '').replace(/^PL/i, '');
}

export function isValidNip(input: string): boolean {
  const nip = normalizeNip(input);
  if (!/^\d{10}$/.test(nip)) return false;
  const digits = [...nip].map(Number);
  const sum = NIP_WEIGHTS.reduce((acc, w, i) => acc + w * (digits[i] ?? 0), 0);
  const check = sum % 11;
  return check !== 10 && check === digits[9];
}
