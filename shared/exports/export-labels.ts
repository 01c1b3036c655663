import type { ApplicationStatus } from '../applications/application';
import type { HeadcountBracket, InstitutionType } from '../institutions/institution';
import type { Language } from '../language';

/**
 * The words of every export (issue 16 §1), in the language the organizer asked in: column headers
 * and the labels of coded values, the same ones the web shows (web/src/locales: `institutionType.*`,
 * `headcount.*`, `application.status.*`, `scoring.review.channel.*`), so a clerk's spreadsheet
 * never holds a code like `municipal_office`. Pure.
 */
export interface ExportLabels {
  yes: string;
  no: string;
  institutionType: Record<InstitutionType, string>;
  applicationStatus: Record<ApplicationStatus, string>;
  headcount: Record<HeadcountBracket, string>;
  /** The applications export (CSV / XLSX), before the questionnaire's own columns. */
  applications: {
    sheet: string;
    applicationId: string;
    institution: string;
    nip: string;
    type: string;
    voivodeship: string;
    headcount: string;
    status: string;
    submittedAt: string;
  };
  /** The attachments ZIP: a file whose question is no longer in the questionnaire. */
  otherFiles: string;
  /** Shown on the organizer's exports list when the worker could not build the file. */
  failed: string;
  scores: {
    sheet: string;
    institution: string;
    expert: string;
    sheetStatus: string;
    submittedAt: string;
    status: { draft: string; submitted: string };
    mysteryShopper: string;
    channel: Record<string, string>;
    total: string;
    percent: string;
  };
  fees: {
    sheet: string;
    header: readonly string[];
    /** A fee bracket as a column value (the header already says "headcount"). */
    bracket: (bracket: HeadcountBracket) => string;
  };
}

const pl: ExportLabels = {
  yes: 'tak',
  no: 'nie',
  institutionType: {
    municipal_office: 'Urząd gminy / miasta',
    county_office: 'Starostwo powiatowe',
    voivodeship_office: 'Urząd wojewódzki',
    tax_office: 'Urząd skarbowy',
    labour_office: 'Urząd pracy',
    social_welfare_centre: 'Ośrodek pomocy społecznej',
    zus: 'Oddział ZUS',
    municipal_company: 'Spółka komunalna',
    other: 'Inna instytucja publiczna',
  },
  applicationStatus: {
    draft: 'wersja robocza',
    submitted: 'złożone',
    returned: 'zwrócone do poprawy',
    accepted: 'przyjęte formalnie',
    rejected: 'odrzucone',
    withdrawn: 'wycofane',
  },
  headcount: {
    '0-20': 'do 20 osób',
    '21-40': '21–40 osób',
    '41-100': '41–100 osób',
    '101-150': '101–150 osób',
    '151-200': '151–200 osób',
    '201+': 'ponad 200 osób',
  },
  applications: {
    sheet: 'Zgłoszenia',
    applicationId: 'Numer zgłoszenia',
    institution: 'Instytucja',
    nip: 'NIP',
    type: 'Rodzaj instytucji',
    voivodeship: 'Województwo',
    headcount: 'Liczba pracowników',
    status: 'Status zgłoszenia',
    submittedAt: 'Złożono (czas polski)',
  },
  otherFiles: 'Inne pliki',
  failed:
    'Nie udało się przygotować pliku. Proszę zlecić eksport ponownie; jeśli błąd się powtórzy, szczegóły są w dzienniku procesu eksportów.',
  scores: {
    sheet: 'Oceny',
    institution: 'Instytucja',
    expert: 'Ekspert',
    sheetStatus: 'Status karty',
    submittedAt: 'Złożono (czas polski)',
    status: { draft: 'szkic', submitted: 'złożona' },
    mysteryShopper: 'Tajemniczy klient',
    channel: {
      visit: 'wizyta',
      phone: 'telefon',
      email: 'e-mail',
      socialMedia: 'media społecznościowe',
      website: 'strona internetowa',
    },
    total: 'Suma punktów',
    percent: '% maksimum',
  },
  fees: {
    sheet: 'Opłaty',
    header: [
      'Instytucja',
      'NIP',
      'Miejscowość',
      'Liczba pracowników',
      'Kategoria',
      'Opłata wg cennika netto (zł)',
      'Rabat (%)',
      'Rabat (zł)',
      'Netto (zł)',
      'VAT 23% (zł)',
      'Brutto (zł)',
      'Laureat poprzedniej edycji',
    ],
    bracket: (b) => (b === '201+' ? 'powyżej 200' : b.replace('-', '–')),
  },
};

const en: ExportLabels = {
  yes: 'yes',
  no: 'no',
  institutionType: {
    municipal_office: 'Municipal or town office',
    county_office: 'County office (starostwo)',
    voivodeship_office: 'Voivodeship office',
    tax_office: 'Tax office',
    labour_office: 'Labour office',
    social_welfare_centre: 'Social welfare centre',
    zus: 'Social Insurance Institution (ZUS) branch',
    municipal_company: 'Municipal company',
    other: 'Other public institution',
  },
  applicationStatus: {
    draft: 'draft',
    submitted: 'submitted',
    returned: 'returned for correction',
    accepted: 'formally accepted',
    rejected: 'rejected',
    withdrawn: 'withdrawn',
  },
  headcount: {
    '0-20': 'up to 20 people',
    '21-40': '21–40 people',
    '41-100': '41–100 people',
    '101-150': '101–150 people',
    '151-200': '151–200 people',
    '201+': 'more than 200 people',
  },
  applications: {
    sheet: 'Applications',
    applicationId: 'Application number',
    institution: 'Institution',
    nip: 'NIP (tax id)',
    type: 'Institution type',
    voivodeship: 'Voivodeship',
    headcount: 'Headcount',
    status: 'Application status',
    submittedAt: 'Submitted (Polish time)',
  },
  otherFiles: 'Other files',
  failed:
    'The file could not be prepared. Please request the export again; if it fails again, the export worker’s log has the details.',
  scores: {
    sheet: 'Scores',
    institution: 'Institution',
    expert: 'Expert',
    sheetStatus: 'Sheet status',
    submittedAt: 'Submitted (Polish time)',
    status: { draft: 'draft', submitted: 'submitted' },
    mysteryShopper: 'Mystery shopper',
    channel: { visit: 'visit', phone: 'phone', email: 'e-mail', socialMedia: 'social media', website: 'website' },
    total: 'Total points',
    percent: '% of maximum',
  },
  fees: {
    sheet: 'Fees',
    header: [
      'Institution',
      'NIP (tax id)',
      'Town',
      'Headcount',
      'Category',
      'List fee, net (PLN)',
      'Discount (%)',
      'Discount (PLN)',
      'Net (PLN)',
      'VAT 23% (PLN)',
      'Gross (PLN)',
      'Laureate of the previous edition',
    ],
    bracket: (b) => (b === '201+' ? 'more than 200' : b.replace('-', '–')),
  },
};

export const exportLabels: Record<Language, ExportLabels> = { pl, en };
