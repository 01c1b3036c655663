import { reasonLabel } from '../chapter/chapter';
import type { Model } from './model';
import type { Infeasibility } from './solver';
import { countEn, countPl } from '../plural';

/** "1 eksperta", "2 ekspertów", "5 ekspertów" (the accusative after a verb: zwolni, dodać). */
const expertsAcc = { one: 'eksperta', few: 'ekspertów', many: 'ekspertów' };
/** "1 zgłoszenie", "2 zgłoszenia", "5 zgłoszeń". */
const applicationsNom = { one: 'zgłoszenie', few: 'zgłoszenia', many: 'zgłoszeń' };
/** "z 1 eksperta", "z 3 ekspertów" (the genitive after "z"). */
const ofExperts = (n: number) => `${n} ${n === 1 ? 'eksperta' : 'ekspertów'}`;

/**
 * Why no assignment exists, in sentences an organizer can act on, with the smallest change that
 * would help. Pure: built from the model and the solver's facts (or from the capacity check that
 * runs before the solver).
 */
type Text = { pl: string; en: string };

export interface Problem {
  kind: 'capacity' | 'minimumLoads' | 'application' | 'group' | 'expert' | 'fixed';
  message: Text;
  applicationIds?: string[];
  userIds?: string[];
}

export interface Explanation {
  demand: number;
  capacity: number;
  minimumTotal: number;
  problems: Problem[];
  suggestions: Text[];
}

/** The first reason of each conflicted expert, counted by label: "3 by the same-county rule, 1 declared". */
function conflictBreakdown(
  model: Model,
  a: number,
): { text: Text; singleReason: Map<string, { label: Text; count: number }> } {
  const E = model.members.length;
  const counts = new Map<string, { label: Text; count: number }>();
  const single = new Map<string, { label: Text; count: number }>();
  for (let e = 0; e < E; e++) {
    const why = model.reasons.get(a * E + e);
    if (!why?.[0]) continue;
    const label = reasonLabel(why[0]);
    const entry = counts.get(label.en) ?? { label, count: 0 };
    entry.count++;
    counts.set(label.en, entry);
    if (why.length === 1 && why[0].source === 'rule') {
      const s = single.get(label.en) ?? { label, count: 0 };
      s.count++;
      single.set(label.en, s);
    }
  }
  const parts = [...counts.values()];
  return {
    text: {
      pl: parts.map((p) => `${p.count} — ${p.label.pl}`).join(', '),
      en: parts.map((p) => `${p.count} by ${p.label.en}`).join(', '),
    },
    singleReason: single,
  };
}

/** Before solving: capacity vs demand, and applications with fewer than k non-conflicted experts. */
export function precheck(model: Model): Explanation | null {
  const { instance } = model;
  const E = model.members.length;
  const demand = instance.k * instance.applicationCount;
  const capacity = instance.experts.reduce((s, x) => s + x.maxLoad, 0);
  const minimumTotal = instance.experts.reduce((s, x) => s + Math.min(x.minLoad, x.maxLoad), 0);
  const problems: Problem[] = [];
  const suggestions: Text[] = [];
  if (capacity < demand) {
    const missing = demand - capacity;
    const each = E > 0 ? Math.ceil(missing / E) : missing;
    problems.push({
      kind: 'capacity',
      message: {
        pl: `Łączne maksymalne obciążenie ekspertów (${capacity}) jest mniejsze niż potrzeba (${demand} = ${countPl(instance.applicationCount, applicationsNom)} × ${instance.k}).`,
        en: `The experts' total maximum load (${capacity}) is below the demand (${demand} = ${countEn(instance.applicationCount, 'application', 'applications')} × ${instance.k}).`,
      },
    });
    suggestions.push({
      pl: `Należy zwiększyć maksymalne obciążenia łącznie o ${missing}${E > 0 ? ` (np. o ${each} każdemu ${E === 1 ? 'ekspertowi' : `z ${E} ekspertów`})` : ''} albo dodać ekspertów do kapituły.`,
      en: `Raise the maximum loads by ${missing} in total${E > 0 ? ` (e.g. by ${each} for each of the ${E} experts)` : ''}, or add experts to the chapter.`,
    });
  }
  if (minimumTotal > demand) {
    const excess = minimumTotal - demand;
    problems.push({
      kind: 'minimumLoads',
      message: {
        pl: `Suma minimalnych obciążeń (${minimumTotal}) przekracza liczbę przydziałów (${demand}).`,
        en: `The minimum loads add up to ${minimumTotal}, more than the ${demand} assignments there are.`,
      },
    });
    suggestions.push({
      pl: `Obniż minimalne obciążenia łącznie o ${excess}.`,
      en: `Lower the minimum loads by ${excess} in total.`,
    });
  }
  for (let a = 0; a < instance.applicationCount; a++) {
    let eligible = 0;
    for (let e = 0; e < E; e++) if (!instance.conflict[a * E + e]) eligible++;
    if (eligible >= instance.k) continue;
    const app = model.applications[a];
    if (!app) continue;
    const { text, singleReason } = conflictBreakdown(model, a);
    const need = instance.k - eligible;
    problems.push({
      kind: 'application',
      applicationIds: [app.applicationId],
      message: {
        pl: `${app.institution.name}: tylko ${eligible} z ${ofExperts(E)} może ocenić to zgłoszenie (potrzeba ${instance.k}); konflikty: ${text.pl || 'brak ekspertów'}.`,
        en: `${app.institution.name}: only ${eligible} of ${countEn(E, 'expert', 'experts')} may review it (${instance.k} needed); conflicts: ${text.en || 'no experts'}.`,
      },
    });
    const rule = [...singleReason.values()].find((r) => r.count >= need);
    suggestions.push(
      rule
        ? {
            pl: `${app.institution.name}: wyłączenie ${rule.label.pl} zwolni ${countPl(rule.count, expertsAcc)} (wystarczy ${need}).`,
            en: `${app.institution.name}: switching off ${rule.label.en} frees ${countEn(rule.count, 'expert', 'experts')} (${need} needed).`,
          }
        : {
            pl: `${app.institution.name}: należy dodać do kapituły ${countPl(need, expertsAcc)} bez konfliktu z tą instytucją.`,
            en: `${app.institution.name}: add ${countEn(need, 'expert', 'experts')} without a conflict with this institution to the chapter.`,
          },
    );
  }
  return problems.length > 0 ? { demand, capacity, minimumTotal, problems, suggestions } : null;
}

/** After solving: the bottleneck groups the flow could not get past, and experts below their minimum. */
export function explainInfeasibility(model: Model, facts: Infeasibility): Explanation {
  const { instance } = model;
  const demand = instance.k * instance.applicationCount;
  const capacity = instance.experts.reduce((s, x) => s + x.maxLoad, 0);
  const minimumTotal = instance.experts.reduce((s, x) => s + Math.min(x.minLoad, x.maxLoad), 0);
  const problems: Problem[] = [];
  const suggestions: Text[] = [];
  const appName = (a: number) => model.applications[a]?.institution.name ?? `#${a}`;
  const expert = (e: number) => model.members[e];
  for (const f of facts.invalidFixed) {
    const why: Record<typeof f.reason, Text> = {
      conflict: { pl: 'jest w konflikcie', en: 'is in conflict' },
      tooMany: {
        pl: `przekracza ${countPl(instance.k, expertsAcc)} na zgłoszenie`,
        en: `exceeds ${countEn(instance.k, 'expert', 'experts')} per application`,
      },
      overMax: { pl: 'przekracza maksymalne obciążenie eksperta', en: 'exceeds the expert’s maximum load' },
      unknown: { pl: 'jest nieznana', en: 'is unknown' },
    };
    const m = expert(f.expert);
    problems.push({
      kind: 'fixed',
      applicationIds: [model.applications[f.application]?.applicationId ?? ''],
      userIds: [m?.userId ?? ''],
      message: {
        pl: `Zablokowana lub zachowana para ${appName(f.application)} — ${m?.displayName ?? ''} ${why[f.reason].pl}.`,
        en: `The kept or locked pair ${appName(f.application)} — ${m?.displayName ?? ''} ${why[f.reason].en}.`,
      },
    });
  }
  if (facts.invalidFixed.length > 0)
    suggestions.push({
      pl: 'Odblokuj te pary albo uruchom pełny przydział.',
      en: 'Unlock these pairs or run a full assignment.',
    });
  const seen = new Set<string>();
  for (const short of facts.shortApplications) {
    const key = `${short.group.applications.join(',')}|${short.group.experts.join(',')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const apps = short.group.applications;
    const experts = short.group.experts;
    // Kept or locked pairs already use part of these experts' capacity.
    const fixedLoad = (e: number) => (instance.fixed ?? []).filter(([, x]) => x === e).length;
    const keptInGroup = experts.reduce((s, e) => s + fixedLoad(e), 0);
    const groupCapacity = experts.reduce((s, e) => s + (instance.experts[e]?.maxLoad ?? 0), 0) - keptInGroup;
    const missing = facts.shortApplications
      .filter((s) => `${s.group.applications.join(',')}|${s.group.experts.join(',')}` === key)
      .reduce((s, x) => s + instance.k - x.assigned, 0);
    const names = apps.slice(0, 5).map(appName).join(', ') + (apps.length > 5 ? ` (+${apps.length - 5})` : '');
    const expertNames =
      experts
        .slice(0, 5)
        .map((e) => expert(e)?.displayName ?? '')
        .join(', ') + (experts.length > 5 ? ` (+${experts.length - 5})` : '');
    problems.push({
      kind: 'group',
      applicationIds: apps.map((a) => model.applications[a]?.applicationId ?? ''),
      userIds: experts.map((e) => expert(e)?.userId ?? ''),
      message:
        experts.length === 0
          ? {
              pl: `${names}: żaden wolny ekspert bez konfliktu (brakuje ${missing} przydziałów).`,
              en: `${names}: no free expert without a conflict (${missing} assignments missing).`,
            }
          : {
              pl: `${names}: mogą je ocenić tylko ${expertNames} (pozostali są w konflikcie), a ich wolna pojemność ${groupCapacity} nie wystarcza — brakuje ${missing}.`,
              en: `${names}: only ${expertNames} may review these (everyone else conflicts), and their free capacity of ${groupCapacity} falls ${missing} short.`,
            },
    });
    if (keptInGroup > 0)
      suggestions.push({
        pl: `Zachowane lub zablokowane pary zajmują ${countPl(keptInGroup, { one: 'miejsce', few: 'miejsca', many: 'miejsc' })} u tych ekspertów — pełny przydział może je przenieść.`,
        en: `Kept or locked pairs take ${countEn(keptInGroup, 'place', 'places')} of these experts' — a full assignment may move them.`,
      });
    suggestions.push(
      experts.length > 0
        ? {
            pl: `Zwiększ łącznie o ${missing} maksymalne obciążenie ekspertów: ${expertNames}.`,
            en: `Raise the maximum load of ${expertNames} by ${missing} in total.`,
          }
        : { pl: `Dodaj ekspertów bez konfliktu z: ${names}.`, en: `Add experts without a conflict with: ${names}.` },
    );
  }
  for (const u of facts.underloadedExperts) {
    const m = expert(u.expert);
    if (!m) continue;
    // The load is one optimum's, not the most this expert could get alone: others may compete for the same applications.
    problems.push({
      kind: 'expert',
      userIds: [m.userId],
      message: {
        pl: `${m.displayName}: przy pozostałych ograniczeniach dostaje ${countPl(u.load, { one: 'zgłoszenie', few: 'zgłoszenia', many: 'zgłoszeń' })}, a minimum to ${m.minLoad} (zgłoszenia, które może ocenić, są potrzebne innym ekspertom lub są w konflikcie).`,
        en: `${m.displayName}: with the other constraints this expert gets ${countEn(u.load, 'application', 'applications')}, below the minimum of ${m.minLoad} (the applications they may review are needed by other experts or conflict).`,
      },
    });
    suggestions.push({
      pl: `Obniż minimalne obciążenie: ${m.displayName} (np. do ${u.load}) lub minimalne obciążenia ekspertów o podobnych konfliktach.`,
      en: `Lower ${m.displayName}'s minimum load (e.g. to ${u.load}), or the minimums of experts with similar conflicts.`,
    });
  }
  return { demand, capacity, minimumTotal, problems, suggestions };
}

export function localizeExplanation(x: Explanation, lang: 'pl' | 'en') {
  return {
    demand: x.demand,
    capacity: x.capacity,
    minimumTotal: x.minimumTotal,
    problems: x.problems.map((p) => ({
      kind: p.kind,
      message: p.message[lang],
      ...(p.applicationIds ? { applicationIds: p.applicationIds } : {}),
      ...(p.userIds ? { userIds: p.userIds } : {}),
    })),
    suggestions: x.suggestions.map((s) => s[lang]),
  };
}
