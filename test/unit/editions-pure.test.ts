import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { submissionWindow, searchKey } from '../../shared/applications/application';
import { sniffFileKind, safeFileName } from '../../shared/applications/file-type';
import { exportTable, toCsv } from '../../shared/exports/export-table';
import { newEdition, nextState, transitionProblems, type Edition } from '../../shared/editions/edition';
import {
  answerProblem,
  progress,
  questionnaireProblems,
  submissionProblems,
  type Question,
} from '../../shared/editions/questionnaire';
import { maxTotal, rubricProblems } from '../../shared/editions/rubric';
import { sampleQuestionnaire, sampleRubric, sampleSettings } from '../../shared/editions/sample-edition';
import { tinyPdf } from '../../infra/local/demo-edition';

const now = new Date('2026-03-01T10:00:00Z');
const edition = (): Edition => ({
  ...newEdition(sampleSettings(now), { editionId: 'E1', now: now.toISOString() }),
  state: 'open',
  rubric: sampleRubric(),
  questionnaire: sampleQuestionnaire(),
});

describe('rubric and questionnaire definitions', () => {
  it('the maximum is derived: Σ max × weight plus enabled mystery-shopper points', () => {
    expect(maxTotal(sampleRubric())).toBe(80 + 25);
    expect(maxTotal({ ...sampleRubric(), mysteryShopper: { ...sampleRubric().mysteryShopper, enabled: false } })).toBe(
      80,
    );
    const r = sampleRubric();
    r.areas[0]!.criteria[0]!.weight = 1.5;
    expect(maxTotal(r)).toBe(110);
  });

  it('the sample definitions are valid; duplicates and bad steps are named by path', () => {
    expect(rubricProblems(sampleRubric())).toEqual({});
    expect(questionnaireProblems(sampleQuestionnaire())).toEqual({});
    const r = sampleRubric();
    r.areas[1]!.criteria[0]!.code = 'A1.1';
    r.areas[0]!.criteria[1]!.step = 0.5;
    r.areas[0]!.criteria[1]!.maxPoints = 2.25;
    expect(Object.keys(rubricProblems(r)).sort()).toEqual(['areas.0.criteria.1.maxPoints', 'areas.1.criteria.0.code']);
  });

  it('a question refuses every value of the wrong type (property)', () => {
    const q: Question = { id: 'n', type: 'number', label: { pl: 'Liczba' }, required: true, min: 0, max: 10 };
    fc.assert(
      fc.property(fc.anything(), (v) => {
        const ok = typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 10;
        expect(answerProblem(q, v) === null).toBe(ok);
      }),
    );
    const text: Question = { id: 't', type: 'longText', label: { pl: 'Opis' }, required: true, maxLength: 20 };
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (v) => {
        expect(answerProblem(text, v) === null).toBe([...v].length <= 20);
      }),
    );
  });

  it('progress and submission problems agree: complete exactly when nothing is missing', () => {
    const q = sampleQuestionnaire();
    const answers = {
      standards: { standards_written: true, standards_description: 'x', standards_channels: ['office'] },
      quality: { quality_system: 'caf' },
      staff: { staff_trainings: 1, staff_contact: 'y' },
    };
    expect(submissionProblems(q, answers, {}).map((p) => p.questionId)).toEqual(['documents_standards']);
    expect(progress(q, answers, {}).map((s) => s.complete)).toEqual([true, true, true, false]);
    expect(submissionProblems(q, answers, { documents_standards: 1 })).toEqual([]);
  });
});

describe('edition states and the submission window', () => {
  it('states go only forward, one at a time; opening needs a rubric, a questionnaire and a future deadline', () => {
    expect(nextState('draft')).toBe('open');
    expect(nextState('archived')).toBeNull();
    const e = { ...edition(), state: 'draft' as const };
    expect(transitionProblems(e, 'open', now)).toEqual([]);
    expect(transitionProblems(e, 'review', now)).toHaveLength(1);
    expect(
      transitionProblems(
        { ...e, rubric: { areas: [], mysteryShopper: { enabled: false, channels: [] } } },
        'open',
        now,
      ),
    ).toHaveLength(1);
  });

  it('the deadline is exclusive, an extension moves it for one institution, a returned application has its own (property)', () => {
    const e = edition();
    const close = Date.parse(e.timeline.applicationsClose);
    fc.assert(
      fc.property(
        fc.integer({ min: -5 * 86400, max: 5 * 86400 }),
        fc.option(fc.integer({ min: 1, max: 3 * 86400 })),
        (offset, ext) => {
          const at = new Date(close + offset * 1000);
          const extension = ext === null ? null : { until: new Date(close + ext * 1000).toISOString() };
          const open = submissionWindow(e, { status: 'draft' }, extension, at).open;
          const limit = extension ? close + (ext ?? 0) * 1000 : close;
          expect(open).toBe(at.getTime() < limit && at.getTime() >= Date.parse(e.timeline.applicationsOpen));
        },
      ),
    );
    const returned = submissionWindow(
      { ...e, state: 'review' },
      {
        status: 'returned',
        correction: { message: 'm', deadline: new Date(close + 86400_000).toISOString(), returnedAt: '' },
      },
      null,
      new Date(close + 3600_000),
    );
    expect(returned.open).toBe(true);
    const late = submissionWindow(e, { status: 'draft' }, null, new Date(close));
    expect(late.open ? '' : late.reason.pl).toMatch(/^Termin minął /);
  });
});

describe('files and exports', () => {
  it('file kinds come from the content, never the name', () => {
    expect(sniffFileKind(tinyPdf('x'))).toBe('pdf');
    expect(sniffFileKind(new Uint8Array([0x4d, 0x5a, 0x90, 0]))).toBeNull();
    expect(sniffFileKind(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('png');
    expect(
      sniffFileKind(
        new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('[Content_Types].xml word/document.xml')]),
      ),
    ).toBe('docx');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('a\u0000"b.pdf')).toBe('ab.pdf');
    // Cut to 200 characters in the stem: the extension, which says what the file is, stays.
    const long = `${'Sprawozdanie z badania satysfakcji '.repeat(10)}.pdf`;
    expect(safeFileName(long)).toHaveLength(200);
    expect(safeFileName(long).endsWith('.pdf')).toBe(true);
    expect(safeFileName(`${'ą'.repeat(300)}.docx`)).toBe(`${'ą'.repeat(195)}.docx`);
    // Text-direction overrides are dropped ("faktura\u202Efdp.exe" would show as "fakturaexe.pdf").
    expect(safeFileName('faktura\u202Efdp.exe')).toBe('fakturafdp.exe');
  });

  it('search keys fold Polish letters; CSV cells that a spreadsheet would run are defused', () => {
    expect(searchKey('  Urząd   ŁÓDŹ ')).toBe('urzad lodz');
    const table = exportTable(edition(), []);
    const csv = toCsv({ header: table.header, rows: [['=1+1', '+48 22', '-x', '@SUM', 'a,b', 'ok']] });
    expect(csv.split('\r\n')[1]).toBe(`'=1+1;'+48 22;'-x;'@SUM;a,b;ok`);
  });
});
