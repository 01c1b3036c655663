import { describe, expect, it } from 'vitest';
import {
  defaultAssignmentSettings,
  derivedConflicts,
  type ChapterMember,
  type InstitutionPlace,
} from '../../shared/chapter/chapter';
import { precheck } from '../../shared/assignment/explain';
import { buildModel, type AssignmentInputs, type CurrentPair } from '../../shared/assignment/model';
import { solveAssignment } from '../../shared/assignment/solver';

const place = (id: string, over: Partial<InstitutionPlace> = {}): InstitutionPlace => ({
  institutionId: id,
  name: `Urząd ${id}`,
  nip: '7352341092',
  type: 'tax_office',
  voivodeship: 'małopolskie',
  county: 'nowotarski',
  commune: 'Nowy Targ',
  ...over,
});
const member = (userId: string, over: Partial<ChapterMember> = {}): ChapterMember => ({
  editionId: 'E',
  userId,
  displayName: `Ekspert ${userId}`,
  email: `${userId}@x.pl`,
  language: 'pl',
  minLoad: 0,
  maxLoad: 5,
  expertise: [],
  preferredCategories: [],
  chair: false,
  addedAt: '',
  version: 1,
  ...over,
});
const never = () => false;

describe('derived conflicts', () => {
  const settings = { rules: { sameCommune: true, sameCounty: true, affiliation: true, previousEdition: true } };
  it('compares places without case and Polish letters, and needs the same voivodeship', () => {
    const m = member('a', { workplace: { voivodeship: 'małopolskie', county: 'NOWOTARSKI', commune: 'nowy targ' } });
    expect(derivedConflicts(m, place('1'), settings, never)).toEqual(['sameCommune', 'sameCounty']);
    expect(derivedConflicts(m, place('1', { commune: 'Szaflary' }), settings, never)).toEqual(['sameCounty']);
    expect(derivedConflicts(m, place('1', { voivodeship: 'śląskie' }), settings, never)).toEqual([]);
    expect(
      derivedConflicts(
        { ...m, workplace: { voivodeship: 'łódzkie', county: 'Łódź', commune: 'Łódź' } },
        place('1', { voivodeship: 'łódzkie', county: 'lodz', commune: 'LODZ' }),
        settings,
        never,
      ),
    ).toEqual(['sameCommune', 'sameCounty']);
  });
  it('applies only the rules switched on; affiliation by NIP; rotation by the previous edition', () => {
    const m = member('a', {
      workplace: { voivodeship: 'pomorskie', county: 'gdański', commune: 'Pruszcz', nip: '7352341092' },
    });
    expect(derivedConflicts(m, place('1'), settings, never)).toEqual(['affiliation']);
    expect(derivedConflicts(m, place('1'), { rules: { ...settings.rules, affiliation: false } }, never)).toEqual([]);
    expect(derivedConflicts(member('b'), place('1'), settings, (u, i) => u === 'b' && i === '1')).toEqual([
      'previousEdition',
    ]);
    expect(
      derivedConflicts(member('b'), place('1'), { rules: { ...settings.rules, previousEdition: false } }, () => true),
    ).toEqual([]);
  });
});

describe('the model', () => {
  const inputs = (current: CurrentPair[] = []): AssignmentInputs => ({
    k: 1,
    settings: defaultAssignmentSettings,
    members: [
      member('m2'),
      member('m1', {
        workplace: { voivodeship: 'małopolskie', county: 'nowotarski', commune: 'Nowy Targ' },
        preferredCategories: ['tax_office'],
      }),
    ],
    applications: [
      { applicationId: 'a2', institution: place('i2', { voivodeship: 'pomorskie' }) },
      { applicationId: 'a1', institution: place('i1') },
    ],
    conflicts: [
      { userId: 'm2', institutionId: 'i2', source: 'declared', reason: 'Rodzina', createdAt: '', createdBy: '' },
    ],
    bids: [{ userId: 'm2', applicationId: 'a1', value: 2 }],
    previousPairs: new Set(),
    current,
  });
  const pair = (applicationId: string, userId: string, locked = false): CurrentPair => ({
    applicationId,
    userId,
    locked,
    source: 'auto',
    assignedAt: '',
  });

  it('indexes in id order whatever the input order, with each conflict’s reasons and the affinity from bids and categories', () => {
    const model = buildModel(inputs(), 'incremental');
    expect(model.applications.map((a) => a.applicationId)).toEqual(['a1', 'a2']);
    expect(model.members.map((m) => m.userId)).toEqual(['m1', 'm2']);
    expect(model.reasons.get(0 * 2 + 0)).toEqual([
      { source: 'rule', rule: 'sameCommune' },
      { source: 'rule', rule: 'sameCounty' },
    ]);
    expect(model.reasons.get(1 * 2 + 1)).toEqual([{ source: 'declared', reason: 'Rodzina' }]);
    expect(Array.from(model.instance.conflict)).toEqual([1, 0, 0, 1]);
    expect(Array.from(model.instance.affinity)).toEqual([5, 20, 5, 0]);
    const reversed = buildModel(
      { ...inputs(), members: [...inputs().members].reverse(), applications: [...inputs().applications].reverse() },
      'incremental',
    );
    expect(reversed.instance).toEqual(model.instance);
  });

  it('incremental keeps valid pairs; full keeps locked ones; a conflict or a departure drops a pair with its reason', () => {
    const current = [
      pair('a1', 'm2'),
      pair('a2', 'm1', true),
      pair('a1', 'm1'),
      pair('gone', 'm1'),
      pair('a2', 'left'),
    ];
    const incremental = buildModel(inputs(current), 'incremental');
    expect(incremental.instance.fixed).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(incremental.dropped.map((d) => [d.pair.applicationId, d.pair.userId, d.reason])).toEqual([
      ['a1', 'm1', 'conflict'],
      ['gone', 'm1', 'notEligible'],
      ['a2', 'left', 'notInChapter'],
    ]);
    expect(buildModel(inputs(current), 'full').instance.fixed).toEqual([[1, 0]]);
    const solved = solveAssignment(incremental.instance);
    expect(solved.feasible && solved.assignment).toEqual([[1], [0]]);
  });

  it('precheck names an application left without an eligible expert and the rule that would free one', () => {
    const model = buildModel(
      {
        ...inputs(),
        members: [inputs().members[1]!],
        applications: [{ applicationId: 'a1', institution: place('i1') }],
      },
      'incremental',
    );
    const explanation = precheck(model);
    expect(explanation?.problems.map((p) => [p.kind, p.applicationIds])).toEqual([['application', ['a1']]]);
    expect(explanation?.problems[0]?.message.en).toBe(
      'Urząd i1: only 0 of 1 expert may review it (1 needed); conflicts: 1 by the same commune rule.',
    );
    // "z 1 eksperta", not "z 1 ekspertów" (issue 16 §7).
    expect(explanation?.problems[0]?.message.pl).toMatch(
      /^Urząd i1: tylko 0 z 1 eksperta może ocenić to zgłoszenie \(potrzeba 1\)/,
    );
    // Two rules forbid the pair, so switching one off frees nobody: the suggestion is to add an expert.
    expect(explanation?.suggestions[0]?.en).toBe(
      'Urząd i1: add 1 expert without a conflict with this institution to the chapter.',
    );
  });
});
