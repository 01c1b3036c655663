import { useMemo, useSyncExternalStore } from 'react';
import type accountsPl from './locales/accounts.pl.json';
import type applicationPl from './locales/application.pl.json';
import type assignmentPl from './locales/assignment.pl.json';
import type auditPl from './locales/audit.pl.json';
import type certificatesPl from './locales/certificates.pl.json';
import type consequencesPl from './locales/consequences.pl.json';
import type editionsPl from './locales/editions.pl.json';
import type landingPl from './locales/landing.pl.json';
import type pl from './locales/pl.json';
import type resultsPl from './locales/results.pl.json';
import type rubricPl from './locales/rubric.pl.json';
import type publicPl from './locales/public.pl.json';
import type scoringPl from './locales/scoring.pl.json';
import type startPl from './locales/start.pl.json';
import type verificationPl from './locales/verification.pl.json';
import type surveyPl from './locales/survey.pl.json';

/**
 * The SPA's own small translation layer (issue 17: i18next + react-i18next were 19 KB of every first
 * visit; this is under 1 KB). It keeps the part of their API the app uses: `useTranslation()` →
 * `{ t, i18n }`, `t(key, { count, ...values })` with `{{value}}` placeholders and the plural keys
 * `key_one/_few/_many/_other` chosen by `Intl.PluralRules` (the CLDR rules i18next uses), Polish as the
 * fallback for a key missing in English, the key itself for a key missing everywhere, and a re-render
 * of every translated component when the language changes or texts arrive (an area's, a language's).
 */

/** Every text, typed from the Polish files (Polish is the fallback, so every key must exist there). */
type Texts = typeof pl &
  typeof accountsPl &
  typeof verificationPl &
  typeof surveyPl &
  typeof startPl &
  typeof publicPl &
  typeof editionsPl &
  typeof applicationPl &
  typeof assignmentPl &
  typeof scoringPl &
  typeof resultsPl &
  typeof certificatesPl &
  typeof auditPl &
  typeof landingPl &
  typeof consequencesPl &
  typeof rubricPl;

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

type PluralBase<K extends string> = K extends `${infer B}_one`
  ? B
  : K extends `${infer B}_few`
    ? B
    : K extends `${infer B}_many`
      ? B
      : K extends `${infer B}_other`
        ? B
        : K;

/** A text's key (`layout.brand`); a plural text by its base key, with `count`. */
export type TextKey = PluralBase<Leaves<Texts>>;

/** Placeholder values (`{{name}}`); `count` also picks the plural form. */
export type TextValues = Record<string, unknown> & { count?: number };

export type TFunction = (key: TextKey, values?: TextValues) => string;

type Tree = { [key: string]: string | Tree };
type Event = 'languageChanged' | 'added';

const FALLBACK = 'pl';
const stores = new Map<string, Tree>();
const listeners = new Map<Event, Set<(language: string) => void>>();
const renderers = new Set<() => void>();
/** Bumped on every change: what translated components subscribe to. */
let version = 0;

function emit(event: Event, language: string): void {
  version += 1;
  for (const listener of listeners.get(event) ?? []) listener(language);
  for (const render of renderers) render();
}

function merge(target: Tree, source: Tree): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (typeof value === 'object' && typeof existing === 'object') merge(existing, value);
    else target[key] = typeof value === 'object' ? structuredClone(value) : value;
  }
}

/** A text by its dotted path; a key may hold dots itself (the audit texts name actions so), as i18next allows. */
function find(node: string | Tree | undefined, parts: readonly string[], from: number): string | undefined {
  if (from === parts.length) return typeof node === 'string' ? node : undefined;
  if (!node || typeof node !== 'object') return undefined;
  for (let to = from + 1; to <= parts.length; to++) {
    const found = find(node[parts.slice(from, to).join('.')], parts, to);
    if (found !== undefined) return found;
  }
  return undefined;
}

const lookup = (language: string, key: string) => find(stores.get(language), key.split('.'), 0);

const pluralRules = new Map<string, Intl.PluralRules>();
function pluralOf(language: string, count: number): string {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    pluralRules.set(language, rules);
  }
  return rules.select(count);
}

function resolve(language: string, key: string, count: unknown): string | undefined {
  if (typeof count === 'number') {
    const text = lookup(language, `${key}_${pluralOf(language, count)}`) ?? lookup(language, `${key}_other`);
    if (text !== undefined) return text;
  }
  return lookup(language, key);
}

/** A key's text in a language (Polish when that language lacks it, the key when no language has it). */
function translate(language: string, key: string, values?: TextValues): string {
  const text = resolve(language, key, values?.count) ?? resolve(FALLBACK, key, values?.count);
  if (text === undefined) return key;
  if (!values) return text;
  // A placeholder without a value stays as written (as i18next leaves it).
  return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (placeholder, name: string) =>
    values[name] === undefined || values[name] === null ? placeholder : String(values[name]),
  );
}

export const i18n = {
  /** The UI's language. */
  language: FALLBACK as string,
  t: ((key, values) => translate(i18n.language, key, values)) as TFunction,
  /** A `t` bound to one language, whatever the UI's is. */
  getFixedT(language: string): TFunction {
    return (key, values) => translate(language, key, values);
  },
  /** Whether a language has a text (not counting the fallback's). */
  exists: (language: string, key: string): boolean => lookup(language, key) !== undefined,
  /** Adds texts to a language (merged into what is there), and re-renders translated components. */
  addTexts(language: string, texts: Record<string, unknown>): void {
    let store = stores.get(language);
    if (!store) {
      store = {};
      stores.set(language, store);
    }
    merge(store, texts as Tree);
    emit('added', language);
  },
  changeLanguage(language: string): Promise<void> {
    if (language !== i18n.language) {
      i18n.language = language;
      emit('languageChanged', language);
    }
    return Promise.resolve();
  },
  on(event: Event, listener: (language: string) => void): void {
    let set = listeners.get(event);
    if (!set) {
      set = new Set();
      listeners.set(event, set);
    }
    set.add(listener);
  },
};

export type I18n = typeof i18n;

const subscribe = (render: () => void) => {
  renderers.add(render);
  return () => renderers.delete(render);
};
const snapshot = () => version;

/**
 * `t` in the UI's language (or in `options.lng`, for a page with its own language), re-rendering when the
 * language changes or texts are added. The first argument is react-i18next's namespace, always the one.
 */
export function useTranslation(_namespace?: undefined, options?: { lng?: string }): { t: TFunction; i18n: I18n } {
  const current = useSyncExternalStore(subscribe, snapshot);
  const language = options?.lng ?? i18n.language;
  // A new `t` after every change, so memoized children that take it re-render too.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `current` is the texts' version
  const t = useMemo(() => i18n.getFixedT(language), [language, current]);
  return { t, i18n };
}
