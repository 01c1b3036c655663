import { useCallback, useEffect, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { Rubric } from '../../../../shared/editions/rubric';
import { ApiError } from '../../api';
import { toFormError, type FormError } from '../../forms/errors';
import { useSaveSheet, type ScoreSheet } from '../../queries/reviews';
import { toFormFields, toSheetContent, type SheetValues } from './sheet-values';

/** 'saving' from the first edit on: pending edits are shown as being saved, never as "Zapisano". */
export type AutosaveStatus = 'idle' | 'saving' | 'saved' | 'error' | 'stale';

export interface AutosaveState {
  status: AutosaveStatus;
  savedAt: string | null;
  message: string;
}

const DELAY_MS = 1000;

/**
 * The draft's autosave: every edit (re)starts a one-second timer; saves run one after another, each
 * from the version the last one answered, so the server's optimistic check sees one writer per tab.
 * A 409 (another tab saved, or the sheet was submitted or scoring closed) stops saving until the user loads the saved version;
 * a 400 puts the server's field messages on the fields (`onFieldErrors`).
 */
export function useSheetAutosave({
  editionId,
  applicationId,
  rubric,
  initial,
  methods,
  enabled,
  onFieldErrors,
}: {
  editionId: string;
  applicationId: string;
  rubric: Rubric;
  initial: ScoreSheet;
  methods: UseFormReturn<SheetValues>;
  enabled: boolean;
  onFieldErrors: (error: FormError | null) => void;
}) {
  const { mutateAsync } = useSaveSheet(editionId, applicationId);
  const version = useRef(initial.version);
  const dirty = useRef(false);
  const blocked = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const [state, setState] = useState<AutosaveState>({
    status: 'idle',
    savedAt: initial.version > 0 ? initial.updatedAt : null,
    message: '',
  });

  const saveOnce = useCallback(async () => {
    if (!dirty.current || blocked.current) return;
    dirty.current = false;
    setState((s) => ({ ...s, status: 'saving', message: '' }));
    try {
      const content = toSheetContent(rubric, methods.getValues());
      const saved = await mutateAsync({ ...content, version: version.current });
      version.current = saved.version;
      setState({ status: 'saved', savedAt: saved.updatedAt, message: '' });
      onFieldErrors(null);
    } catch (error) {
      const e = toFormError(error);
      // Saved in another tab (STALE_VERSION), or submitted or closed meanwhile (INVALID_STATE): stop, offer the stored sheet.
      if (error instanceof ApiError && error.status === 409) {
        blocked.current = true;
        setState((s) => ({ ...s, status: 'stale', message: e.message }));
        return;
      }
      if (error instanceof ApiError && error.status === 400) {
        onFieldErrors({ ...e, fields: toFormFields(rubric, e.fields) });
      } else {
        dirty.current = true; // a network or server failure: "try again" sends the same edits
      }
      setState((s) => ({ ...s, status: 'error', message: e.message }));
    }
  }, [rubric, methods, mutateAsync, onFieldErrors]);

  /** Saves what is pending now (after the running save, if any) and resolves when it is done. */
  const flush = useCallback(() => {
    clearTimeout(timer.current);
    chain.current = chain.current.then(saveOnce);
    return chain.current;
  }, [saveOnce]);

  useEffect(() => {
    if (!enabled) return;
    const subscription = methods.watch((_values, info) => {
      if (info.type !== 'change') return; // a reset (loading the saved version) is not an edit
      dirty.current = true;
      if (!blocked.current) setState((s) => (s.status === 'saving' ? s : { ...s, status: 'saving', message: '' }));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DELAY_MS);
    });
    return () => subscription.unsubscribe();
  }, [enabled, methods, flush]);

  useEffect(() => () => clearTimeout(timer.current), []);

  /** After loading the stored sheet: its version is the base again and nothing is pending. */
  const rebase = useCallback((sheet: ScoreSheet) => {
    clearTimeout(timer.current);
    version.current = sheet.version;
    dirty.current = false;
    blocked.current = false;
    setState({ status: 'idle', savedAt: sheet.version > 0 ? sheet.updatedAt : null, message: '' });
  }, []);

  /**
   * Saves what is pending, and a sheet never saved yet even untouched, so that what hangs off the
   * stored draft (evidence files) has one; true when a draft is stored and saving is not stopped.
   */
  const ensureSaved = useCallback(async () => {
    if (version.current === 0 && !blocked.current) dirty.current = true;
    await flush();
    return !blocked.current && version.current > 0;
  }, [flush]);

  const retry = useCallback(() => {
    dirty.current = true;
    void flush();
  }, [flush]);

  return {
    state,
    flush,
    ensureSaved,
    rebase,
    retry,
    version,
    hasPending: () => dirty.current,
    isBlocked: () => blocked.current,
  };
}
