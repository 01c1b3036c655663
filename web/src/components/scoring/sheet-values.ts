import type { MysteryShopperChannel, Rubric } from '../../../../shared/editions/rubric';
import { enabledChannels, rubricCriteria } from '../../../../shared/reviews/scoring';
import type { SheetContent, Tick } from '../../../../shared/reviews/sheet';
import { fromWarsawInput, toWarsawInput } from '../editions/time';

/**
 * The score sheet as the form holds it. Criterion and area codes contain dots ("A1.1"), which a form
 * library reads as nesting, so the form keys every list by position in the rubric and these functions
 * translate: values ↔ the API's SheetContent, and the server's field paths (`scores.A1.1`) ↔ the
 * form's (`scores.0`), so server messages land on their fields.
 */
export interface ContactValues {
  at: string;
  asked: string;
  notes: string;
  ticks: string[];
}

export interface SheetValues {
  scores: string[];
  criterionJustifications: string[];
  areaJustifications: string[];
  feedback: string;
  privateNote: string;
  contacts: Partial<Record<MysteryShopperChannel, ContactValues>>;
}

export function toSheetValues(rubric: Rubric, content: SheetContent): SheetValues {
  const criteria = rubricCriteria(rubric);
  return {
    scores: criteria.map((c) => (typeof content.scores[c.code] === 'number' ? String(content.scores[c.code]) : '')),
    criterionJustifications: criteria.map((c) => content.criterionJustifications[c.code] ?? ''),
    areaJustifications: rubric.areas.map((a) => content.areaJustifications[a.code] ?? ''),
    feedback: content.feedback,
    privateNote: content.privateNote,
    contacts: Object.fromEntries(
      enabledChannels(rubric).map((ch) => {
        const contact = content.contacts[ch.channel];
        return [
          ch.channel,
          {
            at: toWarsawInput(contact?.at),
            asked: contact?.asked ?? '',
            notes: contact?.notes ?? '',
            ticks: ch.items.map((i) => contact?.ticks[i.code] ?? ''),
          },
        ];
      }),
    ),
  };
}

const isTick = (v: string): v is Tick => v === 'met' || v === 'partly' || v === 'notMet';

/**
 * The API's content from the form: empty score fields are "not scored", empty texts are left out,
 * a contact is sent once anything of it is filled, its time as an instant (Warsaw wall time typed).
 */
export function toSheetContent(rubric: Rubric, values: SheetValues): SheetContent {
  const criteria = rubricCriteria(rubric);
  const scores: Record<string, number> = {};
  const criterionJustifications: Record<string, string> = {};
  criteria.forEach((c, i) => {
    const raw = (values.scores[i] ?? '').trim().replace(',', '.');
    const n = raw === '' ? Number.NaN : Number(raw);
    if (Number.isFinite(n)) scores[c.code] = n;
    const why = values.criterionJustifications[i] ?? '';
    if (why.trim() !== '') criterionJustifications[c.code] = why;
  });
  const areaJustifications: Record<string, string> = {};
  rubric.areas.forEach((a, i) => {
    const why = values.areaJustifications[i] ?? '';
    if (why.trim() !== '') areaJustifications[a.code] = why;
  });
  const contacts: SheetContent['contacts'] = {};
  for (const ch of enabledChannels(rubric)) {
    const v = values.contacts[ch.channel];
    if (!v) continue;
    const ticks: Record<string, Tick> = {};
    ch.items.forEach((item, j) => {
      const tick = v.ticks[j] ?? '';
      if (isTick(tick)) ticks[item.code] = tick;
    });
    const at = v.at ? fromWarsawInput(v.at) : '';
    if (!at && !v.asked.trim() && !v.notes.trim() && Object.keys(ticks).length === 0) continue;
    contacts[ch.channel] = {
      ...(at ? { at } : {}),
      ...(v.asked.trim() ? { asked: v.asked } : {}),
      ...(v.notes.trim() ? { notes: v.notes } : {}),
      ticks,
    };
  }
  return {
    scores,
    criterionJustifications,
    areaJustifications,
    feedback: values.feedback,
    privateNote: values.privateNote,
    contacts,
  };
}

/** A server field path as the form names it (`scores.A1.1` → `scores.0`); unknown paths stay as they are. */
export function toFormPath(rubric: Rubric, path: string): string {
  const criteria = rubricCriteria(rubric);
  for (const list of ['scores', 'criterionJustifications'] as const) {
    if (path.startsWith(`${list}.`)) {
      const i = criteria.findIndex((c) => c.code === path.slice(list.length + 1));
      return i >= 0 ? `${list}.${i}` : path;
    }
  }
  if (path.startsWith('areaJustifications.')) {
    const i = rubric.areas.findIndex((a) => a.code === path.slice('areaJustifications.'.length));
    return i >= 0 ? `areaJustifications.${i}` : path;
  }
  const tick = /^contacts\.([^.]+)\.ticks\.(.+)$/.exec(path);
  if (tick) {
    const channel = enabledChannels(rubric).find((c) => c.channel === tick[1]);
    const j = channel?.items.findIndex((i) => i.code === tick[2]) ?? -1;
    return j >= 0 ? `contacts.${tick[1]}.ticks.${j}` : path;
  }
  return path;
}

export const toFormFields = (rubric: Rubric, fields: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(fields).map(([path, message]) => [toFormPath(rubric, path), message]));
