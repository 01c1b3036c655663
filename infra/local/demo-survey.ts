import type { User } from '../../shared/accounts/user';
import type { Deps } from '../../shared/deps';
import { createSurvey } from '../../shared/surveys/create-survey';
import {
  contactChannels,
  contactMatters,
  type ScaleValue,
  type StoredAnswer,
  warsawDate,
} from '../../shared/surveys/survey';
import { recordAnswer } from '../../shared/surveys/survey-store';
import { callerOf } from './demo-scoring';

const DAY = 24 * 60 * 60 * 1000;

/** A small deterministic generator, so every fresh demo shows the same dashboard. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const comments = [
  'Pani w okienku wszystko cierpliwie wyjaśniła.',
  'Długo czekałem na połączenie, ale sprawę załatwiono od ręki.',
  'Formularz na stronie jest niezrozumiały.',
  'Bardzo miła obsługa, dziękuję!',
  'Brakuje informacji, jakie dokumenty zabrać.',
];

/**
 * The demo office's residents' survey (issue 18 §9): open for the last six months and the next six,
 * with a few hundred answers spread over the past months — waiting improving month by month, the
 * other aspects steady, a handful of comments — so a newcomer sees the dashboard and the trend at once.
 */
export async function seedDemoSurvey(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  member: User & { institutionId: string },
): Promise<string> {
  const now = deps.clock.now();
  const survey = await createSurvey(deps, {
    caller: callerOf(member),
    institutionId: member.institutionId,
    draft: {
      title: { pl: 'Jak oceniają Państwo naszą obsługę?', en: 'How do you rate our service?' },
      opensOn: warsawDate(new Date(now.getTime() - 183 * DAY)),
      closesOn: warsawDate(new Date(now.getTime() + 183 * DAY)),
      ownQuestions: [
        { id: 'q1', text: { pl: 'Czy informacje na stronie urzędu były pomocne?', en: 'Was the website helpful?' } },
      ],
    },
  });
  const answers = demoAnswers(now, 360);
  // A few at a time: the demo's counts item takes its ADDs one after another either way.
  for (let i = 0; i < answers.length; i += 20)
    await Promise.all(answers.slice(i, i + 20).map((a) => recordAnswer(deps.store, survey.surveyId, a)));
  return survey.surveyId;
}

/**
 * `count` answers over the last 175 days, the same for every run (the demo, and the survey benchmark's
 * 10,000): mostly good, waiting improving as the months pass, a comment now and then.
 */
export function demoAnswers(now: Date, count: number): StoredAnswer[] {
  const random = mulberry32(2026);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  // Mostly good answers; `lift` moves the odds up as the months pass (the office's changes working).
  const rate = (lift: number): ScaleValue => {
    const r = random() + lift;
    return r > 0.55 ? 5 : r > 0.3 ? 4 : r > 0.15 ? 3 : r > 0.06 ? 2 : 1;
  };
  const answers: StoredAnswer[] = [];
  for (let i = 0; i < count; i++) {
    const daysAgo = Math.floor(random() * 175) + 1;
    const at = new Date(now.getTime() - daysAgo * DAY);
    const lift = (175 - daysAgo) / 175 / 4;
    answers.push({
      answerId: `${warsawDate(at).replaceAll('-', '')}${String(i).padStart(20, '0')}`,
      ratings: { waiting: rate(lift - 0.1), usefulness: rate(0.05), engagement: rate(0.1) },
      own: random() < 0.6 ? { q1: rate(-0.05) } : {},
      ...(random() < 0.04 ? { comment: pick(comments) } : {}),
      matter: pick(contactMatters),
      channel: pick(contactChannels),
      month: warsawDate(at).slice(0, 7),
      answeredOn: warsawDate(at),
    });
  }
  return answers;
}
