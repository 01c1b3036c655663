import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { FIRST_PAGE, type PagePosition } from './pages';

/**
 * The position of a paged list, back on the first page whenever `scope` (the filters, the role…)
 * changes: the scope is part of the state, so a page of an old filter is never asked for again.
 */
export function usePagePosition(scope: string) {
  const [state, setState] = useState<{ scope: string; at: PagePosition }>({ scope, at: FIRST_PAGE });
  const at = state.scope === scope ? state.at : FIRST_PAGE;
  return {
    at,
    first: () => setState({ scope, at: FIRST_PAGE }),
    next: (cursor: string) => setState({ scope, at: { cursor, number: at.number + 1 } }),
  };
}

/**
 * Focus for keyboard users after paging: the pager's button may vanish with the old page, so once
 * the page asked for is shown, focus moves to `target` (the list's heading). Call the returned
 * function when a page is asked for.
 */
export function useFocusWhenShown(target: RefObject<HTMLElement | null>, shown: boolean): () => void {
  const pending = useRef(false);
  useEffect(() => {
    if (shown && pending.current) {
      pending.current = false;
      target.current?.focus();
    }
  }, [shown, target]);
  return () => {
    pending.current = true;
  };
}

/** The offset of an offset-paged list, back to 0 whenever `scope` (the filter) changes. */
export function useOffset(scope: string) {
  const [state, setState] = useState({ scope, offset: 0 });
  const offset = state.scope === scope ? state.offset : 0;
  const go = useCallback((at: number) => setState({ scope, offset: at }), [scope]);
  return { offset, go };
}
