import { describe, expect, it } from 'vitest';
import { createApp } from '../../shared/http/app';
import { namedSchemas } from '../../shared/http/openapi/component-names';
import { testDeps } from '../support/factories';

/**
 * Answer schemas only document (the OpenAPI document, and the api tests' check of every answer), so
 * building the app — every route group, as a cold start's first request does for its own group —
 * must not build them (`responseSchema` builders, docs/performance.md); the document then builds and
 * names them all.
 */
const answerSchemas = ['ErrorBody', 'PublicUser', 'MyAssignments', 'EditionPage', 'SurveyResults', 'ResultsView'];

describe('answer schemas are built for the document, not for requests', () => {
  it('creating the whole app and answering a request names none of them; the document names them all', async () => {
    const app = createApp(testDeps());
    expect((await app.request('/api/nothing-here')).status).toBe(404);
    const named = () => [...namedSchemas().keys()];
    expect(named().filter((name) => answerSchemas.includes(name))).toEqual([]);

    expect((await app.request('/api/openapi.json')).status).toBe(200);
    expect(named()).toEqual(expect.arrayContaining(answerSchemas));
  });
});
