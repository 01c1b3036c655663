import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ApplicationHeader, Attachment } from '../../shared/applications/application';
import { type Edition, newEdition } from '../../shared/editions/edition';
import { sampleQuestionnaire, sampleRubric, sampleSettings } from '../../shared/editions/sample-edition';
import { exportLabels } from '../../shared/exports/export-labels';
import { exportTable, toCsv, type ExportSource } from '../../shared/exports/export-table';
import { columnWidths, wallTimeText, warsawWallTime } from '../../shared/exports/spreadsheet';
import { xlsxWorkbook } from '../../shared/exports/xlsx';
import { folderName, questionFolders } from '../../shared/exports/zip-names';
import { applicationStatuses } from '../../shared/applications/application';
import { headcountBrackets, institutionTypes } from '../../shared/institutions/institution';
import { feeCsv, feeRows } from '../../shared/results/fee-list';
import { laureateResult } from '../support/results-fixtures';
import { parseCsv } from '../support/csv';

/**
 * Exports a Polish office opens in Excel (issue 16 §1): Polish headers and value labels (English when
 * asked in English), Warsaw wall time, CSV with a BOM, `;` and CRLF, XLSX with real dates and numbers.
 */
const now = new Date('2026-03-01T10:00:00Z');
const edition = (): Edition => ({
  ...newEdition(sampleSettings(now), { editionId: 'E1', now: now.toISOString() }),
  state: 'open',
  rubric: sampleRubric(),
  questionnaire: sampleQuestionnaire(),
});

const header = (overrides: Partial<ApplicationHeader> = {}): ApplicationHeader => ({
  applicationId: 'A1',
  editionId: 'E1',
  institutionId: 'I1',
  institution: {
    name: 'Urząd Gminy; "Żabno"',
    nip: '5260250274',
    type: 'municipal_office',
    voivodeship: 'małopolskie',
    headcount: '41-100',
  },
  status: 'accepted',
  createdAt: '2026-02-01T09:00:00.000Z',
  createdBy: 'U1',
  updatedAt: '2026-03-01T10:00:00.000Z',
  // 10:00 UTC is 11:00 in Warsaw (CET, winter).
  submittedAt: '2026-03-01T10:00:00.000Z',
  version: 3,
  ...overrides,
});

const pdf: Attachment = {
  attachmentId: 'F1',
  questionId: 'documents_standards',
  fileName: 'standardy.pdf',
  size: 10,
  contentType: 'application/pdf',
  status: 'ready',
  createdAt: '2026-02-02T09:00:00.000Z',
};

const source = (overrides: Partial<ApplicationHeader> = {}): ExportSource => ({
  header: header(overrides),
  answers: {
    standards: {
      standards_written: true,
      standards_description: 'Linia 1\nLinia 2; z „cudzysłowem” i "prostym"',
      standards_channels: ['office', 'epuap'],
    },
    quality: { quality_system: 'caf', quality_survey_year: '2025-11-14', quality_satisfied: 87.5 },
    staff: { staff_trainings: 4, staff_contact: '=HYPERLINK("http://evil")' },
  },
  attachments: [pdf],
});

/** Every code a value column could leak: institution types, statuses, brackets, option values, question ids. */
const codes = [
  ...institutionTypes,
  ...applicationStatuses,
  ...headcountBrackets,
  'office',
  'epuap',
  'caf',
  'true',
  'false',
  'documents_standards',
  'standards_written',
];

describe('the applications CSV', () => {
  const csv = toCsv(exportTable(edition(), [source(), source({ applicationId: 'A2', status: 'submitted' })]));
  const records = parseCsv(csv);

  it('starts with a UTF-8 BOM, separates with `;`, ends every record with CRLF', () => {
    expect(csv.startsWith('\uFEFFNumer zgłoszenia;Instytucja;NIP;Rodzaj instytucji;')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(records).toHaveLength(3);
    expect(records.every((r) => r.length === records[0]!.length)).toBe(true);
  });

  it('has Polish headers, question labels instead of ids', () => {
    const [head] = records;
    expect(head!.slice(0, 8)).toEqual([
      'Numer zgłoszenia',
      'Instytucja',
      'NIP',
      'Rodzaj instytucji',
      'Województwo',
      'Liczba pracowników',
      'Status zgłoszenia',
      'Złożono (czas polski)',
    ]);
    expect(head).toContain('Czy urząd ma spisane standardy obsługi klienta?');
    expect(head!.join(';')).not.toMatch(/standards_|documents_|applicationId|submittedAt/);
  });

  it('labels every coded value as the web does, Warsaw time, Polish decimals; no English code anywhere in a value', () => {
    const row = Object.fromEntries(records[0]!.map((h, i) => [h, records[1]![i]]));
    expect(row).toMatchObject({
      Instytucja: 'Urząd Gminy; "Żabno"',
      'Rodzaj instytucji': 'Urząd gminy / miasta',
      Województwo: 'małopolskie',
      'Liczba pracowników': '41–100 osób',
      'Status zgłoszenia': 'przyjęte formalnie',
      'Złożono (czas polski)': '2026-03-01 11:00',
      'Czy urząd ma spisane standardy obsługi klienta?': 'tak',
      'Którymi kanałami można załatwić sprawę?': 'W urzędzie; ePUAP',
      'System zarządzania jakością': 'CAF',
      'Data ostatniego badania satysfakcji klientów': '2025-11-14',
      'Odsetek zadowolonych klientów w ostatnim badaniu (%)': '87,5',
      'Liczba szkoleń z obsługi klienta w ostatnim roku': '4',
      'Opisz standardy obsługi i sposób ich wdrożenia': 'Linia 1\nLinia 2; z „cudzysłowem” i "prostym"',
      'Osoba odpowiedzialna za jakość obsługi': `'=HYPERLINK("http://evil")`,
      'Dokument ze standardami obsługi (PDF)': 'standardy.pdf',
    });
    expect(records[2]![6]).toBe('złożone');
    for (const record of records.slice(1))
      for (const value of record.slice(1)) expect(codes, `value "${value}"`).not.toContain(value);
  });

  it('is English when the organizer asked in English', () => {
    const [head, row] = parseCsv(toCsv(exportTable(edition(), [source()], 'en'), 'en'));
    const values = Object.fromEntries(head!.map((h, i) => [h, row![i]]));
    expect(values).toMatchObject({
      'Institution type': 'Municipal or town office',
      'Application status': 'formally accepted',
      Headcount: '41–100 people',
      'Submitted (Polish time)': '2026-03-01 11:00',
      'Does the office have written customer-service standards?': 'yes',
      'Through which channels can matters be handled?': 'In the office; ePUAP',
      'Share of satisfied customers in the last survey (%)': '87.5',
    });
  });

  it('quotes per RFC 4180 with `;`: a field with `;`, `"` or a line break, quotes doubled; a comma alone is not quoted', () => {
    const text = toCsv({ header: ['a', 'b', 'c', 'd'], rows: [['x;y', 'say "hi"', 'l1\r\nl2', 'a,b']] });
    expect(text.split('\r\n').slice(1).join('\r\n')).toBe('"x;y";"say ""hi""";"l1\r\nl2";a,b\r\n');
  });
});

describe('Warsaw wall time', () => {
  it('winter and summer offsets, written as a clerk reads the clock', () => {
    expect(wallTimeText(warsawWallTime('2026-03-01T10:00:00.000Z'))).toBe('2026-03-01 11:00');
    expect(wallTimeText(warsawWallTime('2026-07-01T10:00:00.000Z'))).toBe('2026-07-01 12:00');
    expect(wallTimeText(warsawWallTime('2026-12-31T23:30:00.000Z'))).toBe('2027-01-01 00:30');
  });
});

describe('the applications XLSX', () => {
  it('has a Date cell with a date format, numbers as numbers, a bold frozen header and widths that fit', async () => {
    const table = exportTable(edition(), [source()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      (await xlsxWorkbook({ name: exportLabels.pl.applications.sheet, ...table })).buffer as ArrayBuffer,
    );
    const sheet = book.getWorksheet('Zgłoszenia')!;
    const heads = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const at = (title: string) => sheet.getRow(2).getCell(heads.indexOf(title) + 1);
    const submitted = at('Złożono (czas polski)');
    expect(submitted.value).toBeInstanceOf(Date);
    expect((submitted.value as Date).toISOString()).toBe('2026-03-01T11:00:00.000Z');
    expect(submitted.numFmt).toBe('yyyy-mm-dd hh:mm');
    // A date question's answer is a date cell too, formatted as a day (issue 16: "XLSX date cells are dates").
    const surveyed = at('Data ostatniego badania satysfakcji klientów');
    expect(surveyed.value).toBeInstanceOf(Date);
    expect((surveyed.value as Date).toISOString()).toBe('2025-11-14T00:00:00.000Z');
    expect(surveyed.numFmt).toBe('yyyy-mm-dd');
    expect(at('Liczba szkoleń z obsługi klienta w ostatnim roku').value).toBe(4);
    expect(at('Odsetek zadowolonych klientów w ostatnim badaniu (%)').value).toBe(87.5);
    expect(at('Rodzaj instytucji').value).toBe('Urząd gminy / miasta');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(1).width).toBeLessThan(sheet.getColumn(2).width!);
    expect(Math.max(...columnWidths(table.header, table.rows))).toBeLessThanOrEqual(60);
  });
});

describe('the attachments ZIP folder names', () => {
  it('are the questions’ titles in the organizer’s language, filename-safe', () => {
    expect([...questionFolders(edition(), 'pl').values()]).toEqual([
      'Dokument ze standardami obsługi (PDF)',
      'Inne materiały (PDF, zdjęcia)',
    ]);
    expect(questionFolders(edition(), 'en').get('documents_standards')).toBe('The service standards document (PDF)');
    expect(folderName('Plan / harmonogram: "2026"? <wersja>|a*b.  ')).toBe('Plan _ harmonogram_ _2026__ _wersja__a_b');
    expect(folderName('x'.repeat(300))).toHaveLength(100);
    expect(folderName('\u202E...')).toBe('_');
  });

  it('two questions with the same title get numbered folders, so their files never mix', () => {
    const e = edition();
    const docs = e.questionnaire.sections[3]!;
    docs.questions[1] = { ...docs.questions[1]!, label: { ...docs.questions[0]!.label } };
    expect([...questionFolders(e, 'pl').values()]).toEqual([
      'Dokument ze standardami obsługi (PDF)',
      'Dokument ze standardami obsługi (PDF) (2)',
    ]);
  });
});

describe('the fee list in English', () => {
  it('English headers, yes/no, point decimals; still `;` and a BOM', () => {
    const rows = feeRows([laureateResult('a', 'Urząd Gminy Nowa', { bracket: '201+', returning: true })], 'en');
    const [head, row] = parseCsv(feeCsv(rows, 'en'));
    expect(head![0]).toBe('Institution');
    expect(row![3]).toBe('more than 200');
    expect(row!.at(-1)).toBe('yes');
    expect(row![5]).toMatch(/^\d+\.\d\d$/);
  });
});

describe('the scores workbook’s words', () => {
  it('Polish by default, English when asked; criterion names in that language', async () => {
    const { scoresTable } = await import('../../shared/reviews/scores-table');
    const names = { institution: (id: string) => id, expert: (id: string) => id };
    const pl = scoresTable(sampleRubric(), [], names).header;
    const en = scoresTable(sampleRubric(), [], names, 'en').header;
    expect(pl.slice(0, 4)).toEqual(['Instytucja', 'Ekspert', 'Status karty', 'Złożono (czas polski)']);
    expect(en.slice(0, 4)).toEqual(['Institution', 'Expert', 'Sheet status', 'Submitted (Polish time)']);
    expect(en).toContain('Mystery shopper: visit');
    expect(en.at(-1)).toBe('% of maximum');
  });
});
