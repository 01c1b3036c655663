/**
 * Key builders. Every key in the table is built here, so that the shape of an item collection is
 * stated once and listed in docs/data-model.md. Parts are joined with `#`; ids must not contain it.
 */
export interface ItemKey { pk: string; sk: string }

const SEP = '#';

export function keyPart(...parts: (string | number)[]): string {
  for (const p of parts) {
    if (typeof p === 'string' && p.includes(SEP)) throw new Error(`Key part must not contain "${SEP}": ${p}`);
  }
  return parts.join(SEP);
}

export const keys = {
  /** The sentinel item the health check reads; it never needs to exist. */
  health: (): ItemKey => ({ pk: 'HEALTH', sk: 'HEALTH' }),
  /** Marker items that make a value unique platform-wide (e-mail, NIP, certificate number…). */
  unique: (kind: string, value: string): ItemKey => ({ pk: keyPart('UNIQUE', kind, value), sk: 'UNIQUE' }),
};
