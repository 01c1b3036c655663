import { ApiError } from '../../api';
import {
  answerProblem,
  isAnswered,
  type AnswerValue,
  type Answers,
  type Section,
} from '../../../../shared/editions/questionnaire';
import { fieldsUnder, toFormError } from '../../forms/errors';
import type { ApplicationView, SectionSave, SectionSaved } from '../../queries/applications';
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

export type Drafts = Readonly<Record<string, SectionDraft>>;

interface Stored {
  values: Record<string, Value>;
  version: number;
  tab: string;
}

export interface DraftDeps {
  applicationId: string;
  /** Saves one section's answers from the version it builds on (409 STALE_VERSION when another save won). */
  saveSection: (save: SectionSave & { sectionId: string }) => Promise<SectionSaved>;
  /** The application as the server has it now. */
  fetchView: () => Promise<ApplicationView>;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  debounceMs?: number;
}

export const DEBOUNCE_MS = 1000;
export const storageKey = (applicationId: string, sectionId: string) => `ap-draft:${applicationId}:${sectionId}`;

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
/**
 * A survey evidence answer the server just resolved takes the snapshot's place in the form — unless it
 * was changed meanwhile — so a "take a new snapshot" is sent once, not with every later autosave.
 */
function withSnapshots(
  section: Section,
  values: Record<string, Value>,
  sent: Record<string, Value>,
  saved: Answers,
): Record<string, Value> {
  const out = { ...values };
  for (const q of section.questions)
    if (q.type === 'surveyResults' && values[q.id] === sent[q.id]) out[q.id] = saved[q.id] ?? null;
  return out;
}
const same = (section: Section, a: Record<string, unknown>, b: Record<string, unknown>) =>
  JSON.stringify(normalized(section, a)) === JSON.stringify(normalized(section, b));

const fromServer = (view: ApplicationView, sectionId: string) =>
  view.sections[sectionId] ?? { answers: {}, version: 0 };

/**
 * The answers of every section with autosave: a save ~1 s after typing stops, per section, from the
 * section's last known version. Unsaved edits stay in the browser's storage until a save succeeds,
 * so a reload never loses them. A save another tab beat (409 STALE_VERSION) keeps the edits and waits
 * for the user's choice: re-save them over the newer version, or load the saved one. Plain state with
 * subscribers (no React), so the hook is a thin adapter and the rules can be tested alone.
 */
export function createSectionDrafts(deps: DraftDeps) {
  const { applicationId, storage } = deps;
  const debounceMs = deps.debounceMs ?? DEBOUNCE_MS;
  const tab = Math.random().toString(36).slice(2);
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const inflight = new Map<string, Promise<void>>();
  const listeners = new Set<() => void>();
  let drafts: Drafts = {};
  let sections: Section[] = [];

  const notify = () => {
    for (const listener of listeners) listener();
  };
  const sectionOf = (sectionId: string) => sections.find((s) => s.id === sectionId);
  const patch = (sectionId: string, change: Partial<SectionDraft>) => {
    const current = drafts[sectionId];
    if (!current) return;
    drafts = { ...drafts, [sectionId]: { ...current, ...change } };
    notify();
  };

  const readLocal = (sectionId: string): Stored | null => {
    try {
      const raw = storage.getItem(storageKey(applicationId, sectionId));
      return raw ? (JSON.parse(raw) as Stored) : null;
    } catch {
      return null;
    }
  };
  const writeLocal = (sectionId: string) => {
    const d = drafts[sectionId];
    if (!d) return;
    try {
      storage.setItem(
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
    if (stored && (any || stored.tab === tab)) storage.removeItem(storageKey(applicationId, sectionId));
  };

  const clearTimers = () => {
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
  };

  const schedule = (sectionId: string) => {
    const timer = timers.get(sectionId);
    if (timer) clearTimeout(timer);
    timers.set(
      sectionId,
      setTimeout(() => {
        timers.delete(sectionId);
        void save(sectionId);
      }, debounceMs),
    );
  };

  const save = (sectionId: string): Promise<void> => {
    const running = inflight.get(sectionId);
    if (running) return running; // its completion sees the newer edits and saves again
    const draft = drafts[sectionId];
    const section = sectionOf(sectionId);
    if (!draft || !section || draft.status === 'conflict') return Promise.resolve();
    // Answers the form itself finds invalid are not sent (the server would refuse the whole
    // section): the stored answer is kept for them and the field shows what is wrong.
    let invalid = false;
    const answers: Record<string, Value> = {};
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
        const saved = await deps.saveSection({ sectionId, answers, version: draft.version });
        const unchanged = drafts[sectionId]?.rev === rev;
        patch(sectionId, {
          version: saved.version,
          values: withSnapshots(section, drafts[sectionId]?.values ?? {}, answers, saved.answers as Answers),
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
        patch(sectionId, { status: 'error', message, fieldErrors: fieldsUnder(fields, 'answers') });
      } finally {
        inflight.delete(sectionId);
      }
    })();
    inflight.set(sectionId, run);
    return run;
  };

  return {
    applicationId,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: (): Drafts => drafts,

    /** Starts from the server's answers; unsaved edits kept in this browser win over them (or conflict). */
    reset(view: ApplicationView, editable: boolean): void {
      clearTimers();
      sections = view.questionnaire.sections;
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
        } else if (local) {
          storage.removeItem(storageKey(applicationId, section.id));
        }
        next[section.id] = draft;
      }
      drafts = next;
      for (const id of toSave) {
        writeLocal(id); // now this tab's
        schedule(id);
      }
      for (const section of view.questionnaire.sections)
        if (next[section.id]?.status === 'conflict') writeLocal(section.id);
      notify();
    },

    setValue(sectionId: string, questionId: string, value: Value): void {
      const d = drafts[sectionId];
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
    },

    save,

    /** Saves everything now (before a submit); resolves when no save is pending. */
    async flush(): Promise<void> {
      for (let round = 0; round < 5; round++) {
        clearTimers();
        const pending = Object.entries(drafts)
          .filter(([, d]) => d.status === 'dirty' || d.status === 'error')
          .map(([id]) => save(id));
        const running = [...inflight.values()];
        if (pending.length === 0 && running.length === 0) return;
        await Promise.all([...pending, ...running]);
      }
    },

    /** "Use my version": take the section's current version from the server and save the edits over it. */
    async keepMine(sectionId: string): Promise<void> {
      const server = fromServer(await deps.fetchView(), sectionId);
      patch(sectionId, {
        version: server.version,
        saved: server.answers as Answers,
        status: 'dirty',
        message: undefined,
      });
      writeLocal(sectionId);
      await save(sectionId);
    },

    /** "Load saved version": the edits are dropped for what the server has. */
    async loadSaved(sectionId: string): Promise<void> {
      const server = fromServer(await deps.fetchView(), sectionId);
      patch(sectionId, {
        values: { ...server.answers },
        version: server.version,
        saved: server.answers as Answers,
        status: 'idle',
        message: undefined,
        fieldErrors: {},
        restored: false,
        rev: (drafts[sectionId]?.rev ?? 0) + 1,
      });
      clearLocal(sectionId, true);
    },

    /** Stops pending autosaves (the page is going away). */
    dispose: clearTimers,
  };
}

export type SectionDraftStore = ReturnType<typeof createSectionDrafts>;
