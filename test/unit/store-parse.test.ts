import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { AnsweringEdition, ListedEdition } from '../../shared/editions/edition-read-store';
import { attributesOf, parseItem } from '../../shared/store/parse';

describe('reading items through their schemas', () => {
  it('a projection names exactly the attributes its schema reads', () => {
    expect(attributesOf(z.object({ name: z.string(), state: z.string() }))).toEqual(['name', 'state']);
    expect(attributesOf(AnsweringEdition).sort()).toEqual(['editionId', 'questionnaire', 'state', 'timeline']);
    // The editions list shows its maximum, so it reads the rubric; it never reads the questionnaire.
    expect(attributesOf(ListedEdition)).toContain('rubric');
    expect(attributesOf(ListedEdition)).not.toContain('questionnaire');
  });

  it('drops the key attributes, and names the item when it does not match', () => {
    const Thing = z.object({ name: z.string() });
    expect(parseItem(Thing, { pk: 'THING#1', sk: 'THING', name: 'Urząd' }, 'thing')).toEqual({ name: 'Urząd' });
    expect(() => parseItem(Thing, { pk: 'THING#1', sk: 'THING', name: 7 }, 'thing')).toThrow(
      /Stored thing \(THING#1 \/ THING\) does not match its schema: name:/,
    );
  });
});
