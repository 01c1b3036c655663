import type { AreaName } from './area-texts.ts';

/**
 * The pages a visitor can open first without an account (a link, a QR code, a search result), by path
 * pattern (matched whole, against the path without its trailing slash), with the area chunk each belongs
 * to. The document preloads that area's code and texts before the entry runs (web/build/first-page-preload.ts,
 * issue 17: one request round less on the pages a phone opens from a QR code). A plain table with no
 * imports at run time, read by the Vite build; test/web/public-routes.test.tsx checks it against App.tsx's
 * table. Left out: the signed-in pages (their first view waits for the session anyway) and registration
 * (reached from the start page, and its chunk list is long): every entry here costs bytes on every first
 * visit, counted by the web benchmark.
 */
export const PUBLIC_ROUTES: readonly (readonly [pattern: string, area: AreaName])[] = [
  ['/', 'start'],
  ['/login|/(forgot|reset)-password|/verify-email|/accept-invitation', 'public'],
  ['/laureaci(/[^/]+)?', 'laureates'],
  ['/(weryfikacja|en/verify)(/[^/]+)?', 'verification'],
  ['/ankieta/[^/]+', 'survey'],
  ['/opinia/[^/]+', 'survey'],
];
