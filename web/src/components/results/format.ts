import { movementLabel } from '../../../../shared/results/movement';
import { type Outcome, outcomes } from '../../../../shared/results/outcome-kinds';
import type { Language } from '../../i18n';

/** A percent as people read it in the UI's language, at most 2 decimals: "78,25" (pl) / "78.25" (en); the "%" comes from the translation. */
export function formatPercent(value: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'pl-PL', { maximumFractionDigits: 2 }).format(value);
}

/** The first 12 hex digits of a SHA-256: enough to tell versions apart at a glance (as shared/results/snapshot.ts's shortHash). */
export const shortHash = (hex: string) => hex.slice(0, 12);

/** The hash in groups of 4 digits, for reading aloud or comparing by eye (as snapshot.ts's groupedHash). */
export const groupedHash = (hex: string) => hex.match(/.{1,4}/g)?.join(' ') ?? '';

/** ▲ up, ▼ down, nothing for no change or a first participation; with the words ("awans o 3 miejsca") beside it. */
export function movementParts(m: number | null | undefined, language: Language): { arrow: string; text: string } {
  const value = m ?? null;
  return {
    arrow: value === null || value === 0 ? '' : value > 0 ? '▲' : '▼',
    text: movementLabel(value, language),
  };
}

/** Safe for an id attribute. */
export const idPart = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '');

/** An outcome's translation key; an unknown value (a newer server) reads as "not awarded" rather than a raw key. */
export const outcomeKey = (o: string) =>
  `results.outcome.${(outcomes as readonly string[]).includes(o) ? (o as Outcome) : 'notAwarded'}` as const;
