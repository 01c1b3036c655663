import { act } from '@testing-library/react';
import { vi } from 'vitest';

/**
 * A fetch under the test's control: every request waits until the test answers it, so the order
 * answers arrive in is the test's choice (a slow answer for an old filter, a save that fails…).
 */
export interface PendingRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  /** Answers with a JSON body. */
  reply: (status: number, body: unknown) => void;
  /** Fails as the network does (fetch rejects). */
  fail: () => void;
  answered: boolean;
  /** Settles once the app has read the answer's body. */
  consumed: Promise<void>;
}

export function installFakeFetch() {
  const requests: PendingRequest[] = [];
  const fetch = vi.fn((input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const url = new URL(href, 'http://localhost:3000');
    let markConsumed = () => {};
    const consumed = new Promise<void>((done) => {
      markConsumed = done;
    });
    return new Promise<Response>((resolve, reject) => {
      const request: PendingRequest = {
        consumed,
        method: (init?.method ?? 'GET').toUpperCase(),
        path: url.pathname,
        query: url.searchParams,
        body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
        answered: false,
        reply: (status, body) => {
          request.answered = true;
          const response = new Response(JSON.stringify(body), {
            status,
            headers: { 'content-type': 'application/json' },
          });
          const read = response.json.bind(response);
          response.json = async () => {
            const parsed: unknown = await read();
            markConsumed();
            return parsed;
          };
          resolve(response);
        },
        fail: () => {
          request.answered = true;
          markConsumed();
          reject(new TypeError('Failed to fetch'));
        },
      };
      requests.push(request);
    });
  });
  vi.stubGlobal('fetch', fetch);

  /** The requests not answered yet that match, oldest first. */
  const pending = (method: string, path: string | RegExp) =>
    requests.filter(
      (r) => !r.answered && r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)),
    );
  /** Waits until `count` such requests are pending (a query fires from an effect, after the render). */
  const waitFor = (method: string, path: string | RegExp, count = 1) =>
    vi.waitFor(() => {
      const found = pending(method, path);
      if (found.length < count) throw new Error(`${found.length} of ${count} ${method} ${path} pending`);
      return found;
    }, 5000);
  return { requests, pending, waitFor };
}

/**
 * Lets the app finish what an answer started: the query cache hands results to React on a later
 * tick, so a few ticks pass (inside act, so React renders what they changed).
 */
export const settle = () =>
  act(async () => {
    for (let tick = 0; tick < 5; tick++) await new Promise<void>((done) => setTimeout(done, 0));
  });

/** An API error body as the server sends it. */
export const apiError = (code: string, message: string, fields?: Record<string, string>) => ({
  error: { code, message, ...(fields ? { fields } : {}) },
});
