import type { SliceFigures, SurveyResults } from './get-survey-results';
import { type ContactChannel, type ContactMatter, type SurveyComment, standardAspects } from './survey';

/**
 * The results workbook's sheets (issue 18 §3), pure: Polish headers and labels (the web's
 * `survey.*` words), numbers as numbers, a figure hidden on the page left empty here with the reason
 * in its row — the same suppression as the page, because the figures are the page's own.
 */
export const aspectLabels: Record<(typeof standardAspects)[number], string> = {
  waiting: 'Czas oczekiwania na obsługę',
  usefulness: 'Przydatność uzyskanych informacji',
  engagement: 'Zaangażowanie pracownika',
};
export const matterLabels: Record<ContactMatter, string> = {
  civil_registry: 'Dowody, meldunki, urząd stanu cywilnego',
  taxes_fees: 'Podatki i opłaty lokalne',
  social_support: 'Świadczenia i pomoc społeczna',
  construction: 'Budownictwo i planowanie przestrzenne',
  transport: 'Rejestracja pojazdów, prawo jazdy',
  environment: 'Odpady i ochrona środowiska',
  business: 'Działalność gospodarcza',
  other: 'Inna sprawa',
};
export const channelLabels: Record<ContactChannel, string> = {
  in_person: 'Osobiście w urzędzie',
  phone: 'Telefonicznie',
  email: 'E-mailem',
  online: 'Przez internet (e-usługi)',
  letter: 'Listownie',
};

export type WorkbookCell = string | number | null;
export interface WorkbookSheet {
  name: string;
  header: string[];
  rows: WorkbookCell[][];
  /** Excel number formats by column index (percentages, the mean). */
  formats: Record<number, string>;
  /** Column index of the note that explains an empty (hidden) figure, if the sheet has one. */
  noteColumn?: number;
  /** Column index of the row's n (where the note is attached as a cell note). */
  countColumn?: number;
}

const figureHeader = [
  'Pytanie',
  'Odpowiedzi (n)',
  'Średnia (1–5)',
  'Zadowoleni (4–5)',
  'Przedział ufności 95% — od',
  'Przedział ufności 95% — do',
  'Oceny 1',
  'Oceny 2',
  'Oceny 3',
  'Oceny 4',
  'Oceny 5',
  'Uwagi',
];
export const SHEET_NAMES = ['Ogółem', 'Miesiące', 'Sprawy', 'Kanały', 'Komentarze'] as const;

const hiddenNote = (min: number) =>
  `Ukryte: mniej niż ${min} odpowiedzi albo dałoby się je wyliczyć z sumy i pozostałych wierszy`;

function figureRows(results: SurveyResults, slice: SliceFigures, lead: WorkbookCell[]): WorkbookCell[][] {
  const questions = [
    ...standardAspects.map((id) => ({ id, label: aspectLabels[id] })),
    ...results.survey.ownQuestions.map((q) => ({ id: q.id, label: q.text.pl })),
  ];
  return questions.map((q) => {
    const f = slice.questions[q.id];
    if (!f?.shown)
      return [
        ...lead,
        q.label,
        f?.n ?? 0,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        hiddenNote(results.minAnswers),
      ];
    return [...lead, q.label, f.n, f.mean, f.satisfied, f.interval.low, f.interval.high, ...f.distribution, null];
  });
}

function figureSheet(name: string, leadHeader: string[], rows: WorkbookCell[][]): WorkbookSheet {
  const offset = leadHeader.length;
  return {
    name,
    header: [...leadHeader, ...figureHeader],
    rows,
    formats: { [offset + 2]: '0.00', [offset + 3]: '0.0%', [offset + 4]: '0.0%', [offset + 5]: '0.0%' },
    noteColumn: offset + figureHeader.length - 1,
    countColumn: offset + 1,
  };
}

export function surveyWorkbookSheets(results: SurveyResults, comments: SurveyComment[] | null): WorkbookSheet[] {
  const [overall, months, matters, channels, commentSheet] = SHEET_NAMES;
  return [
    figureSheet(overall, [], figureRows(results, results.all, [])),
    figureSheet(
      months,
      ['Miesiąc'],
      results.months.flatMap((m) => figureRows(results, m, [m.month])),
    ),
    figureSheet(
      matters,
      ['Sprawa'],
      results.matters.flatMap((m) => figureRows(results, m, [matterLabels[m.matter as ContactMatter] ?? m.matter])),
    ),
    figureSheet(
      channels,
      ['Kanał'],
      results.channels.flatMap((c) =>
        figureRows(results, c, [channelLabels[c.channel as ContactChannel] ?? c.channel]),
      ),
    ),
    {
      name: commentSheet,
      header: ['Dzień', 'Sprawa', 'Kanał', 'Komentarz'],
      rows: comments
        ? comments.map((c) => [
            c.answeredOn,
            c.matter ? matterLabels[c.matter] : null,
            c.channel ? channelLabels[c.channel] : null,
            c.comment,
          ])
        : [
            [
              null,
              null,
              null,
              `Komentarze nie są pokazywane, dopóki ankieta ma mniej niż ${results.minAnswers} odpowiedzi`,
            ],
          ],
      formats: {},
    },
  ];
}
