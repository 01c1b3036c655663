import { type Agent, type IncomingHttpHeaders, request } from 'node:http';
import * as z from 'zod/mini';

/**
 * HTTP for the security probes: plain node:http, so a probe chooses its source address (Linux routes
 * all of 127.0.0.0/8 to loopback, so 127.0.0.10 and 127.0.0.20 are two clients on one machine), sends
 * a body chunked or with a Content-Length, reuses a keep-alive agent, and sees every header as sent.
 * Every request has a time limit; nothing is retried.
 */
export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface SendOptions {
  method?: string;
  /** The client socket's local address; 127.0.0.1 when omitted. */
  from?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Send the body as chunks without a Content-Length (as a streaming client does). */
  chunked?: boolean;
  /** A keep-alive agent to reuse connections; by default each request has its own. */
  agent?: Agent;
  timeoutMs?: number;
}

export function send(url: string, options: SendOptions = {}): Promise<Reply> {
  const target = new URL(url);
  const body = typeof options.body === 'string' ? Buffer.from(options.body) : options.body;
  const headers: Record<string, string> = { ...options.headers };
  if (body && !options.chunked) headers['content-length'] = String(body.length);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: options.method ?? (body ? 'POST' : 'GET'),
        headers,
        localAddress: options.from ?? '127.0.0.1',
        agent: options.agent ?? false,
        timeout: options.timeoutMs ?? 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${req.method} ${url}: no answer within the time limit`)));
    req.on('error', reject);
    if (body && options.chunked) {
      for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.subarray(i, i + 64 * 1024));
      req.end();
    } else req.end(body);
  });
}

/** A JSON request, as the web app sends it. */
export function sendJson(url: string, value: unknown, options: Omit<SendOptions, 'body'> = {}): Promise<Reply> {
  return send(url, {
    method: 'POST',
    ...options,
    headers: { 'content-type': 'application/json', ...options.headers },
    body: JSON.stringify(value),
  });
}

/** The answer's JSON, checked against the shape the probe relies on. */
export function parseJson<T>(reply: Reply, schema: z.ZodMiniType<T>): T {
  return z.parse(schema, JSON.parse(reply.body));
}

/** The `session=…` pair from a login answer, for the Cookie header of later requests. */
export function sessionCookie(reply: Reply): string {
  const cookie = (reply.headers['set-cookie'] ?? []).find((c) => c.startsWith('session='));
  if (!cookie) throw new Error(`no session cookie in the answer (${reply.status}): ${reply.body}`);
  return cookie.split(';')[0] ?? '';
}
