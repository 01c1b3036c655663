import { type ComponentType, createElement, lazy, type ReactNode, useState } from 'react';
import { AREA_TEXTS, type AreaName } from './area-texts';
import { loadTexts } from './i18n';

// The SPA's pages come in chunks, one per area (issue 17): a visitor downloads the code and the texts of
// the areas they open, never the organizer's editor on the start page. Each area's module
// (`web/src/areas/<name>.ts`) re-exports its pages; the texts it needs (area-texts.ts) are loaded beside
// its code, in the UI's language.

/** A page of an area: rendered directly once the area is loaded, lazily (suspending) before that. */
export type AreaPage = ComponentType & { preload: () => Promise<unknown>; area: AreaName };

/**
 * What an area's module may export beside its pages: a provider its pages are rendered in. The signed-in
 * areas export TanStack Query's (queries/shared-client.tsx, one client for all of them), so the public
 * pages and the entry do without it (issue 17).
 */
type AreaProvider = ComponentType<{ children: ReactNode }>;

/** The page `pick` chooses, inside the area's provider if it has one. */
function pageOf<M>(module: M, pick: (module: M) => ComponentType): ComponentType {
  const Component = pick(module);
  const Provider = (module as { AreaProvider?: AreaProvider }).AreaProvider;
  if (!Provider) return Component;
  // biome-ignore lint/correctness/noComponentHookFactories: made once per route when its area arrives (area() keeps it), never during a render
  return function InArea() {
    return createElement(Provider, null, createElement(Component));
  };
}

/**
 * The pages of one area: the area's module and texts load once (together, in parallel) however many of
 * its pages are shown; a failed download is retried by the next page that needs the area.
 */
function area<M>(name: AreaName, load: () => Promise<M>) {
  let ready: Promise<M> | undefined;
  let module: M | undefined;
  const loadArea = () => {
    ready ??= Promise.all([load(), loadTexts(AREA_TEXTS[name])]).then(
      ([loaded]) => {
        module = loaded;
        return loaded;
      },
      (error: unknown) => {
        ready = undefined;
        throw error;
      },
    );
    return ready;
  };
  return (pick: (module: M) => ComponentType): AreaPage => {
    let wrapped: ComponentType | undefined;
    const pageIn = (loaded: M) => {
      wrapped ??= pageOf(loaded, pick);
      return wrapped;
    };
    const Lazy = lazy(async () => ({ default: pageIn(await loadArea()) }));
    // React.lazy suspends on its first render even when the code is already here (the first visit's
    // page, preloaded by main.tsx; a second page of an open area): the page is then rendered directly,
    // so no fallback is committed. Chosen once per mount, so the page never remounts mid-visit.
    // biome-ignore lint/correctness/noComponentHookFactories: made once per route when App.tsx's table is built, never during a render
    function Page() {
      const [Component] = useState<ComponentType>(() => (module ? pageIn(module) : Lazy));
      return createElement(Component);
    }
    return Object.assign(Page, { preload: loadArea, area: name });
  };
}

export const startPage = area('start', () => import('./areas/start'));
export const publicPage = area('public', () => import('./areas/public'));
export const registerPage = area('register', () => import('./areas/register'));
export const laureatesPage = area('laureates', () => import('./areas/laureates'));
export const verificationPage = area('verification', () => import('./areas/verification'));
export const surveyPage = area('survey', () => import('./areas/survey'));
export const institutionPage = area('institution', () => import('./areas/institution'));
export const expertPage = area('expert', () => import('./areas/expert'));
export const organizerPage = area('organizer', () => import('./areas/organizer'));
export const accountPage = area('account', () => import('./areas/account'));
export const outboxPage = area('outbox', () => import('./areas/outbox'));
