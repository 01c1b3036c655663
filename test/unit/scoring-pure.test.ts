import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxTotal, type Rubric } from '../../shared/editions/rubric';
import { sampleRubric } from '../../shared/editions/sample-edition';
import { disagreementOf } from '../../shared/reviews/disagreement';
import { dueReminder, scoringProgress } from '../../shared/reviews/progress';
import { channelPoints, draftProblems, rubricCriteria, sheetTotal, submitProblems } from '../../shared/reviews/scoring';
import { defaultScoringSettings } from '../../shared/editions/scoring-settings';
import { emptySheetContent, type SheetContent, tickValues } from '../../shared/reviews/sheet';

const rubric = sampleRubric();
const settings = defaultScoringSettings();
const justification = 'Urząd ma spisane standardy i stosuje je na co dzień w obsłudze.';

/** A complete sheet: every criterion scored `score`, every area justified, every channel contacted and ticked. */
function completeSheet(
  r: Rubric,
  score: (max: number) => number,
  tick: 'met' | 'partly' | 'notMet' = 'met',
): SheetContent {
  const content = emptySheetContent();
  for (const c of rubricCriteria(r)) {
    content.scores[c.code] = score(c.maxPoints);
    if (content.scores[c.code] === 0 || content.scores[c.code] === c.maxPoints)
      content.criterionJustifications[c.code] = 'Wyjątkowo dobrze / źle — opisane w notatkach.';
  }
  for (const a of r.areas) content.areaJustifications[a.code] = justification;
  for (const ch of r.mysteryShopper.channels) {
    content.contacts[ch.channel] = {
      at: '2026-04-10T10:00:00+02:00',
      asked: 'Jak złożyć wniosek o dowód osobisty?',
      ticks: Object.fromEntries(ch.items.map((i) => [i.code, tick])),
    };
  }
  return content;
}

describe('sheet totals', () => {
  it('a sheet with every maximum and every checklist item met totals exactly maxTotal', () => {
    expect(
      sheetTotal(
        rubric,
        completeSheet(rubric, (max) => max),
      ).total,
    ).toBe(maxTotal(rubric));
  });

  it('weights multiply scores; channel points are derived from the ticks (met 1, partly ½, not met 0)', () => {
    const weighted: Rubric = {
      ...rubric,
      areas: [{ ...rubric.areas[0]!, criteria: rubric.areas[0]!.criteria.map((c) => ({ ...c, weight: 2 })) }],
    };
    const content = completeSheet(weighted, () => 3, 'partly');
    const total = sheetTotal(weighted, content);
    expect(total.criteria).toBe(3 * 2 * weighted.areas[0]!.criteria.length);
    const visit = weighted.mysteryShopper.channels.find((c) => c.channel === 'visit')!;
    expect(total.byChannel.visit).toBe(visit.items.reduce((s, i) => s + i.points / 2, 0));
    expect(channelPoints(weighted, 'visit', { ticks: {} })).toBe(0);
  });

  it('the total never exceeds the maximum and never goes below 0 (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 10 }), { minLength: 8, maxLength: 8 }),
        fc.array(fc.constantFrom(...tickValues), { minLength: 10, maxLength: 10 }),
        (scores, ticks) => {
          const content = emptySheetContent();
          rubricCriteria(rubric).forEach((c, i) => {
            content.scores[c.code] = Math.min(scores[i] ?? 0, c.maxPoints);
          });
          let t = 0;
          for (const ch of rubric.mysteryShopper.channels)
            content.contacts[ch.channel] = {
              ticks: Object.fromEntries(ch.items.map((it) => [it.code, ticks[t++ % 10]!])),
            };
          const total = sheetTotal(rubric, content).total;
          return total >= 0 && total <= maxTotal(rubric);
        },
      ),
    );
  });
});

describe('what a sheet may hold and must hold', () => {
  it('refuses scores outside 0…max or off the step, naming the criterion', () => {
    const content = emptySheetContent();
    content.scores['A1.1'] = 11;
    content.scores['A1.2'] = 2.5;
    content.scores['A9.9'] = 1;
    const problems = draftProblems(rubric, content);
    expect(problems['scores.A1.1']?.pl).toContain('0–10');
    expect(problems['scores.A1.2']?.pl).toContain('wielokrotnością 1');
    expect(problems['scores.A9.9']?.en).toContain('no criterion');
  });

  it('a complete sheet has no problems; submit names every missing score, justification and tick', () => {
    expect(
      submitProblems(
        rubric,
        completeSheet(rubric, () => 5),
        settings,
      ),
    ).toEqual({});
    const partial = completeSheet(rubric, () => 5);
    delete partial.scores['A2.1'];
    partial.areaJustifications.A3 = 'za krótko';
    partial.scores['A1.1'] = 10;
    delete partial.criterionJustifications['A1.1'];
    delete partial.contacts.phone;
    const problems = submitProblems(rubric, partial, settings);
    expect(Object.keys(problems).sort()).toEqual(
      [
        'areaJustifications.A3',
        'contacts.phone.at',
        'contacts.phone.ticks',
        'criterionJustifications.A1.1',
        'scores.A2.1',
      ].sort(),
    );
    expect(problems['areaJustifications.A3']?.pl).toContain('co najmniej 30 znaków (ma 9)');
    expect(problems['criterionJustifications.A1.1']?.pl).toContain('najwyższą');
  });

  it('the minimum justification length is the edition’s', () => {
    const content = completeSheet(rubric, () => 5);
    content.areaJustifications.A1 = 'Krótko, ale wystarczy.';
    expect(submitProblems(rubric, content, { ...settings, justificationMinLength: 10 })).toEqual({});
    expect(Object.keys(submitProblems(rubric, content, settings))).toEqual(['areaJustifications.A1']);
    // The count takes its Polish form (issue 16 §7): "1 znak", "2 znaki", "22 znaki", "25 znaków".
    content.areaJustifications.A1 = '';
    const limitText = (justificationMinLength: number) =>
      submitProblems(rubric, content, { ...settings, justificationMinLength })['areaJustifications.A1']?.pl;
    expect([1, 2, 22, 25].map((n) => limitText(n)?.match(/co najmniej (.*) \(ma 0\)/)?.[1])).toEqual([
      '1 znak',
      '2 znaki',
      '22 znaki',
      '25 znaków',
    ]);
  });
});

describe('disagreement detection (properties)', () => {
  const sheetArb = fc.array(fc.nat({ max: 10 }), { minLength: 8, maxLength: 8 }).map((scores) => {
    const content = emptySheetContent();
    rubricCriteria(rubric).forEach((c, i) => {
      content.scores[c.code] = scores[i] ?? 0;
    });
    return content;
  });

  it('does not depend on the order of the sheets', () => {
    const sheetsAndPermutation = fc
      .array(sheetArb, { minLength: 0, maxLength: 5 })
      .chain((sheets) =>
        fc.tuple(
          fc.constant(sheets),
          fc.shuffledSubarray(sheets, { minLength: sheets.length, maxLength: sheets.length }),
        ),
      );
    fc.assert(
      fc.property(sheetsAndPermutation, ([sheets, shuffled]) => {
        expect(disagreementOf(rubric, shuffled, settings)).toEqual(disagreementOf(rubric, sheets, settings));
      }),
    );
  });

  it('one sheet, or identical sheets, never disagree', () => {
    fc.assert(
      fc.property(sheetArb, fc.integer({ min: 1, max: 4 }), (sheet, n) => {
        expect(disagreementOf(rubric, [sheet], settings).flagged).toBe(false);
        expect(
          disagreementOf(
            rubric,
            Array.from({ length: n }, () => sheet),
            settings,
          ).flagged,
        ).toBe(false);
      }),
    );
  });

  it('flags exactly when totals differ by more than the threshold or a criterion by half its scale', () => {
    fc.assert(
      fc.property(
        fc.array(sheetArb, { minLength: 2, maxLength: 4 }),
        fc.integer({ min: 1, max: 100 }),
        (sheets, percent) => {
          const totals = sheets.map((s) => Object.values(s.scores).reduce((a, b) => a + b, 0));
          const byTotal = ((Math.max(...totals) - Math.min(...totals)) / maxTotal(rubric)) * 100 > percent + 1e-9;
          const byCriterion = rubricCriteria(rubric).some((c) => {
            const v = sheets.map((s) => s.scores[c.code]!);
            return Math.max(...v) - Math.min(...v) >= c.maxPoints / 2;
          });
          const found = disagreementOf(rubric, sheets, { disagreementPercent: percent });
          expect(found.flagged).toBe(byTotal || byCriterion);
          expect(found.criteria.filter((c) => c.flagged).length > 0).toBe(byCriterion);
        },
      ),
    );
  });

  it('names the spread per criterion', () => {
    const a = completeSheet(rubric, () => 8);
    const b = completeSheet(rubric, () => 8);
    b.scores['A1.1'] = 2;
    const found = disagreementOf(rubric, [a, b], settings);
    expect(found.flagged).toBe(true);
    expect(found.criteria.find((c) => c.code === 'A1.1')).toEqual({
      code: 'A1.1',
      min: 2,
      max: 8,
      spread: 6,
      scale: 10,
      flagged: true,
    });
  });
});

describe('progress and reminders', () => {
  const now = new Date('2026-05-20T12:00:00Z');
  it('counts per expert and per application; flagged pairs await replacement and are not expected', () => {
    const progress = scoringProgress(
      [
        { applicationId: 'a1', expertId: 'e1', flagged: false },
        { applicationId: 'a1', expertId: 'e2', flagged: false },
        { applicationId: 'a2', expertId: 'e1', flagged: false },
        { applicationId: 'a2', expertId: 'e3', flagged: true },
      ],
      [
        { applicationId: 'a1', expertId: 'e1', status: 'submitted' },
        { applicationId: 'a2', expertId: 'e1', status: 'draft' },
        { applicationId: 'a9', expertId: 'e1', status: 'submitted' },
      ],
      { now, deadline: '2026-05-01T00:00:00Z' },
    );
    expect(progress.experts).toEqual([
      { expertId: 'e1', assigned: 2, notStarted: 0, inProgress: 1, submitted: 1, overdue: 1 },
      { expertId: 'e2', assigned: 1, notStarted: 1, inProgress: 0, submitted: 0, overdue: 1 },
    ]);
    expect(progress.applications).toEqual([
      { applicationId: 'a1', expected: 2, submitted: 1, inProgress: 0, awaitingReplacement: 0 },
      { applicationId: 'a2', expected: 1, submitted: 0, inProgress: 1, awaitingReplacement: 1 },
    ]);
  });

  it('the due reminder is the most imminent point passed, then one after the deadline', () => {
    const deadline = '2026-06-01T00:00:00Z';
    const at = (iso: string) => dueReminder([7, 1], deadline, new Date(iso));
    expect(at('2026-05-20T00:00:00Z')).toBeNull();
    expect(at('2026-05-25T00:00:00Z')).toBe('before-7');
    expect(at('2026-05-31T00:00:00Z')).toBe('before-1');
    expect(at('2026-06-01T00:00:00Z')).toBe('after');
    expect(at('2026-07-01T00:00:00Z')).toBeNull();
  });
});

describe('scores export table', () => {
  it('shows Warsaw wall time across the DST change', async () => {
    const { warsawWallTime } = await import('../../shared/reviews/scores-table');
    expect(warsawWallTime('2026-03-01T10:00:00.000Z').toISOString()).toBe('2026-03-01T11:00:00.000Z');
    expect(warsawWallTime('2026-07-01T10:00:00.000Z').toISOString()).toBe('2026-07-01T12:00:00.000Z');
    expect(warsawWallTime('2026-03-29T01:30:00.000Z').toISOString()).toBe('2026-03-29T03:30:00.000Z');
  });
});

describe('Polish plural of unsubmitted drafts', () => {
  it('uses the three forms', async () => {
    const { draftsPl } = await import('../../shared/editions/update-edition-settings');
    expect([1, 2, 4, 5, 12, 22, 25].map(draftsPl)).toEqual([
      '1 zgłoszenie nie zostało złożone',
      '2 zgłoszenia nie zostały złożone',
      '4 zgłoszenia nie zostały złożone',
      '5 zgłoszeń nie zostało złożonych',
      '12 zgłoszeń nie zostało złożonych',
      '22 zgłoszenia nie zostały złożone',
      '25 zgłoszeń nie zostało złożonych',
    ]);
  });
});
