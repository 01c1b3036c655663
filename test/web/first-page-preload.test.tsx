import { afterEach, describe, expect, it } from 'vitest';
import { preloadScript } from '../../web/build/first-page-preload';
import { pageAt } from '../../web/src/App';
import type { AreaName } from '../../web/src/area-texts';
import { PUBLIC_ROUTES } from '../../web/src/public-routes';

// Issue 17: the document preloads the first page's area chunk and texts (web/build/first-page-preload.ts)
// from web/src/public-routes.ts. That table must agree with App.tsx's, or a page would preload another
// area's code (wasted bytes) and still wait a round for its own.

/** Paths of every public page, by the area App.tsx renders them with. */
const PUBLIC_PAGES: Record<string, readonly string[]> = {
  start: ['/'],
  public: ['/login', '/forgot-password', '/reset-password', '/verify-email', '/accept-invitation', '/login/'],
  laureates: ['/laureaci', '/laureaci/2026-edition'],
  verification: ['/weryfikacja', '/weryfikacja/ABCDE-12345', '/en/verify', '/en/verify/ABCDE-12345'],
  survey: ['/ankieta/01KSURVEY0000000000000000A'],
};
/** Pages the table leaves out on purpose (signed-in, registration, unknown): nothing is preloaded there. */
const NOT_PRELOADED = [
  '/register',
  '/institution',
  '/organizer/editions',
  '/organizer/editions/e1',
  '/expert',
  '/nope',
];

const matchingArea = (path: string) => {
  const clean = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return PUBLIC_ROUTES.find(([pattern]) => new RegExp(`^(?:${pattern})$`).test(clean))?.[1];
};

describe('public-routes.ts', () => {
  it('names, for every public page, the area App.tsx renders it with', () => {
    for (const [area, paths] of Object.entries(PUBLIC_PAGES))
      for (const path of paths) {
        expect(pageAt(path).area, path).toBe(area);
        expect(matchingArea(path), path).toBe(area);
      }
  });

  it('preloads nothing for signed-in pages, registration and unknown paths', () => {
    for (const path of NOT_PRELOADED) expect(matchingArea(path), path).toBeUndefined();
  });

  it('covers only areas App.tsx uses for the public pages listed here', () => {
    const areas = new Set(PUBLIC_ROUTES.map(([, area]) => area));
    expect([...areas].sort()).toEqual(Object.keys(PUBLIC_PAGES).sort() as AreaName[]);
  });
});

describe('the preload script', () => {
  const files = {
    pl: { '': ['pl.js', 'landing.pl.js'], start: ['start.js', 'start.pl.js'], public: ['public.js', 'public.pl.js'] },
    en: { '': ['en.js', 'landing.en.js'], start: ['start.js', 'start.en.js'], public: ['public.js', 'public.en.js'] },
  };
  const routes = [
    ['/', 'start'],
    ['/login|/(forgot|reset)-password', 'public'],
  ] as const;
  const run = (path: string) => {
    window.history.replaceState(null, '', path);
    new Function(preloadScript('/assets/', routes, files))();
    return [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((link) =>
      link.getAttribute('href'),
    );
  };
  afterEach(() => {
    for (const link of document.head.querySelectorAll('link[rel="modulepreload"]')) link.remove();
    window.history.replaceState(null, '', '/');
  });

  it("adds the page's area chunks and texts, and the common texts, in Polish by default", () => {
    expect(run('/login/')).toEqual([
      '/assets/pl.js',
      '/assets/landing.pl.js',
      '/assets/public.js',
      '/assets/public.pl.js',
    ]);
    expect(run('/')).toContain('/assets/start.pl.js');
  });

  it('follows the stored UI language, as i18n.ts does', () => {
    localStorage.setItem('lang', 'en');
    expect(run('/reset-password')).toEqual([
      '/assets/en.js',
      '/assets/landing.en.js',
      '/assets/public.js',
      '/assets/public.en.js',
    ]);
  });

  it('adds only the common texts on a page it does not know', () => {
    expect(run('/organizer/editions')).toEqual(['/assets/pl.js', '/assets/landing.pl.js']);
  });
});
