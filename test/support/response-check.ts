import { afterEach, expect } from 'vitest';
import { safeParse } from 'zod/mini';
import { operationAccess } from '../../shared/http/openapi/access';
import { schemaOf } from '../../shared/http/openapi/component-names';
import { observeResponses, type ResponseSpec } from '../../shared/http/openapi/describe';
import { matchedEndpoint } from '../../shared/http/middleware/authorize';
import { routePolicy } from '../../shared/http/routes/policy';
import { commonErrors } from '../../shared/http/schemas';

/**
 * Setup file of the api project: every answer a described route gives in any api test is checked
 * against what the OpenAPI document says of it — its status must be documented (by the route, the
 * common errors or the policy table) and a JSON body must parse with the documented schema. So the
 * document cannot drift from what the routes really answer; a test that made such an answer fails.
 */
const mismatches: string[] = [];

observeResponses(async (c, spec) => {
  const status = c.res.status;
  const endpoint = matchedEndpoint(c);
  const where = `${c.req.method} ${endpoint?.path ?? c.req.path} → ${status}`;
  const rule = endpoint ? routePolicy[`${endpoint.method} ${endpoint.path}`] : undefined;
  const access = operationAccess(rule, endpoint?.path.includes(':') ?? false);
  const documented: ResponseSpec | undefined =
    spec.responses[status] ?? (commonErrors as Record<number, ResponseSpec>)[status] ?? access.responses[status];
  if (!documented) {
    mismatches.push(`${where}: status not documented (${await c.res.clone().text()})`);
    return;
  }
  const schema = schemaOf(documented);
  if (!schema || !(c.res.headers.get('content-type') ?? '').includes('application/json')) return;
  const result = safeParse(schema, await c.res.clone().json());
  if (!result.success)
    mismatches.push(
      `${where}: the body does not match the documented schema: ${JSON.stringify(result.error.issues.slice(0, 5))}`,
    );
});

afterEach(() => {
  const found = mismatches.splice(0);
  expect(found, 'answers that differ from the OpenAPI document').toEqual([]);
});
