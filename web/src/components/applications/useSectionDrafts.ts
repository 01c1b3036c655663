import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError, send } from '../../api';
import {
  answerProblem,
  isAnswered,
  type AnswerValue,
  type Answers,
  type Section,
} from '../../../../shared/editions/questionnaire';
import { toFormError } from '../form';
import type { ApplicationView } from './format';
import type { Value } from './QuestionInput';

export type SaveStatus = 'idle' | 'dirty' | 'saving' | 'saved' | 'invalid' | 'error' | 'conflict';

export interface SectionDraft {
  /** What the form shows, by question id (file questions excluded: attachments answer them). */
  values: Record<string, Value>;
  /** The version of the section this draft builds on (0: never saved). */
  version: number;
  /** The answers as the server last stored them. */
  saved: Answers;
  status: SaveStatus;
  /** When the last save of this page succeeded (ISO). */
  savedAt?: string;
  message?: string;
  /** The server's messages from a refused save, by question id. */
  fieldErrors: Record<string, string>;
  /** Unsaved edits were restored from this browser on load. */
  restored: boolean;
  /** Increases with every edit: a save that finishes after newer edits does not mark them saved. */
  rev: number;
}

interface Stored {
  values: Record<string, Value>;
  version: number;
  tab: string;
}

const DEBOUNCE_MS = 1000;
const storageKey = (applicationId: string, sectionId: string) => `ap-draft:${applicationId}:${sectionId}`;

const answerable = (section: Section) => section.questions.filter((q) => q.type !== 'file');

/** The section's answers in question order, unanswered ones as null, so two versions compare as text. */
function normalized(section: Section, values: Record<string, unknown>): Record<string, AnswerValue | null> {
  return Object.fromEntries(
    answerable(section).map((q) => {
      const v = values[q.id] as AnswerValue | null | undefined;
      return [q.id, v !== undefined && v !== null && isAnswered(v) ? v : null];
    }),
  );
}
const same = (section: Section, a: Record<string, unknown>, b: Record<string, unknown>) =>
  JSON.stringify(normalized(section, a)) === JSON.stringify(normalized(section, b));

/**
 * The answers of every section with autosave: a save ~1 s after typing stops, per section, from the
 * section's last known version. Unsaved edits stay in localStorage until a save succeeds, so a
 * reload never loses them. A save another tab beat (409 STALE_VERSION) keeps the edits and waits for
 * the user's choice: re-save them over the newer version, or load the saved one.
 */
export function useSectionDrafts(applicationId: string, fetchView: () => Promise<ApplicationView>) {
  const drafts = useRef<Record<string, SectionDraft>>({});
  const sections = useRef<Section[]>([]);
  const [, setTick] = useState(0);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const inflight = useRef(new Map<string, Promise<void>>());
  const tab = useRef(Math.random().toString(36).slice(2)).current;

  const render = useCallback(() => setTick((n) => n + 1), []);
  const sectionOf = (sectionId: string) => sections.current.find((s) => s.id === sectionId);
  const patch = (sectionId: string, change: Partial<SectionDraft>) => {
    const current = drafts.current[sectionId];
    if (!current) return;
    drafts.current = { ...drafts.current, [sectionId]: { ...current, ...change } };
    render();
  };

  const readLocal = (sectionId: string): Stored | null => {
    try {
      const raw = localStorage.getItem(storageKey(applicationId, sectionId));
      return raw ? (JSON.parse(raw) as Stored) : null;
    } catch {
      return null;
    }
  };
  const writeLocal = (sectionId: string) => {
    const d = drafts.current[sectionId];
    if (!d) return;
    try {
      localStorage.setItem(
        storageKey(applicationId, sectionId),
        JSON.stringify({ values: d.values, version: d.version, tab } satisfies Stored),
      );
    } catch {
      // storage full or blocked: the form still holds the edits
    }
  };
  /** Forgets the stored edits — only this tab's, unless `any` (another tab may be keeping its own). */
  const clearLocal = (sectionId: string, any = false) => {
    const stored = readLocal(sectionId);
    if (stored && (any || stored.tab === tab)) localStorage.removeItem(storageKey(applicationId, sectionId));
  };

  const fromServer = (view: ApplicationView, sectionId: string) =>
    view.sections[sectionId] ?? { answers: {}, version: 0 };

  const save = useCallback(
    (sectionId: string): Promise<void> => {
      const running = inflight.current.get(sectionId);
      if (running) return running; // its completion sees the newer edits and saves again
      const draft = drafts.current[sectionId];
      const section = sectionOf(sectionId);
      if (!draft || !section || draft.status === 'conflict') return Promise.resolve();
      // Answers the form itself finds invalid are not sent (the server would refuse the whole
      // section): the stored answer is kept for them and the field shows what is wrong.
      let invalid = false;
      const answers: Record<string, AnswerValue | null> = {};
      for (const q of answerable(section)) {
        const v = draft.values[q.id];
        if (v === undefined || v === null || !isAnswered(v)) answers[q.id] = null;
        else if (answerProblem(q, v)) {
          invalid = true;
          answers[q.id] = draft.saved[q.id] ?? null;
        } else answers[q.id] = v;
      }
      const rev = draft.rev;
      patch(sectionId, { status: 'saving' });
      const run = (async () => {
        try {
          const res = await send(
            api.api.applications[':applicationId'].sections[':sectionId'].$put({
              param: { applicationId, sectionId },
              json: { answers, version: draft.version },
            }),
          );
          const saved = await res.json();
          const unchanged = drafts.current[sectionId]?.rev === rev;
          patch(sectionId, {
            version: saved.version,
            saved: saved.answers as Answers,
            savedAt: saved.updatedAt,
            fieldErrors: {},
            message: undefined,
            restored: false,
            status: unchanged ? (invalid ? 'invalid' : 'saved') : 'dirty',
          });
          if (unchanged && !invalid) clearLocal(sectionId);
          else writeLocal(sectionId); // the newer base version
          if (!unchanged) schedule(sectionId);
        } catch (error) {
          if (error instanceof ApiError && error.code === 'STALE_VERSION') {
            patch(sectionId, { status: 'conflict', message: error.message });
            return;
          }
          const { message, fields } = toFormError(error);
          const fieldErrors: Record<string, string> = {};
          for (const [path, text] of Object.entries(fields))
            if (path.startsWith('answers.')) fieldErrors[path.slice('answers.'.length)] = text;
          patch(sectionId, { status: 'error', message, fieldErrors });
        } finally {
          inflight.current.delete(sectionId);
        }
      })();
      inflight.current.set(sectionId, run);
      return run;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [applicationId],
  );

  const schedule = (sectionId: string) => {
    const timer = timers.current.get(sectionId);
    if (timer) clearTimeout(timer);
    timers.current.set(
      sectionId,
      setTimeout(() => {
        timers.current.delete(sectionId);
        void save(sectionId);
      }, DEBOUNCE_MS),
    );
  };

  /** Starts from the server's answers; unsaved edits kept in this browser win over them (or conflict). */
  const reset = useCallback(
    (view: ApplicationView, editable: boolean) => {
      for (const timer of timers.current.values()) clearTimeout(timer);
      timers.current.clear();
      sections.current = view.questionnaire.sections;
      const next: Record<string, SectionDraft> = {};
      const toSave: string[] = [];
      for (const section of view.questionnaire.sections) {
        const server = fromServer(view, section.id);
        const draft: SectionDraft = {
          values: { ...server.answers },
          version: server.version,
          saved: server.answers as Answers,
          status: 'idle',
          fieldErrors: {},
          restored: false,
          rev: 0,
        };
        const local = readLocal(section.id);
        if (local && editable && !same(section, local.values, server.answers)) {
          draft.values = local.values;
          draft.restored = true;
          if (local.version === server.version) {
            draft.status = 'dirty';
            toSave.push(section.id);
          } else draft.status = 'conflict';
        } else if (local && (!editable || same(section, local.values, server.answers))) {
          localStorage.removeItem(storageKey(applicationId, section.id));
        }
        next[section.id] = draft;
      }
      drafts.current = next;
      for (const id of toSave) {
        writeLocal(id); // now this tab's
        schedule(id);
      }
      for (const section of view.questionnaire.sections)
        if (next[section.id]?.status === 'conflict') writeLocal(section.id);
      render();
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [applicationId],
  );

  const setValue = (sectionId: string, questionId: string, value: Value) => {
    const d = drafts.current[sectionId];
    if (!d) return;
    const { [questionId]: _dropped, ...fieldErrors } = d.fieldErrors;
    patch(sectionId, {
      values: { ...d.values, [questionId]: value },
      rev: d.rev + 1,
      fieldErrors,
      status: d.status === 'conflict' ? 'conflict' : 'dirty',
    });
    writeLocal(sectionId);
    if (d.status !== 'conflict') schedule(sectionId);
  };

  /** Saves everything now (before a submit); resolves when no save is pending. */
  const flush = async () => {
    for (let round = 0; round < 5; round++) {
      for (const timer of timers.current.values()) clearTimeout(timer);
      timers.current.clear();
      const pending = Object.entries(drafts.current)
        .filter(([, d]) => d.status === 'dirty' || d.status === 'error')
        .map(([id]) => save(id));
      const running = [...inflight.current.values()];
      if (pending.length === 0 && running.length === 0) return;
      await Promise.all([...pending, ...running]);
    }
  };

  /** "Use my version": take the section's current version from the server and save the edits over it. */
  const keepMine = async (sectionId: string) => {
    const view = await fetchView();
    const server = fromServer(view, sectionId);
    patch(sectionId, {
      version: server.version,
      saved: server.answers as Answers,
      status: 'dirty',
      message: undefined,
    });
    writeLocal(sectionId);
    await save(sectionId);
  };

  /** "Load saved version": the edits are dropped for what the server has. */
  const loadSaved = async (sectionId: string) => {
    const view = await fetchView();
    const server = fromServer(view, sectionId);
    const d = drafts.current[sectionId];
    patch(sectionId, {
      values: { ...server.answers },
      version: server.version,
      saved: server.answers as Answers,
      status: 'idle',
      message: undefined,
      fieldErrors: {},
      restored: false,
      rev: (d?.rev ?? 0) + 1,
    });
    clearLocal(sectionId, true);
  };

  useEffect(
    () => () => {
      for (const timer of timers.current.values()) clearTimeout(timer);
    },
    [],
  );

  return { drafts: drafts.current, reset, setValue, save, flush, keepMine, loadSaved };
}
