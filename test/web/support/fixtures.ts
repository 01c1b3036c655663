import type { Questionnaire } from '../../../shared/editions/questionnaire';
import type { ApplicationView } from '../../../web/src/queries/applications';
import type { ApplicationRow } from '../../../web/src/queries/editions';

/** Typed factories for what the API answers; each test overrides what it is about. */

export const questionnaire = (): Questionnaire => ({
  sections: [
    {
      id: 'staff',
      title: { pl: 'Kadra' },
      questions: [
        { id: 'contact', type: 'shortText', label: { pl: 'Osoba do kontaktu' }, required: true },
        { id: 'trainings', type: 'number', label: { pl: 'Liczba szkoleń' }, required: false, min: 0, max: 100 },
      ],
    },
  ],
});

export function applicationView(overrides: Partial<ApplicationView> = {}): ApplicationView {
  return {
    application: {
      applicationId: 'app-1',
      editionId: 'ed-1',
      institutionId: 'inst-1',
      institution: {
        name: 'Urząd Testowy',
        nip: '5260250995',
        type: 'municipal_office',
        voivodeship: 'mazowieckie',
        headcount: '41-100',
      },
      status: 'draft',
      createdAt: '2026-01-10T10:00:00.000Z',
      createdBy: 'user-1',
      updatedAt: '2026-01-10T10:00:00.000Z',
      version: 1,
    },
    edition: {
      editionId: 'ed-1',
      name: 'Przyjazny Urząd',
      number: 'X edycja',
      state: 'open',
      applicationsClose: '2026-12-31T23:59:00+01:00',
    },
    questionnaire: questionnaire(),
    sections: { staff: { answers: {}, version: 0 } },
    attachments: [],
    progress: [],
    window: { open: true, closesAt: '2026-12-31T23:59:00+01:00' },
    ...overrides,
  };
}

export function applicationRow(name: string, status: ApplicationRow['status'] = 'submitted'): ApplicationRow {
  const id = name.toLowerCase().replace(/[^a-z]+/g, '-');
  return {
    applicationId: `app-${id}`,
    editionId: 'ed-1',
    institutionId: `inst-${id}`,
    institution: { name, nip: '5260250995', type: 'municipal_office', voivodeship: 'mazowieckie', headcount: '41-100' },
    status,
    createdAt: '2026-01-10T10:00:00.000Z',
    createdBy: 'user-1',
    updatedAt: '2026-01-10T10:00:00.000Z',
    version: 1,
  };
}
