import * as z from 'zod/mini';
import { rubricCode as code, localized } from './localized';

/**
 * The rubric: evaluation areas → criteria, plus optional mystery-shopper channels with checklist
 * items. Its maximum total is derived (`maxTotal`), never typed by the organizer.
 */
export const mysteryShopperChannels = ['visit', 'phone', 'email', 'socialMedia', 'website'] as const;
export type MysteryShopperChannel = (typeof mysteryShopperChannels)[number];

const points = z.number().check(z.gt(0), z.lte(1000));

export const Criterion = z.object({
  code,
  name: localized(300),
  guidance: z.optional(localized(4000)),
  maxPoints: points,
  step: z.union([z.literal(1), z.literal(0.5)]),
  weight: z.number().check(z.gt(0), z.lte(10)),
});
export type Criterion = z.infer<typeof Criterion>;

export const Area = z.object({ code, name: localized(300), criteria: z.array(Criterion).check(z.maxLength(50)) });
export type Area = z.infer<typeof Area>;

export const ChecklistItem = z.object({ code, label: localized(500), points });
export const ChannelChecklist = z.object({
  channel: z.enum(mysteryShopperChannels),
  items: z.array(ChecklistItem).check(z.minLength(1), z.maxLength(50)),
});

export const Rubric = z.object({
  areas: z.array(Area).check(z.maxLength(20)),
  mysteryShopper: z.object({ enabled: z.boolean(), channels: z.array(ChannelChecklist).check(z.maxLength(5)) }),
});
export type Rubric = z.infer<typeof Rubric>;

export const emptyRubric = (): Rubric => ({ areas: [], mysteryShopper: { enabled: false, channels: [] } });

const round = (n: number) => Math.round(n * 1000) / 1000;

/** The maximum total: Σ criterion max × weight, plus the checklist points of the enabled channels. */
export function maxTotal(rubric: Rubric): number {
  const criteria = rubric.areas.flatMap((a) => a.criteria).reduce((sum, c) => sum + c.maxPoints * c.weight, 0);
  const shopper = rubric.mysteryShopper.enabled
    ? rubric.mysteryShopper.channels.flatMap((c) => c.items).reduce((sum, i) => sum + i.points, 0)
    : 0;
  return round(criteria + shopper);
}

export const criterionCount = (rubric: Rubric) => rubric.areas.reduce((n, a) => n + a.criteria.length, 0);

/** Structural rules zod cannot say: unique codes, a max reachable in the criterion's steps. Field path → message. */
export function rubricProblems(rubric: Rubric): Record<string, { pl: string; en: string }> {
  const problems: Record<string, { pl: string; en: string }> = {};
  const seen = new Set<string>();
  rubric.areas.forEach((area, a) => {
    if (seen.has(area.code)) problems[`areas.${a}.code`] = duplicate(area.code);
    seen.add(area.code);
    area.criteria.forEach((criterion, c) => {
      if (seen.has(criterion.code)) problems[`areas.${a}.criteria.${c}.code`] = duplicate(criterion.code);
      seen.add(criterion.code);
      if (Math.abs(criterion.maxPoints / criterion.step - Math.round(criterion.maxPoints / criterion.step)) > 1e-9) {
        problems[`areas.${a}.criteria.${c}.maxPoints`] = {
          pl: `Maksimum musi być wielokrotnością kroku ${criterion.step}.`,
          en: `The maximum must be a multiple of the step ${criterion.step}.`,
        };
      }
    });
  });
  const channels = new Set<string>();
  rubric.mysteryShopper.channels.forEach((channel, i) => {
    if (channels.has(channel.channel)) problems[`mysteryShopper.channels.${i}.channel`] = duplicate(channel.channel);
    channels.add(channel.channel);
    const items = new Set<string>();
    channel.items.forEach((item, j) => {
      if (items.has(item.code)) problems[`mysteryShopper.channels.${i}.items.${j}.code`] = duplicate(item.code);
      items.add(item.code);
    });
  });
  return problems;
}

function duplicate(value: string) {
  return { pl: `Kod „${value}” występuje więcej niż raz.`, en: `The code "${value}" is used more than once.` };
}
