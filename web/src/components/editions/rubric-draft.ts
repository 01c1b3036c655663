import * as z from 'zod/mini';
import {
  maxTotal,
  mysteryShopperChannels,
  Rubric,
  type MysteryShopperChannel,
} from '../../../../shared/editions/rubric';
import { apiResolver } from '../../forms/validation';
import { localizedFrom, optionalText, parseNumber } from './drafts';

/**
 * The rubric as the builder's form holds it: the API's shape (so every field's name is the API's
 * field path), with numbers kept as typed ("12,5") until they are sent.
 */
export interface DraftCriterion {
  code: string;
  name: { pl: string; en: string };
  guidance: { pl: string; en: string };
  maxPoints: string;
  step: '1' | '0.5';
  weight: string;
}
export interface DraftArea {
  code: string;
  name: { pl: string; en: string };
  criteria: DraftCriterion[];
}
export interface DraftItem {
  code: string;
  label: { pl: string; en: string };
  points: string;
}
export interface DraftChannel {
  channel: MysteryShopperChannel;
  items: DraftItem[];
}
export interface DraftRubric {
  areas: DraftArea[];
  /** The enabled channels, in the fixed channel order (their index is the API's). */
  mysteryShopper: { enabled: boolean; channels: DraftChannel[] };
}
/** The rubric form: its one field is the route's body field, so paths are `rubric.areas.0.code`. */
export interface RubricValues {
  rubric: DraftRubric;
}

const str = (n: number) => (Number.isFinite(n) ? String(n) : '');

export function toDraftRubric(r: Rubric): RubricValues {
  return {
    rubric: {
      areas: r.areas.map((a) => ({
        code: a.code,
        name: { pl: a.name.pl, en: a.name.en ?? '' },
        criteria: a.criteria.map((c) => ({
          code: c.code,
          name: { pl: c.name.pl, en: c.name.en ?? '' },
          guidance: { pl: c.guidance?.pl ?? '', en: c.guidance?.en ?? '' },
          maxPoints: str(c.maxPoints),
          step: c.step === 0.5 ? '0.5' : '1',
          weight: str(c.weight),
        })),
      })),
      mysteryShopper: {
        enabled: r.mysteryShopper.enabled,
        channels: mysteryShopperChannels.flatMap((ch) => {
          const found = r.mysteryShopper.channels.find((c) => c.channel === ch);
          return found
            ? [
                {
                  channel: ch,
                  items: found.items.map((i) => ({
                    code: i.code,
                    label: { pl: i.label.pl, en: i.label.en ?? '' },
                    points: str(i.points),
                  })),
                },
              ]
            : [];
        }),
      },
    },
  };
}

export function fromDraftRubric(d: DraftRubric): Rubric {
  return {
    areas: d.areas.map((a) => ({
      code: a.code.trim(),
      name: localizedFrom(a.name),
      criteria: a.criteria.map((c) => ({
        code: c.code.trim(),
        name: localizedFrom(c.name),
        ...optionalText('guidance', c.guidance),
        maxPoints: parseNumber(c.maxPoints),
        step: c.step === '0.5' ? 0.5 : 1,
        weight: parseNumber(c.weight),
      })),
    })),
    mysteryShopper: {
      enabled: d.mysteryShopper.enabled,
      channels: d.mysteryShopper.channels.map((ch) => ({
        channel: ch.channel,
        items: ch.items.map((i) => ({
          code: i.code.trim(),
          label: localizedFrom(i.label),
          points: parseNumber(i.points),
        })),
      })),
    },
  };
}

/** The live maximum: blanks and half-typed numbers count as 0 until they are numbers. */
export function draftMaxTotal(d: DraftRubric): number {
  const r = fromDraftRubric(d);
  const safe = (n: number) => (Number.isFinite(n) ? n : 0);
  return maxTotal({
    areas: r.areas.map((a) => ({
      ...a,
      criteria: a.criteria.map((c) => ({ ...c, maxPoints: safe(c.maxPoints), weight: safe(c.weight) })),
    })),
    mysteryShopper: {
      ...r.mysteryShopper,
      channels: r.mysteryShopper.channels.map((c) => ({
        ...c,
        items: c.items.map((i) => ({ ...i, points: safe(i.points) })),
      })),
    },
  });
}

/** Checked with the server's rubric schema before it is sent. */
export const rubricResolver = apiResolver(z.object({ rubric: Rubric }), (v: RubricValues) => ({
  rubric: fromDraftRubric(v.rubric),
}));

export const newCriterion = (code: string): DraftCriterion => ({
  code,
  name: { pl: '', en: '' },
  guidance: { pl: '', en: '' },
  maxPoints: '10',
  step: '1',
  weight: '1',
});
export const newItem = (code: string): DraftItem => ({ code, label: { pl: '', en: '' }, points: '5' });
