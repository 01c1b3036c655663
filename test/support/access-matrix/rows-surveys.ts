import { expect } from 'vitest';
import { keys } from '../../../shared/store/keys';
import { jsonRequest } from '../accounts';
import { all, type Cell, type Expected } from './matrix';
import type { Probe } from './probes';
import type { World } from './world';

/**
 * Residents' surveys (issue 18): an institution's staff set up and read their own; organizers are
 * refused (they see survey results only as evidence in an application or an opted-in measurement);
 * anyone may open a survey's form and answer it. One row per route.
 */
const staffOfA = (status: number): Expected => ({
  ...all(403),
  anonymous: 401,
  deactivated: 401,
  memberA: status,
  memberB: 404,
});
const surveysOfA = (w: World) => `/api/institutions/${w.institutionA}/surveys`;
/** A's surveys (gsi1) and the partitions of both seeded surveys. */
const surveys = (w: World): Probe[] => [
  { kind: 'index', index: 'gsi1', pk: keys.institutionSurveys(w.institutionA) },
  { kind: 'partition', pk: keys.surveyPartition(w.surveys.surveyA) },
  { kind: 'partition', pk: keys.surveyPartition(w.surveys.surveyB) },
];

export const surveyRows: Record<string, Cell> = {
  'GET /api/institutions/:institutionId/surveys': {
    sample: (w) => ({ path: surveysOfA(w) }),
    expected: staffOfA(200),
    sees: 'own',
    shows: (body: { items: { surveyId: string; institutionId: string }[] }, { w }) => {
      expect(body.items.map((s) => s.surveyId)).toContain(w.surveys.surveyA);
      expect(new Set(body.items.map((s) => s.institutionId))).toEqual(new Set([w.institutionA]));
    },
  },
  'POST /api/institutions/:institutionId/surveys': {
    sample: (w) => ({
      path: surveysOfA(w),
      init: jsonRequest('POST', {
        title: { pl: 'Ankieta z macierzy' },
        opensOn: '2026-01-01',
        closesOn: '2026-12-31',
        ownQuestions: [],
      }),
    }),
    expected: staffOfA(201),
    sees: 'own',
    touches: surveys,
    shows: (body: { institutionId: string }, { w }) => expect(body.institutionId).toBe(w.institutionA),
  },
  'GET /api/institutions/:institutionId/surveys/:surveyId/results': {
    sample: (w) => ({ path: `${surveysOfA(w)}/${w.surveys.surveyA}/results` }),
    expected: staffOfA(200),
    sees: 'own',
    shows: (body: { survey: { surveyId: string }; all: { n: number } }, { w }) => {
      expect(body.survey.surveyId).toBe(w.surveys.surveyA);
      expect(body.all.n).toBeGreaterThanOrEqual(1);
    },
  },
  'GET /api/institutions/:institutionId/surveys/:surveyId/comments': {
    sample: (w) => ({ path: `${surveysOfA(w)}/${w.surveys.surveyA}/comments` }),
    expected: staffOfA(200),
    sees: 'own',
    shows: (body: { items: { answerId: string }[]; shown: boolean }, { w }) => {
      expect(body.shown).toBe(true);
      expect(body.items.map((c) => c.answerId)).toEqual([w.surveys.commentA]);
    },
  },
  'PUT /api/institutions/:institutionId/surveys/:surveyId/comments/:answerId/hidden': {
    sample: (w) => ({
      path: `${surveysOfA(w)}/${w.surveys.surveyA}/comments/${w.surveys.commentA}/hidden`,
      init: jsonRequest('PUT', { hidden: true }),
    }),
    expected: staffOfA(200),
    sees: 'own',
    touches: surveys,
    shows: (body: { answerId: string; hidden: boolean }, { w }) =>
      expect(body).toMatchObject({ answerId: w.surveys.commentA, hidden: true }),
  },
  'GET /api/institutions/:institutionId/surveys/:surveyId/results.xlsx': {
    sample: (w) => ({ path: `${surveysOfA(w)}/${w.surveys.surveyA}/results.xlsx` }),
    expected: staffOfA(200),
    sees: 'own',
  },
  'GET /api/public/surveys/:surveyId': {
    sample: (w) => ({ path: `/api/public/surveys/${w.surveys.surveyA}` }),
    expected: all(200),
    sees: { everything: 'a survey’s form is public by design: it names its office and its questions' },
    shows: (body: { surveyId: string; open: boolean }, { w }) => {
      expect(body.surveyId).toBe(w.surveys.surveyA);
      expect(body.open).toBe(true);
    },
  },
  'POST /api/public/surveys/:surveyId/answers': {
    sample: (w) => ({
      path: `/api/public/surveys/${w.surveys.surveyA}/answers`,
      init: jsonRequest('POST', { ratings: { usefulness: 5 } }),
    }),
    expected: all(201),
    sees: 'nobody',
    touches: surveys,
  },
  'GET /api/institutions/:institutionId/surveys/:surveyId/poster.pdf': {
    sample: (w) => ({ path: `${surveysOfA(w)}/${w.surveys.surveyA}/poster.pdf?kanal=phone` }),
    expected: staffOfA(200),
    sees: 'own',
    shows: (body: string) => expect(body.startsWith('%PDF-')).toBe(true),
  },
};

/** A's institution with B's survey: even A's staff get 404, exactly like a survey that does not exist. */
export const surveyMixedRows: Record<string, Cell> = {
  'GET /api/institutions/:institutionId/surveys/:surveyId/results — A’s institution, B’s survey': {
    sample: (w) => ({ path: `${surveysOfA(w)}/${w.surveys.surveyB}/results` }),
    expected: staffOfA(404),
    sees: 'own',
  },
  'GET /api/institutions/:institutionId/surveys/:surveyId/poster.pdf — A’s institution, B’s survey': {
    sample: (w) => ({ path: `${surveysOfA(w)}/${w.surveys.surveyB}/poster.pdf` }),
    expected: staffOfA(404),
    sees: 'own',
  },
  'GET /api/institutions/:institutionId/surveys/:surveyId/comments — A’s institution, B’s survey': {
    sample: (w) => ({ path: `${surveysOfA(w)}/${w.surveys.surveyB}/comments` }),
    expected: staffOfA(404),
    sees: 'own',
  },
  'PUT /api/institutions/:institutionId/surveys/:surveyId/comments/:answerId/hidden — A’s institution, B’s survey': {
    sample: (w) => ({
      path: `${surveysOfA(w)}/${w.surveys.surveyB}/comments/${w.surveys.commentA}/hidden`,
      init: jsonRequest('PUT', { hidden: true }),
    }),
    expected: staffOfA(404),
    sees: 'own',
    touches: surveys,
  },
  'GET /api/institutions/:institutionId/surveys/:surveyId/results.xlsx — A’s institution, B’s survey': {
    sample: (w) => ({ path: `${surveysOfA(w)}/${w.surveys.surveyB}/results.xlsx` }),
    expected: staffOfA(404),
    sees: 'own',
  },
};
