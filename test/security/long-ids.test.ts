import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { parseJson, send, sendJson } from '../support/loopback-client';
import { latestDemoAccount, platformPerFile } from '../support/security-platform';

/**
 * Issue 11, item 5 against a real `npm start`: every templated route of the served OpenAPI document,
 * with ids far over DynamoDB's key size and with characters no id has, answers 4xx — never 5xx —
 * anonymously and as the organizer (who passes every policy rule, so the ids reach the use cases).
 * The in-process fuzz with more shapes is test/api/id-fuzz.test.ts.
 */
const platform = platformPerFile();
const Document = z.object({ paths: z.record(z.string(), z.record(z.string(), z.unknown())) });
const oddIds = ['A'.repeat(2100), 'ą'.repeat(1100), 'a#b', '..', '%00', 'x'.repeat(65)];

describe('ids of any length and alphabet on every templated route', () => {
  it('never answer 5xx', async () => {
    const base = platform().baseUrl;
    const doc = parseJson(await send(`${base}/api/openapi.json`), Document);
    const organizer = latestDemoAccount(platform().output(), 'organizer')!;
    const signedIn = await sendJson(`${base}/api/auth/login`, organizer, { from: '127.0.0.70' });
    expect(signedIn.status, signedIn.body).toBe(200);
    const session = (signedIn.headers['set-cookie'] ?? [])
      .map((c) => c.split(';')[0])
      .find((c) => c?.startsWith('session='));
    const failures: string[] = [];
    let sent = 0;
    for (const [template, operations] of Object.entries(doc.paths)) {
      if (!template.includes('{')) continue;
      for (const method of Object.keys(operations).filter((m) => ['get', 'put', 'post', 'delete'].includes(m))) {
        for (const id of oddIds) {
          const path = template.replace(/\{[^}]+\}/g, encodeURIComponent(id));
          for (const cookie of [undefined, session]) {
            const headers: Record<string, string> = { origin: base, 'content-type': 'application/json' };
            if (cookie) headers.cookie = cookie;
            const reply = await send(`${base}${path}`, {
              method: method.toUpperCase(),
              from: '127.0.0.70',
              headers,
              ...(method === 'get' || method === 'delete' ? {} : { body: '{}' }),
            });
            sent++;
            if (reply.status >= 500)
              failures.push(`${method.toUpperCase()} ${template} (${id.slice(0, 12)}…): ${reply.status}`);
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(300);
    expect(failures).toEqual([]);
  });
});
