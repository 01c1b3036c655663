import { Agent } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { FILE_MAX_BYTES } from '../../shared/editions/questionnaire';
import { parseJson, send } from '../support/loopback-client';
import { platformPerFile } from '../support/security-platform';

/**
 * Issue 11, item 10: a 413 used to go out with `Connection: keep-alive` while the client was still
 * sending, and the socket was then reset — bodies over ~2 MiB sometimes got no status line at all.
 * Every oversized body must get a 413 the client can read, on a fresh or a reused connection, with or
 * without a Content-Length, from fetch (undici) as from node:http.
 */
const platform = platformPerFile();
const MiB = 1024 * 1024;
const ErrorBody = z.object({ error: z.object({ code: z.string() }) });

const cases = [
  // The JSON body limit of every API route (shared/http/app.ts, 1 MiB by default).
  { name: 'a 3 MiB JSON login', method: 'POST', path: '/api/auth/login', size: 3 * MiB, rounds: 6 },
  // The upload route's own limit (the largest attachment), on a link shaped like one (claims.HMAC) that
  // does not verify: the body limit answers before the link is looked at.
  {
    name: 'an oversized upload',
    method: 'PUT',
    path: '/api/uploads/eyJrZXkiOiJub25lIn0.bm90LWEtcmVhbC1zaWduYXR1cmU',
    size: FILE_MAX_BYTES + MiB,
    rounds: 3,
  },
] as const;

describe('oversized bodies get a 413 the client can read', () => {
  const agents: Agent[] = [];
  afterAll(() => {
    for (const agent of agents) agent.destroy();
  });

  for (const c of cases) {
    const body = new Uint8Array(c.size).fill(0x61);
    const headers = { 'content-type': 'application/json' };

    for (const chunked of [false, true]) {
      it(`${c.name}, ${chunked ? 'chunked' : 'with a Content-Length'}, over one keep-alive connection`, async () => {
        const agent = new Agent({ keepAlive: true, maxSockets: 1 });
        agents.push(agent);
        const outcomes: string[] = [];
        for (let i = 0; i < c.rounds; i++) {
          const reply = await send(`${platform().baseUrl}${c.path}`, {
            method: c.method,
            headers,
            body,
            chunked,
            agent,
          }).then(
            (r) => `${r.status} ${parseJson(r, ErrorBody).error.code} connection=${r.headers.connection}`,
            (error: NodeJS.ErrnoException) => `failed: ${error.code ?? error.message}`,
          );
          outcomes.push(reply);
        }
        expect(outcomes).toEqual(Array(c.rounds).fill('413 PAYLOAD_TOO_LARGE connection=close'));
      });
    }

    it(`${c.name}, with fetch`, async () => {
      const outcomes: string[] = [];
      for (let i = 0; i < c.rounds; i++) {
        outcomes.push(
          await fetch(`${platform().baseUrl}${c.path}`, { method: c.method, headers, body }).then(
            async (r) => `${r.status} ${z.parse(ErrorBody, await r.json()).error.code}`,
            (error: Error & { cause?: { code?: string } }) => `failed: ${error.cause?.code ?? error.message}`,
          ),
        );
      }
      expect(outcomes).toEqual(Array(c.rounds).fill('413 PAYLOAD_TOO_LARGE'));
    });
  }

  it('the platform still answers afterwards', async () => {
    expect((await send(`${platform().baseUrl}/api/health`)).status).toBe(200);
  });
});
