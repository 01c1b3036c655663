import type { EditionSettings } from './edition';
import { defaultFees } from './edition';
import type { Questionnaire } from './questionnaire';
import type { Rubric } from './rubric';

/**
 * A realistic edition: the five evaluation areas the real chapter uses (DESIGN.md §2), mystery-shopper
 * checklists, and a questionnaire in the shape of the real "kwestionariusz konkursowy". Used by the
 * local demo seed and as the tests' fixture.
 */
const area = (code: string, pl: string, en: string, criteria: [string, string, string, number][]) => ({
  code,
  name: { pl, en },
  criteria: criteria.map(([c, cpl, cen, maxPoints]) => ({
    code: c,
    name: { pl: cpl, en: cen },
    maxPoints,
    step: 1 as const,
    weight: 1,
  })),
});

export const sampleRubric = (): Rubric => ({
  areas: [
    area('A1', 'Standardy obsługi klienta', 'Customer-service standards', [
      ['A1.1', 'Spisane standardy obsługi i ich stosowanie', 'Written service standards and their use', 10],
      ['A1.2', 'Dostępność dla osób z niepełnosprawnościami', 'Accessibility for people with disabilities', 10],
    ]),
    area('A2', 'Standardy polityki jakości', 'Quality-policy standards', [
      ['A2.1', 'System zarządzania jakością (np. ISO 9001, CAF)', 'Quality management system (e.g. ISO 9001, CAF)', 10],
      [
        'A2.2',
        'Badanie satysfakcji klientów i wykorzystanie wyników',
        'Customer satisfaction surveys and their use',
        10,
      ],
    ]),
    area('A3', 'Kompetencje kadr obsługujących klientów', 'Competences of client-facing staff', [
      ['A3.1', 'Szkolenia z obsługi klienta', 'Customer-service training', 10],
    ]),
    area(
      'A4',
      'Komunikacja z otoczeniem wewnętrznym i zewnętrznym',
      'Communication with the internal and external environment',
      [
        [
          'A4.1',
          'Kanały informacji i konsultacji z mieszkańcami',
          'Information and consultation channels with residents',
          10,
        ],
        ['A4.2', 'Strona internetowa i media społecznościowe', 'Website and social media', 10],
      ],
    ),
    area('A5', 'Metody i strategie zarządzania', 'Management methods and strategies', [
      ['A5.1', 'Strategia rozwoju usług i jej monitorowanie', 'Service development strategy and its monitoring', 10],
    ]),
  ],
  mysteryShopper: {
    enabled: true,
    channels: [
      {
        channel: 'visit',
        items: [
          { code: 'V1', label: { pl: 'Kultura obsługi przy wizycie', en: 'Courtesy during the visit' }, points: 5 },
          {
            code: 'V2',
            label: { pl: 'Oznakowanie i informacja w budynku', en: 'Signage and information in the building' },
            points: 5,
          },
        ],
      },
      {
        channel: 'phone',
        items: [
          {
            code: 'P1',
            label: {
              pl: 'Dodzwonienie się i przedstawienie się urzędnika',
              en: 'Getting through and the clerk introducing themselves',
            },
            points: 5,
          },
        ],
      },
      {
        channel: 'email',
        items: [
          {
            code: 'E1',
            label: {
              pl: 'Odpowiedź na e-mail w ciągu 3 dni roboczych',
              en: 'Reply to an e-mail within 3 working days',
            },
            points: 5,
          },
        ],
      },
      {
        channel: 'website',
        items: [
          {
            code: 'W1',
            label: { pl: 'Dostępność informacji na stronie', en: 'Availability of information on the website' },
            points: 5,
          },
        ],
      },
    ],
  },
});

export const sampleQuestionnaire = (): Questionnaire => ({
  sections: [
    {
      id: 'standards',
      title: { pl: 'Standardy obsługi klienta', en: 'Customer-service standards' },
      questions: [
        {
          id: 'standards_written',
          type: 'yesNo',
          label: {
            pl: 'Czy urząd ma spisane standardy obsługi klienta?',
            en: 'Does the office have written customer-service standards?',
          },
          required: true,
        },
        {
          id: 'standards_description',
          type: 'longText',
          label: {
            pl: 'Opisz standardy obsługi i sposób ich wdrożenia',
            en: 'Describe the service standards and how they are applied',
          },
          help: {
            pl: 'Np. czas oczekiwania, identyfikatory, sposób przyjmowania skarg.',
            en: 'E.g. waiting times, name badges, how complaints are handled.',
          },
          required: true,
          maxLength: 3000,
        },
        {
          id: 'standards_channels',
          type: 'multipleChoice',
          label: {
            pl: 'Którymi kanałami można załatwić sprawę?',
            en: 'Through which channels can matters be handled?',
          },
          required: true,
          options: [
            { value: 'office', label: { pl: 'W urzędzie', en: 'In the office' } },
            { value: 'phone', label: { pl: 'Telefonicznie', en: 'By phone' } },
            { value: 'epuap', label: { pl: 'ePUAP', en: 'ePUAP' } },
            { value: 'email', label: { pl: 'E-mailem', en: 'By e-mail' } },
          ],
        },
      ],
    },
    {
      id: 'quality',
      title: { pl: 'Polityka jakości', en: 'Quality policy' },
      questions: [
        {
          id: 'quality_system',
          type: 'singleChoice',
          label: { pl: 'System zarządzania jakością', en: 'Quality management system' },
          required: true,
          options: [
            { value: 'iso9001', label: { pl: 'ISO 9001', en: 'ISO 9001' } },
            { value: 'caf', label: { pl: 'CAF', en: 'CAF' } },
            { value: 'none', label: { pl: 'Brak', en: 'None' } },
          ],
        },
        {
          id: 'quality_survey_year',
          type: 'date',
          label: {
            pl: 'Data ostatniego badania satysfakcji klientów',
            en: 'Date of the last customer satisfaction survey',
          },
          required: false,
        },
        {
          id: 'quality_satisfied',
          type: 'number',
          label: {
            pl: 'Odsetek zadowolonych klientów w ostatnim badaniu (%)',
            en: 'Share of satisfied customers in the last survey (%)',
          },
          required: false,
          min: 0,
          max: 100,
        },
        {
          id: 'quality_survey_results',
          type: 'surveyResults',
          label: {
            pl: 'Wyniki badania satysfakcji mieszkańców (migawka z platformy)',
            en: 'Results of the residents’ satisfaction survey (a snapshot from the platform)',
          },
          help: {
            pl: 'Wybierz jedno z badań Twojej instytucji — dołączymy zamrożoną migawkę jego wyników z dzisiejszego dnia.',
            en: 'Choose one of your institution’s surveys — a frozen snapshot of its results as of today is attached.',
          },
          required: false,
        },
      ],
    },
    {
      id: 'staff',
      title: { pl: 'Kadry i komunikacja', en: 'Staff and communication' },
      questions: [
        {
          id: 'staff_trainings',
          type: 'number',
          label: {
            pl: 'Liczba szkoleń z obsługi klienta w ostatnim roku',
            en: 'Customer-service trainings in the last year',
          },
          required: true,
          min: 0,
          max: 1000,
        },
        {
          id: 'staff_contact',
          type: 'shortText',
          label: { pl: 'Osoba odpowiedzialna za jakość obsługi', en: 'Person responsible for service quality' },
          required: true,
          maxLength: 200,
        },
        {
          id: 'communication',
          type: 'longText',
          label: {
            pl: 'Jak urząd komunikuje się z mieszkańcami?',
            en: 'How does the office communicate with residents?',
          },
          required: false,
          maxLength: 2000,
        },
      ],
    },
    {
      id: 'documents',
      title: { pl: 'Załączniki', en: 'Attachments' },
      questions: [
        {
          id: 'documents_standards',
          type: 'file',
          label: { pl: 'Dokument ze standardami obsługi (PDF)', en: 'The service standards document (PDF)' },
          required: true,
          allowedTypes: ['pdf'],
          maxSizeBytes: 5 * 1024 * 1024,
        },
        {
          id: 'documents_other',
          type: 'file',
          label: { pl: 'Inne materiały (PDF, zdjęcia)', en: 'Other materials (PDF, photos)' },
          required: false,
          allowedTypes: ['pdf', 'png', 'jpeg'],
          maxSizeBytes: 10 * 1024 * 1024,
        },
      ],
    },
  ],
});

/** Settings of an edition whose applications are open around `now`. */
export function sampleSettings(now: Date, overrides: Partial<EditionSettings> = {}): EditionSettings {
  const day = 24 * 3600 * 1000;
  const at = (days: number) => new Date(now.getTime() + days * day).toISOString();
  return {
    name: 'Przyjazny Urząd',
    number: 'X edycja',
    year: now.getUTCFullYear(),
    description: {
      pl: 'Konkurs dla urzędów i instytucji publicznych, które dbają o jakość obsługi.',
      en: 'A contest for public offices that care about the quality of service.',
    },
    timeline: {
      applicationsOpen: at(-10),
      applicationsClose: at(30),
      reviewStart: at(31),
      reviewEnd: at(60),
      resultsDate: at(75),
    },
    categories: [
      'municipal_office',
      'county_office',
      'tax_office',
      'labour_office',
      'social_welfare_centre',
      'zus',
      'municipal_company',
      'voivodeship_office',
      'other',
    ],
    thresholdPercent: 70,
    expertsPerApplication: 3,
    certificateValidityMonths: 12,
    fees: defaultFees(),
    ...overrides,
  };
}
