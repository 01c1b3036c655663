import type { Message } from '../editions/localized';
import type { Criterion, MysteryShopperChannel, Rubric } from '../editions/rubric';
import type { ScoringSettings } from '../editions/scoring-settings';
import { countEn, countPl } from '../plural';
import type { Contact, SheetContent, Tick } from './sheet';

/**
 * The pure rules of scoring (issue 13): what a draft may hold, what a submitted sheet must hold, the
 * weighted total and the mystery-shopper points derived from the ticks. No I/O.
 */

/** "co najmniej 1 znak", "2 znaki", "5 znaków", "22 znaki". */
const characters = { one: 'znak', few: 'znaki', many: 'znaków' };
export type Problems = Record<string, Message>;

const round = (n: number) => Math.round(n * 1000) / 1000;

export interface RubricCriterion extends Criterion {
  areaCode: string;
}

const criteriaOf = new WeakMap<Rubric, readonly RubricCriterion[]>();

/**
 * Every criterion with its area's code, in rubric order. Computed once per rubric object (results of a
 * thousand applications ask thousands of times); the list is shared, so callers must not change it.
 */
export function rubricCriteria(rubric: Rubric): readonly RubricCriterion[] {
  let found = criteriaOf.get(rubric);
  if (!found) {
    found = rubric.areas.flatMap((area) => area.criteria.map((c) => ({ ...c, areaCode: area.code })));
    criteriaOf.set(rubric, found);
  }
  return found;
}

/** The channels the expert must contact: those of the rubric, when mystery shopping is on. */
export const enabledChannels = (rubric: Rubric) =>
  rubric.mysteryShopper.enabled ? rubric.mysteryShopper.channels : [];

const onStep = (value: number, step: number) => Math.abs(value / step - Math.round(value / step)) < 1e-9;

const tickShare: Record<Tick, number> = { met: 1, partly: 0.5, notMet: 0 };

/** A channel's points: Σ item points × (met 1, partly ½, not met 0) over its ticked items. */
export function channelPoints(rubric: Rubric, channel: MysteryShopperChannel, contact: Contact | undefined): number {
  const checklist = enabledChannels(rubric).find((c) => c.channel === channel);
  if (!checklist || !contact) return 0;
  return round(
    checklist.items.reduce((sum, item) => {
      const tick = contact.ticks[item.code];
      return sum + (tick ? item.points * tickShare[tick] : 0);
    }, 0),
  );
}

export interface SheetTotal {
  /** Σ score × weight over the scored criteria. */
  criteria: number;
  /** Σ of the channels' derived points. */
  shopper: number;
  total: number;
  byArea: Record<string, number>;
  byChannel: Partial<Record<MysteryShopperChannel, number>>;
}

/** The weighted total exactly as `maxTotal` counts the maximum (unscored criteria count 0). */
export function sheetTotal(rubric: Rubric, content: Pick<SheetContent, 'scores' | 'contacts'>): SheetTotal {
  const byArea: Record<string, number> = {};
  let criteria = 0;
  for (const c of rubricCriteria(rubric)) {
    const score = content.scores[c.code];
    const weighted = typeof score === 'number' ? score * c.weight : 0;
    byArea[c.areaCode] = round((byArea[c.areaCode] ?? 0) + weighted);
    criteria += weighted;
  }
  const byChannel: Partial<Record<MysteryShopperChannel, number>> = {};
  let shopper = 0;
  for (const { channel } of enabledChannels(rubric)) {
    const points = channelPoints(rubric, channel, content.contacts[channel]);
    byChannel[channel] = points;
    shopper += points;
  }
  return { criteria: round(criteria), shopper: round(shopper), total: round(criteria + shopper), byArea, byChannel };
}

const named = (c: RubricCriterion) => `${c.code} (${c.name.pl})`;

/**
 * What a draft may not hold, whatever its completeness: scores of criteria the rubric does not have,
 * outside 0…max or off the step; justifications of unknown areas or criteria; contacts on channels
 * that are not enabled, or ticks of items the channel does not list. Field path → message.
 */
export function draftProblems(rubric: Rubric, content: SheetContent): Problems {
  const problems: Problems = {};
  const criteria = new Map(rubricCriteria(rubric).map((c) => [c.code, c]));
  for (const [code, score] of Object.entries(content.scores)) {
    const c = criteria.get(code);
    if (!c) {
      problems[`scores.${code}`] = { pl: `Nie ma kryterium „${code}”.`, en: `There is no criterion "${code}".` };
    } else if (!Number.isFinite(score) || score < 0 || score > c.maxPoints) {
      problems[`scores.${code}`] = {
        pl: `Ocena kryterium ${named(c)} musi mieścić się w przedziale 0–${c.maxPoints}.`,
        en: `The score of ${named(c)} must be between 0 and ${c.maxPoints}.`,
      };
    } else if (!onStep(score, c.step)) {
      problems[`scores.${code}`] = {
        pl: `Ocena kryterium ${named(c)} musi być wielokrotnością ${c.step} (np. ${c.step === 1 ? '3' : '3,5'}).`,
        en: `The score of ${named(c)} must be a multiple of ${c.step} (e.g. ${c.step === 1 ? '3' : '3.5'}).`,
      };
    }
  }
  const areas = new Set(rubric.areas.map((a) => a.code));
  for (const code of Object.keys(content.areaJustifications)) {
    if (!areas.has(code))
      problems[`areaJustifications.${code}`] = { pl: `Nie ma obszaru „${code}”.`, en: `There is no area "${code}".` };
  }
  for (const code of Object.keys(content.criterionJustifications)) {
    if (!criteria.has(code))
      problems[`criterionJustifications.${code}`] = {
        pl: `Nie ma kryterium „${code}”.`,
        en: `There is no criterion "${code}".`,
      };
  }
  const channels = new Map(enabledChannels(rubric).map((c) => [c.channel, c]));
  for (const [channel, contact] of Object.entries(content.contacts) as [MysteryShopperChannel, Contact][]) {
    const checklist = channels.get(channel);
    if (!checklist) {
      problems[`contacts.${channel}`] = {
        pl: 'Ten kanał tajemniczego klienta nie jest oceniany w tej edycji.',
        en: 'This mystery-shopper channel is not assessed in this edition.',
      };
      continue;
    }
    const items = new Set(checklist.items.map((i) => i.code));
    for (const item of Object.keys(contact.ticks)) {
      if (!items.has(item))
        problems[`contacts.${channel}.ticks.${item}`] = {
          pl: `Na liście kontrolnej kanału nie ma punktu „${item}”.`,
          en: `The channel's checklist has no item "${item}".`,
        };
    }
  }
  return problems;
}

/**
 * What a submitted sheet must hold, beyond `draftProblems`: a score for every criterion; a
 * justification of at least the edition's minimum length for every area; a justification for a
 * criterion scored at its lowest (0) or highest; and for every enabled channel a contact with its
 * date and every checklist item ticked.
 */
export function submitProblems(rubric: Rubric, content: SheetContent, settings: ScoringSettings): Problems {
  const problems: Problems = { ...draftProblems(rubric, content) };
  const min = settings.justificationMinLength;
  for (const c of rubricCriteria(rubric)) {
    const score = content.scores[c.code];
    if (score === undefined) {
      problems[`scores.${c.code}`] ??= { pl: `Brak oceny kryterium ${named(c)}.`, en: `${named(c)} is not scored.` };
    } else if (
      (score === 0 || score === c.maxPoints) &&
      (content.criterionJustifications[c.code] ?? '').trim() === ''
    ) {
      problems[`criterionJustifications.${c.code}`] = {
        pl: `Uzasadnij ${score === 0 ? 'najniższą' : 'najwyższą'} ocenę kryterium ${named(c)}.`,
        en: `Justify the ${score === 0 ? 'lowest' : 'highest'} score of ${named(c)}.`,
      };
    }
  }
  for (const area of rubric.areas) {
    const length = (content.areaJustifications[area.code] ?? '').trim().length;
    if (length < Math.max(1, min)) {
      problems[`areaJustifications.${area.code}`] = {
        pl: `Uzasadnienie obszaru „${area.name.pl}” musi mieć co najmniej ${countPl(Math.max(1, min), characters)} (ma ${length}).`,
        en: `The justification of the area "${area.name.en ?? area.name.pl}" needs at least ${countEn(Math.max(1, min), 'character', 'characters')} (it has ${length}).`,
      };
    }
  }
  for (const checklist of enabledChannels(rubric)) {
    const contact = content.contacts[checklist.channel];
    if (!contact?.at) {
      problems[`contacts.${checklist.channel}.at`] = {
        pl: 'Podaj datę i godzinę kontaktu.',
        en: 'Enter the date and time of the contact.',
      };
    }
    const unticked = checklist.items.filter((i) => !contact?.ticks[i.code]);
    if (unticked.length > 0) {
      problems[`contacts.${checklist.channel}.ticks`] = {
        pl: `Zaznacz wszystkie punkty listy kontrolnej (brakuje: ${unticked.map((i) => i.code).join(', ')}).`,
        en: `Tick every checklist item (missing: ${unticked.map((i) => i.code).join(', ')}).`,
      };
    }
  }
  return problems;
}
