import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { setCookie } from 'hono/cookie';
import type { AppDeps, AppEnv } from '../deps';
import { LANGUAGE_COOKIE, languages } from '../language';
import { commonErrors } from '../schemas';
import { validationHook } from '../validation';

const LanguagePreference = z.object({ language: z.enum(languages) }).openapi('LanguagePreference');

export const putLanguage = createRoute({
  method: 'put',
  path: '/api/preferences/language',
  tags: ['platform'],
  summary: 'Choose the language of server messages (sets the `lang` cookie)',
  request: { body: { required: true, content: { 'application/json': { schema: LanguagePreference } } } },
  responses: {
    200: { description: 'Language stored in a cookie', content: { 'application/json': { schema: LanguagePreference } } },
    ...commonErrors,
  },
});

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

export const preferenceRoutes = (deps: AppDeps) =>
  new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(putLanguage, (c) => {
    const { language } = c.req.valid('json');
    setCookie(c, LANGUAGE_COOKIE, language, {
      path: '/',
      maxAge: ONE_YEAR_SECONDS,
      httpOnly: true,
      secure: deps.settings.secureCookies,
      sameSite: 'Lax',
    });
    return c.json({ language }, 200);
  });
