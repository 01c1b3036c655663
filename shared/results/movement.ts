import { pluralPl } from '../plural';

/**
 * Movement in a category's ranking since an institution's previous participation (issue 14, the SKR
 * ranking of seed 002: "awans o 3 miejsca"). Pure.
 */

/** Places moved up since the previous participation in the same category code: previous place − current place (positive = up), null without a previous place. */
export function movement(previousPlace: number | undefined, place: number): number | null {
  return previousPlace === undefined ? null : previousPlace - place;
}

/** The Polish noun form after a count: 1 miejsce, 2–4 miejsca (but 12–14 miejsc), 5+ miejsc, 22 miejsca. */
export function miejsce(n: number): string {
  return pluralPl(n, { one: 'miejsce', few: 'miejsca', many: 'miejsc' });
}

/** "awans o 3 miejsca" / "spadek o 1 miejsce" / "bez zmian" / "debiut"; en "up 3 places" / "down 1 place" / "no change" / "debut". */
export function movementLabel(m: number | null, lang: 'pl' | 'en'): string {
  if (m === null) return lang === 'pl' ? 'debiut' : 'debut';
  if (m === 0) return lang === 'pl' ? 'bez zmian' : 'no change';
  const n = Math.abs(m);
  if (lang === 'pl') return `${m > 0 ? 'awans' : 'spadek'} o ${n} ${miejsce(n)}`;
  return `${m > 0 ? 'up' : 'down'} ${n} ${n === 1 ? 'place' : 'places'}`;
}
