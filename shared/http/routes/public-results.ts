import { Hono } from 'hono/quick';
import { getPublishedResults } from '../../results/get-published-results';
import { listPublishedResults } from '../../results/list-published-results';
import type { AppDeps, AppEnv } from '../deps';
import { describe } from '../openapi/describe';
import { PublishedEditions, PublishedResults } from '../responses/results';
import { commonErrors } from '../schemas';

/**
 * The public results pages' routes (anyone, no session), a group of their own apart from the
 * organizer's results routes (results.ts): a citizen opening a laureates list from a QR code loads
 * only the reading of published snapshots (shared/http/lazy-app.ts).
 */
const publicTags = ['public results'];
/** Public answers are the same for everyone and change only on publication: a short shared cache. */
const publicCache = 'public, max-age=60, stale-while-revalidate=300';

export const publicResultsRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get(
      '/api/public/results',
      describe({
        summary: 'Every edition with published results (public)',
        operationId: 'listPublishedResults',
        tags: publicTags,
        responses: { 200: { description: 'Editions', schema: PublishedEditions }, ...commonErrors },
      }),
      async (c) => {
        c.header('Cache-Control', publicCache);
        return c.json(await listPublishedResults(deps), 200);
      },
    )
    .get(
      '/api/public/results/:editionId',
      describe({
        summary:
          'An edition’s published results, newest version: laureates and distinctions per category, with the SHA-256',
        operationId: 'getPublishedResults',
        tags: publicTags,
        responses: { 200: { description: 'The snapshot and its hash', schema: PublishedResults }, ...commonErrors },
      }),
      async (c) => {
        c.header('Cache-Control', publicCache);
        return c.json(await getPublishedResults(deps, { editionId: c.req.param('editionId') }), 200);
      },
    )
    .get(
      '/api/public/results/:editionId/versions/:version',
      describe({
        summary: 'One published version of an edition’s results (a corrected one stays readable)',
        operationId: 'getPublishedResultsVersion',
        tags: publicTags,
        responses: { 200: { description: 'The snapshot and its hash', schema: PublishedResults }, ...commonErrors },
      }),
      async (c) => {
        // An immutable version may be cached for long.
        c.header('Cache-Control', 'public, max-age=86400, immutable');
        return c.json(
          await getPublishedResults(deps, {
            editionId: c.req.param('editionId'),
            version: Number(c.req.param('version')),
          }),
          200,
        );
      },
    );
