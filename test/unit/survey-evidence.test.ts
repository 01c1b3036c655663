import { describe, expect, it } from 'vitest';
import { newEdition } from '../../shared/editions/edition';
import { sampleQuestionnaire, sampleRubric, sampleSettings } from '../../shared/editions/sample-edition';
import { exportTable } from '../../shared/exports/export-table';
import { answerProblem, AnswerValue, type Question, submissionProblems } from '../../shared/editions/questionnaire';
import { surveyResults } from '../../shared/surveys/get-survey-results';
import { storedSurvey } from '../support/survey-fixtures';
import type { SurveyCounts } from '../../shared/surveys/survey-counts';
import { surveySnapshot } from '../../shared/surveys/survey-evidence';
import { isSurveyChoice, SurveySnapshot, snapshotSummary } from '../../shared/surveys/survey-snapshot';

/** Issue 18 §5: the `surveyResults` question type and the snapshot the server stores as its answer. */

const question: Question = { id: 'evidence', type: 'surveyResults', label: { pl: 'Wyniki' }, required: true };

const survey = storedSurvey();

const counts: SurveyCounts = {
  all: { n: 8, questions: { waiting: [0, 1, 1, 2, 4], q1: [0, 0, 0, 1, 1] } },
  month: {
    '2026-02': { n: 6, questions: { waiting: [0, 1, 1, 1, 3] } },
    '2026-03': { n: 2, questions: { waiting: [0, 0, 0, 1, 1] } },
  },
  matter: {},
  channel: {},
};

describe('surveyResults question: answer validation', () => {
  it('accepts a choice of a survey, or a stored snapshot sent back, and nothing else', () => {
    expect(answerProblem(question, { surveyId: '01J0SURVEY' })).toBeNull();
    expect(answerProblem(question, { surveyId: '01J0SURVEY', refresh: true })).toBeNull();
    expect(answerProblem(question, surveySnapshot(surveyResults(survey, counts), '2026-03-05'))).toBeNull();
    for (const bad of ['01J0SURVEY', 7, true, ['01J0SURVEY'], {}, { surveyId: '' }, { surveyId: 'a b' }])
      expect(answerProblem(question, bad), JSON.stringify(bad)).toMatchObject({
        en: 'Expected a survey from the list.',
      });
    expect(answerProblem(question, { surveyId: 'x', refresh: 'yes' })).not.toBeNull();
    expect(isSurveyChoice(null)).toBe(false);
  });

  it('a required evidence question blocks submission until a snapshot is attached', () => {
    const questionnaire = { sections: [{ id: 's', title: { pl: 'S' }, questions: [question] }] };
    expect(submissionProblems(questionnaire, {}, {})).toHaveLength(1);
    const answers = { s: { evidence: surveySnapshot(surveyResults(survey, counts), '2026-03-05') } };
    expect(submissionProblems(questionnaire, answers, {})).toEqual([]);
  });
});

describe('the snapshot', () => {
  it('freezes the survey, the day, n and every question’s overall figures and monthly trend', () => {
    const snapshot = surveySnapshot(surveyResults(survey, counts), '2026-03-05');
    expect(SurveySnapshot.safeParse(snapshot).success).toBe(true);
    expect(AnswerValue.safeParse(snapshot).success).toBe(true); // storable as an answer
    expect(snapshot).toMatchObject({
      kind: 'surveySnapshot',
      surveyId: '01J0SURVEY',
      title: { pl: 'Obsługa w BOK', en: 'Service at the desk' },
      takenOn: '2026-03-05',
      minAnswers: 5,
      n: 8,
    });
    expect(snapshot.questions.map((q) => q.id)).toEqual(['waiting', 'usefulness', 'engagement', 'q1']);
    const [waiting, usefulness, , own] = snapshot.questions;
    expect(waiting?.figures).toMatchObject({ n: 8, shown: true, mean: 4.125, satisfied: 0.75 });
    expect(waiting?.figures.shown && waiting.figures.distribution).toEqual([0, 1, 1, 2, 4]);
    expect(usefulness?.figures).toEqual({ n: 0, shown: false });
    // Below the minimum only n, exactly as the results page shows it.
    expect(own).toEqual({ id: 'q1', text: { pl: 'Czy formularz był zrozumiały?' }, figures: { n: 2, shown: false } });
    expect(snapshot.months?.map((m) => [m.month, m.n])).toEqual([
      ['2026-02', 6],
      ['2026-03', 2],
    ]);
    // March's 2 answers are below 5 — hidden, and then February's 6 would reveal them as 8 − 6: hidden too.
    expect(snapshot.months?.[1]?.questions.waiting).toEqual({ n: 2, shown: false });
    expect(snapshot.months?.[0]?.questions.waiting?.shown).toBe(false);
  });

  it('is a copy: it shares no array or object with the live results', () => {
    const results = surveyResults(survey, counts);
    const snapshot = surveySnapshot(results, '2026-03-05');
    const live = results.all.questions.waiting;
    const frozen = snapshot.questions[0]?.figures;
    if (!live?.shown || !frozen?.shown) throw new Error('waiting should be shown');
    expect(frozen.distribution).toEqual(live.distribution);
    expect(frozen.distribution).not.toBe(live.distribution);
    expect(frozen.interval).not.toBe(live.interval);
  });

  it('says itself in one line for the mail and the export', () => {
    const snapshot = surveySnapshot(surveyResults(survey, counts), '2026-03-05');
    expect(snapshotSummary(snapshot, 'pl')).toBe('Obsługa w BOK — migawka z 2026-03-05, n = 8');
    expect(snapshotSummary(snapshot, 'en')).toBe('Service at the desk — snapshot of 2026-03-05, n = 8');
  });

  it('the applications export writes that line in the evidence column, not "[object Object]"', () => {
    const now = new Date('2026-03-05T10:00:00Z');
    const edition = {
      ...newEdition(sampleSettings(now), { editionId: 'E1', now: now.toISOString() }),
      state: 'open' as const,
      rubric: sampleRubric(),
      questionnaire: sampleQuestionnaire(),
    };
    const snapshot = surveySnapshot(surveyResults(survey, counts), '2026-03-05');
    const table = exportTable(edition, [
      {
        header: {
          applicationId: 'A1',
          editionId: 'E1',
          institutionId: 'inst-1',
          institution: {
            name: 'Urząd',
            nip: '5260250274',
            type: 'municipal_office',
            voivodeship: 'małopolskie',
            headcount: '41-100',
          },
          status: 'submitted',
          createdAt: now.toISOString(),
          createdBy: 'u-1',
          updatedAt: now.toISOString(),
          version: 2,
        },
        answers: { quality: { quality_survey_results: snapshot } },
        attachments: [],
      },
    ]);
    expect(table.rows[0]).toContain('Obsługa w BOK — migawka z 2026-03-05, n = 8');
  });
});
