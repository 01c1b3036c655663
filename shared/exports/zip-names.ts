import type { Edition } from '../editions/edition';
import { inLanguage } from '../editions/localized';
import type { Language } from '../language';

/**
 * A name Windows, macOS and Linux all accept for a folder or file: no control or bidi characters,
 * separators and reserved characters as "_", no trailing dot or space, at most `max` characters.
 */
export function folderName(name: string, max = 100): string {
  const cleaned = name
    .replace(/[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu, '')
    .replace(/[\\/:*?"<>|]/g, '_')
    .replace(/\s+/g, ' ')
    .trim();
  return (
    [...cleaned]
      .slice(0, max)
      .join('')
      .replace(/[. ]+$/, '') || '_'
  );
}

/**
 * The question folders of the ZIP: each question's title in the organizer's language (issue 16 §1),
 * filename-safe; two questions with the same title get " (2)", " (3)"… so their files never mix.
 */
export function questionFolders(edition: Edition, language: Language): Map<string, string> {
  const folders = new Map<string, string>();
  const used = new Set<string>();
  for (const section of edition.questionnaire.sections)
    for (const q of section.questions) {
      if (q.type !== 'file') continue;
      const base = folderName(inLanguage(q.label, language));
      let name = base;
      for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} (${n})`;
      used.add(name.toLowerCase());
      folders.set(q.id, name);
    }
  return folders;
}
