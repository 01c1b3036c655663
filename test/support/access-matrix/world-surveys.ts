import type { User } from '../../../shared/accounts/user';
import { answerSurvey } from '../../../shared/surveys/answer-survey';
import { createSurvey } from '../../../shared/surveys/create-survey';
import { recordAnswer } from '../../../shared/surveys/survey-store';
import type { Harness } from '../accounts';
import { callerFor } from '../applications';
import type { Tenant } from './world';

type Deps = Harness['deps'];

export interface SurveysWorldIds {
  /** Institution A's survey, open, with answers (its results and its comment carry A's marker). */
  surveyA: string;
  /** Institution B's survey: A must never reach it, even under A's own institution id. */
  surveyB: string;
  /** An answer of A's survey with a comment (carrying A's marker); the survey has enough answers to show it. */
  commentA: string;
}

/** Residents' surveys in the access matrix (issue 18): one per institution, each with an answer. */
export async function seedSurveysWorld(
  deps: Deps,
  people: { memberA: User; memberB: User; institutionA: string; institutionB: string },
  mark: (who: 'INSTA' | 'INSTB') => string,
  own: (tenant: Tenant, what: string, value: string) => void,
): Promise<SurveysWorldIds> {
  const survey = async (member: User, institutionId: string, who: 'INSTA' | 'INSTB') => {
    const created = await createSurvey(deps, {
      caller: callerFor(member),
      institutionId,
      draft: {
        title: { pl: `Ankieta ${mark(who)}` },
        opensOn: '2026-01-01',
        closesOn: '2026-12-31',
        ownQuestions: [{ id: 'q1', text: { pl: `Pytanie ${mark(who)}` } }],
      },
    });
    await answerSurvey(deps, {
      surveyId: created.surveyId,
      caller: { principal: { kind: 'anonymous' }, ip: `192.0.2.${who === 'INSTA' ? 101 : 102}`, userAgent: 'matrix' },
      answer: { ratings: { waiting: 4 }, own: { q1: 5 } },
    });
    own(who === 'INSTA' ? 'instA' : 'instB', `survey of ${who} (id)`, created.surveyId);
    // Ten more answers, one with a comment: above the minimum, so comments and the workbook show them.
    const commentId = `20260301${'0'.repeat(19)}1`;
    for (let i = 0; i < 10; i++)
      await recordAnswer(deps.store, created.surveyId, {
        answerId: i === 0 ? commentId : `20260302${String(i).padStart(20, '0')}`,
        ratings: { waiting: 5 },
        own: {},
        ...(i === 0 ? { comment: `Komentarz ${mark(who)}` } : {}),
        month: '2026-03',
        answeredOn: i === 0 ? '2026-03-01' : '2026-03-02',
      });
    return { surveyId: created.surveyId, commentId };
  };
  const a = await survey(people.memberA, people.institutionA, 'INSTA');
  const b = await survey(people.memberB, people.institutionB, 'INSTB');
  return { surveyA: a.surveyId, surveyB: b.surveyId, commentA: a.commentId };
}
