import type { ApplicationHeader } from '../../shared/applications/application';
import { type Edition, newEdition } from '../../shared/editions/edition';
import type { Rubric } from '../../shared/editions/rubric';
import { sampleQuestionnaire, sampleRubric, sampleSettings } from '../../shared/editions/sample-edition';
import type { HeadcountBracket, InstitutionType } from '../../shared/institutions/institution';
import { defaultFeeTable, laureateFee } from '../../shared/results/fees';
import type { Outcome, ResultsSettings } from '../../shared/results/outcome';
import type { ApplicationResult, Decision } from '../../shared/results/results';
import type { ResultsTableInput } from '../../shared/results/results-table';
import type { ScoreSheet } from '../../shared/reviews/sheet';

/**
 * Hand-built inputs of the pure results code (unit tests): a two-criterion rubric without mystery
 * shopping, so an application's percent is (C1 + C2) / 20 × 100 and each area's percent is its
 * criterion × 10; applications, sheets and decisions built field by field.
 */
export const NOW = '2026-06-15T10:00:00.000Z';

export const twoCriteria = (): Rubric => ({
  areas: [
    {
      code: 'A1',
      name: { pl: 'Obsługa', en: 'Service' },
      criteria: [{ code: 'C1', name: { pl: 'Standardy', en: 'Standards' }, maxPoints: 10, step: 1, weight: 1 }],
    },
    {
      code: 'A2',
      name: { pl: 'Jakość', en: 'Quality' },
      criteria: [
        { code: 'C2', name: { pl: 'System jakości', en: 'Quality system' }, maxPoints: 10, step: 1, weight: 1 },
      ],
    },
  ],
  mysteryShopper: { enabled: false, channels: [] },
});

/** An edition in deliberation (threshold 75 %), the two-criterion rubric unless the sample one is asked for. */
export function edition(
  options: { thresholdPercent?: number; results?: Partial<ResultsSettings>; rubric?: 'two' | 'sample' } = {},
): Edition {
  const settings = sampleSettings(new Date(NOW), { thresholdPercent: options.thresholdPercent ?? 75 });
  return {
    ...newEdition(settings, { editionId: 'E-2026', now: NOW }),
    state: 'deliberation',
    rubric: options.rubric === 'sample' ? sampleRubric() : twoCriteria(),
    questionnaire: sampleQuestionnaire(),
    ...(options.results
      ? { results: { categories: { by: 'none' }, publishScores: false, aggregation: 'mean', ...options.results } }
      : {}),
  };
}

export function application(
  applicationId: string,
  name: string,
  options: { type?: InstitutionType; headcount?: HeadcountBracket; institutionId?: string } = {},
): ApplicationHeader {
  return {
    applicationId,
    editionId: 'E-2026',
    institutionId: options.institutionId ?? `I-${applicationId}`,
    institution: {
      name,
      nip: '5260250274',
      type: options.type ?? 'municipal_office',
      voivodeship: 'mazowieckie',
      headcount: options.headcount ?? '21-40',
    },
    status: 'accepted',
    createdAt: NOW,
    createdBy: 'test',
    updatedAt: NOW,
    version: 3,
  };
}

/** A sheet scoring C1 and C2 (submitted unless said otherwise). */
export function sheet(
  applicationId: string,
  expertId: string,
  c1: number,
  c2: number = c1,
  status: ScoreSheet['status'] = 'submitted',
): ScoreSheet {
  return {
    editionId: 'E-2026',
    applicationId,
    expertId,
    scores: { C1: c1, C2: c2 },
    areaJustifications: {},
    criterionJustifications: {},
    feedback: 'Dziękujemy.',
    privateNote: '',
    contacts: {},
    status,
    version: 2,
    createdAt: NOW,
    updatedAt: NOW,
  };
}

export function decision(applicationId: string, outcome: Outcome, reason?: string): Decision {
  return {
    editionId: 'E-2026',
    applicationId,
    outcome,
    ...(reason ? { reason } : {}),
    by: { userId: 'U-ORG', label: 'Organizator' },
    at: NOW,
    version: 1,
  };
}

export function tableInput(
  e: Edition,
  applications: ApplicationHeader[],
  sheets: ScoreSheet[],
  decisions: Decision[] = [],
  method: Pick<ResultsTableInput, 'aggregation' | 'basis'> = { aggregation: 'mean', basis: 'raw' },
): ResultsTableInput {
  return { edition: e, ...method, applications, sheets, decisions };
}

/** A laureate's own result with its fee (the fee list's input). */
export function laureateResult(
  applicationId: string,
  name: string,
  options: { bracket?: HeadcountBracket; returning?: boolean; town?: string; outcome?: Outcome } = {},
): ApplicationResult {
  const bracket = options.bracket ?? '21-40';
  const outcome = options.outcome ?? 'laureate';
  return {
    applicationId,
    editionId: 'E-2026',
    institutionId: `I-${applicationId}`,
    institution: {
      name,
      nip: '5260250274',
      type: 'municipal_office',
      headcount: bracket,
      town: options.town ?? 'Gdańsk',
    },
    edition: { name: 'Przyjazny Urząd', number: 'X edycja', year: 2026 },
    snapshotVersion: 1,
    sha256: 'ab'.repeat(32),
    publishedAt: NOW,
    category: { code: 'all', name: { pl: 'Wszystkie instytucje', en: 'All institutions' } },
    outcome,
    percent: 82.5,
    place: 1,
    exAequo: false,
    categorySize: 3,
    movement: null,
    areas: [],
    feedback: [],
    ...(outcome === 'laureate'
      ? {
          fee: laureateFee(defaultFeeTable(), bracket, options.returning ?? false),
          returningLaureate: !!options.returning,
        }
      : {}),
  };
}
