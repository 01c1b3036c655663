import { Hono } from 'hono/quick';
import { getCookie, setCookie } from 'hono/cookie';
import * as z from 'zod/mini';
import { lazyImport } from '../../platform/lazy';
import { AnswerInput, CommentVisibility, SurveyDraft } from '../../surveys/survey';
import { answerSurvey } from '../../surveys/answer-survey';
import { createSurvey } from '../../surveys/create-survey';
import { getPublicSurvey } from '../../surveys/get-public-survey';
import { getSurveyResults } from '../../surveys/get-survey-results';
import { listSurveys } from '../../surveys/list-surveys';
import { PosterQuery } from '../../surveys/poster-query';
import type { AppDeps, AppEnv, AppSettings } from '../deps';
import { describe, validate } from '../openapi/describe';
import {
  AnswerRecorded,
  PublicSurvey,
  SurveyCommentSchema,
  SurveyCommentsPage,
  SurveyPage,
  SurveyResultsSchema,
  SurveySchema,
} from '../responses/surveys';
import { commonErrors, errorResponse, PageQuery } from '../schemas';
import { callerOf } from '../session-cookie';
import { downloadResponse } from './download';

/** The poster renders a PDF (pdf-lib, fonts, QR): loaded on the first poster, never with the group. */
const getSurveyPoster = lazyImport(() => import('../../surveys/get-survey-poster').then((m) => m.getSurveyPoster));
// Moderation and the export are rare staff requests: loaded on first use (the export brings exceljs).
const listSurveyComments = lazyImport(() =>
  import('../../surveys/list-survey-comments').then((m) => m.listSurveyComments),
);
const setCommentVisibility = lazyImport(() =>
  import('../../surveys/set-comment-visibility').then((m) => m.setCommentVisibility),
);
const exportSurveyResults = lazyImport(() =>
  import('../../surveys/export-survey-results').then((m) => m.exportSurveyResults),
);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const staffTags = ['surveys'];
const publicTags = ['public surveys'];

/**
 * The respondent cookie (surveys/answer-survey.ts): a signed random id, HttpOnly, sent only to the
 * answer route (path-scoped, no `__Host-` prefix then — Secure and SameSite=Strict still).
 */
const respondentCookie = (settings: Pick<AppSettings, 'secureCookies'>) =>
  settings.secureCookies ? '__Secure-respondent' : 'respondent';

/** Residents' voice (issue 18): an institution's surveys and their results; the public answer form. */
export const surveyRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get(
      '/api/institutions/:institutionId/surveys',
      describe({
        summary: 'The institution’s residents’ surveys, newest first, paginated',
        operationId: 'listSurveys',
        tags: staffTags,
        responses: { 200: { description: 'A page', schema: SurveyPage }, ...commonErrors },
      }),
      validate('query', z.object(PageQuery)),
      async (c) => {
        const { cursor, limit } = c.req.valid('query');
        return c.json(
          await listSurveys(deps, { institutionId: c.req.param('institutionId'), cursor, limit: limit ?? 25 }),
          200,
        );
      },
    )
    .post(
      '/api/institutions/:institutionId/surveys',
      describe({
        summary: 'Set up a survey: the standard aspects, up to five own questions, a period',
        operationId: 'createSurvey',
        tags: staffTags,
        responses: { 201: { description: 'Created', schema: SurveySchema }, ...commonErrors },
      }),
      validate('json', SurveyDraft),
      async (c) =>
        c.json(
          await createSurvey(deps, {
            caller: callerOf(c, deps),
            institutionId: c.req.param('institutionId'),
            draft: c.req.valid('json'),
          }),
          201,
        ),
    )
    .get(
      '/api/institutions/:institutionId/surveys/:surveyId/results',
      describe({
        summary:
          'The survey’s figures: n, mean, % satisfied with a 95 % Wilson interval and the distribution, overall, by month, matter and channel (hidden below the minimum number of answers)',
        operationId: 'getSurveyResults',
        tags: staffTags,
        responses: { 200: { description: 'Figures', schema: SurveyResultsSchema }, ...commonErrors },
      }),
      async (c) =>
        c.json(
          await getSurveyResults(deps, {
            institutionId: c.req.param('institutionId'),
            surveyId: c.req.param('surveyId'),
          }),
          200,
        ),
    )
    .get(
      '/api/institutions/:institutionId/surveys/:surveyId/comments',
      describe({
        summary:
          'The survey’s comments for moderation, newest day first, paginated (none below the minimum number of answers)',
        operationId: 'listSurveyComments',
        tags: staffTags,
        responses: { 200: { description: 'A page', schema: SurveyCommentsPage }, ...commonErrors },
      }),
      validate('query', z.object(PageQuery)),
      async (c) => {
        const { cursor, limit } = c.req.valid('query');
        return c.json(
          await listSurveyComments(deps, {
            institutionId: c.req.param('institutionId'),
            surveyId: c.req.param('surveyId'),
            cursor,
            limit: limit ?? 20,
          }),
          200,
        );
      },
    )
    .put(
      '/api/institutions/:institutionId/surveys/:surveyId/comments/:answerId/hidden',
      describe({
        summary: 'Hide a comment or show it again (its text is never changed; audited)',
        operationId: 'setSurveyCommentHidden',
        tags: staffTags,
        responses: {
          200: { description: 'The comment', schema: SurveyCommentSchema },
          409: errorResponse('Another change of this comment came first (CONFLICT): read the list again'),
          ...commonErrors,
        },
      }),
      validate('json', CommentVisibility),
      async (c) =>
        c.json(
          await setCommentVisibility(deps, {
            caller: callerOf(c, deps),
            institutionId: c.req.param('institutionId'),
            surveyId: c.req.param('surveyId'),
            answerId: c.req.param('answerId'),
            hidden: c.req.valid('json').hidden,
          }),
          200,
        ),
    )
    .get(
      '/api/institutions/:institutionId/surveys/:surveyId/results.xlsx',
      describe({
        summary: 'The survey’s figures and visible comments as an XLSX workbook (the same suppression as the results)',
        operationId: 'exportSurveyResults',
        tags: staffTags,
        responses: { 200: { description: 'The workbook', contentType: XLSX }, ...commonErrors },
      }),
      async (c) => {
        const { body, fileName } = await exportSurveyResults(deps, {
          institutionId: c.req.param('institutionId'),
          surveyId: c.req.param('surveyId'),
        });
        return downloadResponse(body, XLSX, fileName);
      },
    )
    .get(
      '/api/public/surveys/:surveyId',
      describe({
        summary: 'The answer form of a survey (public: the link on a ticket or a poster)',
        operationId: 'getPublicSurvey',
        tags: publicTags,
        responses: { 200: { description: 'The survey', schema: PublicSurvey }, ...commonErrors },
      }),
      async (c) => {
        c.header('Cache-Control', 'no-store');
        return c.json(await getPublicSurvey(deps, { surveyId: c.req.param('surveyId') }), 200);
      },
    )
    .post(
      '/api/public/surveys/:surveyId/answers',
      describe({
        summary:
          'Answer a survey anonymously (no account; no address or user agent stored; limited per browser and per address)',
        operationId: 'answerSurvey',
        tags: publicTags,
        responses: {
          201: { description: 'Recorded', schema: AnswerRecorded },
          409: errorResponse('The survey is not taking answers (INVALID_STATE: outside its period)'),
          429: errorResponse('Too many answers from this browser or address (RATE_LIMITED); Retry-After says when'),
          ...commonErrors,
        },
      }),
      validate('json', AnswerInput),
      async (c) => {
        const name = respondentCookie(deps.settings);
        const { respondent } = await answerSurvey(deps, {
          surveyId: c.req.param('surveyId'),
          answer: c.req.valid('json'),
          caller: callerOf(c, deps),
          respondentToken: getCookie(c, name),
        });
        setCookie(c, name, respondent.token, {
          path: '/api/public/surveys',
          httpOnly: true,
          secure: deps.settings.secureCookies,
          sameSite: 'Strict',
          maxAge: respondent.maxAgeSeconds,
        });
        return c.json({ recorded: true as const }, 201);
      },
    )
    .get(
      '/api/institutions/:institutionId/surveys/:surveyId/poster.pdf',
      describe({
        summary:
          'A printable A4 poster of the survey with a QR code of its public link (`kanal`, `sprawa` pre-fill the link; `lang=en` prints it in English)',
        operationId: 'getSurveyPoster',
        tags: staffTags,
        responses: { 200: { description: 'The poster', contentType: 'application/pdf' }, ...commonErrors },
      }),
      validate('query', PosterQuery),
      async (c) => {
        const { kanal, sprawa, lang } = c.req.valid('query');
        const { body, fileName } = await getSurveyPoster(deps, {
          institutionId: c.req.param('institutionId'),
          surveyId: c.req.param('surveyId'),
          prefill: { ...(kanal ? { channel: kanal } : {}), ...(sprawa ? { matter: sprawa } : {}) },
          language: lang ?? 'pl',
        });
        return downloadResponse(body, 'application/pdf', fileName);
      },
    );
