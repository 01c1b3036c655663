import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { isLanguage, type Language } from '../language';

export const LANGUAGE_COOKIE = 'lang';

/** Polish first: the `lang` cookie, then Accept-Language, then Polish. */
export function requestLanguage(c: Context): Language {
  const cookie = getCookie(c, LANGUAGE_COOKIE);
  if (isLanguage(cookie)) return cookie;
  const header = c.req.header('accept-language') ?? '';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.toLowerCase().split('-')[0], q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((x) => isLanguage(x.lang) && x.q > 0)
    .sort((a, b) => b.q - a.q);
  const best = ranked[0]?.lang;
  return isLanguage(best) ? best : 'pl';
}
