/**
 * The text files, one per language and area (`locales/<area>.<lang>.json`; `common` is `pl.json`/`en.json`).
 * `common` and `landing` are loaded before the first render (i18n.ts); the others with the areas below.
 */
export const TEXT_AREAS = [
  'common',
  'landing',
  'start',
  'public',
  'accounts',
  'application',
  'assignment',
  'audit',
  'certificates',
  'consequences',
  'editions',
  'results',
  'rubric',
  'scoring',
  'verification',
  'survey',
] as const;
export type TextArea = (typeof TEXT_AREAS)[number];

/**
 * The text files each area chunk (area-chunks.ts, `web/src/areas/<name>.ts`) loads with its code, besides
 * the common ones every page has. A plain table with no imports at run time, so the web benchmark
 * (bench/web/web-bundle.ts) reads it too; test/unit/web-area-texts.test.ts checks that every key prefix an
 * area's code uses is listed here.
 */
export const AREA_TEXTS = {
  start: ['start'],
  public: ['public'],
  register: ['accounts'],
  laureates: ['results'],
  verification: ['verification'],
  survey: ['survey'],
  institution: ['accounts', 'application', 'certificates', 'results', 'survey'],
  expert: ['application', 'assignment', 'editions', 'scoring'],
  organizer: [
    'accounts',
    'application',
    'assignment',
    'audit',
    'certificates',
    'consequences',
    'editions',
    'results',
    'rubric',
    'scoring',
    'survey',
  ],
  account: ['accounts'],
  outbox: ['accounts'],
} as const satisfies Record<string, readonly TextArea[]>;

export type AreaName = keyof typeof AREA_TEXTS;
