import { type ComponentType, lazy } from 'react';
import { loadTexts, type TextArea } from './i18n';

/**
 * The SPA's pages come in chunks, one per area (issue 17): a visitor downloads the code and the texts of
 * the areas they open, never the organizer's editor on the start page. Each area's module
 * (`web/src/areas/<name>.ts`) re-exports its pages; the texts it needs are loaded beside its code, in
 * the UI's language. test/web/area-texts.test.ts checks that every key prefix an area's code uses is
 * listed here.
 */
export const AREA_TEXTS = {
  start: [],
  public: [],
  register: [],
  laureates: ['results'],
  verification: ['certificates'],
  institution: ['application', 'certificates', 'results'],
  expert: ['application', 'assignment', 'editions', 'scoring'],
  organizer: [
    'application',
    'assignment',
    'audit',
    'certificates',
    'consequences',
    'editions',
    'results',
    'rubric',
    'scoring',
  ],
  account: [],
  outbox: [],
} as const satisfies Record<string, readonly TextArea[]>;

export type AreaName = keyof typeof AREA_TEXTS;

/**
 * A lazy page of one area: the area's module and texts load once (together, in parallel) however many
 * of its pages are shown; a failed download is retried by the next page that needs the area.
 */
function area<M>(name: AreaName, load: () => Promise<M>) {
  let ready: Promise<M> | undefined;
  const loadArea = () => {
    ready ??= Promise.all([load(), loadTexts(AREA_TEXTS[name])]).then(
      ([module]) => module,
      (error: unknown) => {
        ready = undefined;
        throw error;
      },
    );
    return ready;
  };
  return (pick: (module: M) => ComponentType) => lazy(async () => ({ default: pick(await loadArea()) }));
}

export const startPage = area('start', () => import('./areas/start'));
export const publicPage = area('public', () => import('./areas/public'));
export const registerPage = area('register', () => import('./areas/register'));
export const laureatesPage = area('laureates', () => import('./areas/laureates'));
export const verificationPage = area('verification', () => import('./areas/verification'));
export const institutionPage = area('institution', () => import('./areas/institution'));
export const expertPage = area('expert', () => import('./areas/expert'));
export const organizerPage = area('organizer', () => import('./areas/organizer'));
export const accountPage = area('account', () => import('./areas/account'));
export const outboxPage = area('outbox', () => import('./areas/outbox'));
