import * as z from 'zod/mini';
import { text } from '../institutions/institution';

/** Text the organizer writes in Polish and, optionally, English (the UI falls back to Polish). */
export const localized = (max: number) =>
  z.object({ pl: text(max), en: z.optional(z.string().check(z.trim(), z.maxLength(max))) });
export type Localized = { pl: string; en?: string };

/** A message a clerk reads, in both languages; the error handler picks the request's. */
export type Message = { pl: string; en: string };

export const inLanguage = (t: Localized, lang: 'pl' | 'en'): string => (lang === 'en' && t.en ? t.en : t.pl);

/** Codes of rubric items, sections and questions: short, stable, safe in keys and field paths. */
export const code = z.string().check(
  z.trim(),
  z.refine((v) => /^[a-z0-9][a-z0-9_-]{0,39}$/i.test(v), 'code'),
);

/** Rubric codes may carry dots ("A1.2"), as the chapter numbers its criteria. */
export const rubricCode = z.string().check(
  z.trim(),
  z.refine((v) => /^[a-z0-9][a-z0-9._-]{0,39}$/i.test(v), 'code'),
);
