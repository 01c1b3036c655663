import * as z from 'zod/mini';
import { lazy } from '../../platform/lazy';
import { AspectFiguresSchema } from '../../surveys/aspect-figures-schema';
import { contactChannels, contactMatters, standardAspects } from '../../surveys/survey';
import { responseSchema } from '../openapi/component-names';

const Localized = lazy(() => z.object({ pl: z.string(), en: z.optional(z.string()) }));
const OwnQuestion = lazy(() => z.object({ id: z.string(), text: Localized() }));

export const SurveySchema = responseSchema('Survey', () =>
  z.object({
    surveyId: z.string(),
    institutionId: z.string(),
    institutionName: z.string(),
    title: Localized(),
    opensOn: z.string(),
    closesOn: z.string(),
    ownQuestions: z.array(OwnQuestion()),
    minAnswers: z.number(),
    createdAt: z.string(),
    createdBy: z.string(),
    version: z.number(),
  }),
);

export const SurveyPage = responseSchema('SurveyPage', () =>
  z.object({ items: z.array(SurveySchema()), cursor: z.nullable(z.string()) }),
);

/** What the resident's answer form needs (surveys/get-public-survey.ts). */
export const PublicSurvey = responseSchema('PublicSurvey', () =>
  z.object({
    surveyId: z.string(),
    institutionName: z.string(),
    title: Localized(),
    aspects: z.array(z.enum(standardAspects)),
    ownQuestions: z.array(OwnQuestion()),
    matters: z.array(z.enum(contactMatters)),
    channels: z.array(z.enum(contactChannels)),
    opensOn: z.string(),
    closesOn: z.string(),
    open: z.boolean(),
  }),
);

export const AnswerRecorded = responseSchema('SurveyAnswerRecorded', () => z.object({ recorded: z.literal(true) }));

/** One question's figures in a slice, or only its n below the survey's minimum number of answers. */
const QuestionFigures = responseSchema('SurveyQuestionFigures', AspectFiguresSchema);
const Slice = lazy(() => ({ n: z.number(), questions: z.record(z.string(), QuestionFigures()) }));

/** The institution's dashboard figures (surveys/get-survey-results.ts). */
export const SurveyResultsSchema = responseSchema('SurveyResults', () =>
  z.object({
    survey: SurveySchema(),
    minAnswers: z.number(),
    all: z.object(Slice()),
    months: z.array(z.object({ month: z.string(), ...Slice() })),
    matters: z.array(z.object({ matter: z.string(), ...Slice() })),
    channels: z.array(z.object({ channel: z.string(), ...Slice() })),
  }),
);

/** A comment as staff moderate it (surveys/survey.ts `SurveyComment`): its day, never a time. */
export const SurveyCommentSchema = responseSchema('SurveyComment', () =>
  z.object({
    answerId: z.string(),
    comment: z.string(),
    answeredOn: z.string(),
    matter: z.optional(z.enum(contactMatters)),
    channel: z.optional(z.enum(contactChannels)),
    hidden: z.boolean(),
    moderatedBy: z.optional(z.string()),
    moderatedAt: z.optional(z.string()),
  }),
);

/** A page of comments; none below the survey's minimum number of answers (`shown: false`). */
export const SurveyCommentsPage = responseSchema('SurveyCommentsPage', () =>
  z.object({
    items: z.array(SurveyCommentSchema()),
    cursor: z.nullable(z.string()),
    n: z.number(),
    minAnswers: z.number(),
    shown: z.boolean(),
  }),
);
