import { Hono } from 'hono/quick';
import { setCookie } from 'hono/cookie';
import * as z from 'zod/mini';
import type { AppDeps, AppEnv } from '../deps';
import { LANGUAGE_COOKIE } from '../language';
import { describe, validate } from '../openapi/describe';
import { commonErrors } from '../schemas';
import { languages } from '../../language';

export const LanguagePreference = z.object({ language: z.enum(languages) });

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

export const preferenceRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>().put(
    '/api/preferences/language',
    describe({
      summary: 'Choose the language of server messages (sets the `lang` cookie)',
      operationId: 'setLanguagePreference',
      tags: ['platform'],
      responses: { 200: { description: 'Language stored in a cookie', schema: LanguagePreference }, ...commonErrors },
    }),
    validate('json', LanguagePreference),
    (c) => {
      const { language } = c.req.valid('json');
      setCookie(c, LANGUAGE_COOKIE, language, {
        path: '/',
        maxAge: ONE_YEAR_SECONDS,
        httpOnly: true,
        secure: deps.settings.secureCookies,
        sameSite: 'Lax',
      });
      return c.json({ language }, 200);
    },
  );
