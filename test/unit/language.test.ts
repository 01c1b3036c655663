import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { requestLanguage } from '../../shared/http/language';

async function languageOf(headers: Record<string, string>): Promise<string> {
  const app = new Hono().get('/', (c) => c.text(requestLanguage(c)));
  return (await app.request('/', { headers })).text();
}

describe('request language', () => {
  it('defaults to Polish', async () => {
    expect(await languageOf({})).toBe('pl');
    expect(await languageOf({ 'accept-language': 'de-DE,fr;q=0.8' })).toBe('pl');
  });
  it('honours Accept-Language quality order', async () => {
    expect(await languageOf({ 'accept-language': 'en-GB,en;q=0.9' })).toBe('en');
    expect(await languageOf({ 'accept-language': 'de, en;q=0.5, pl;q=0.7' })).toBe('pl');
    expect(await languageOf({ 'accept-language': 'pl;q=0, en;q=0.1' })).toBe('en');
  });
  it('the lang cookie wins over the header', async () => {
    expect(await languageOf({ cookie: 'lang=en', 'accept-language': 'pl' })).toBe('en');
    expect(await languageOf({ cookie: 'lang=xx', 'accept-language': 'en' })).toBe('en');
  });
});
