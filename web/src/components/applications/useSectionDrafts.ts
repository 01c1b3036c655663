import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { applicationQuery, useSaveSection } from '../../queries/applications';
import { createSectionDrafts } from './section-drafts';

export type { SaveStatus, SectionDraft } from './section-drafts';

/**
 * The application form's section drafts with autosave (see createSectionDrafts): saves go through
 * the section-save mutation, "use my version" / "load saved" read the application through the query
 * cache, and edits are kept in localStorage. One store per application.
 */
export function useSectionDrafts(applicationId: string) {
  const queryClient = useQueryClient();
  const { mutateAsync: saveSection } = useSaveSection(applicationId);
  const create = () =>
    createSectionDrafts({
      applicationId,
      saveSection,
      fetchView: () => queryClient.fetchQuery(applicationQuery(applicationId)),
      storage: localStorage,
    });
  const [store, setStore] = useState(create);
  if (store.applicationId !== applicationId) setStore(create());
  useEffect(() => store.dispose, [store]);
  const drafts = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return {
    drafts,
    /** The drafts as they are now (after an awaited flush, not as of the last render). */
    getDrafts: store.getSnapshot,
    reset: store.reset,
    setValue: store.setValue,
    save: store.save,
    flush: store.flush,
    keepMine: store.keepMine,
    loadSaved: store.loadSaved,
  };
}
