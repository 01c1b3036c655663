import { useSyncExternalStore, type AnchorHTMLAttributes } from 'react';

/**
 * A small history-API router: `useLocation()` re-renders on navigation, `navigate()` pushes a path,
 * and same-origin <a> clicks are intercepted once for the whole document, so plain links suffice.
 */
const listeners = new Set<() => void>();
let clientNavigations = 0;

function notify(): void {
  clientNavigations += 1;
  for (const listener of listeners) listener();
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.scrollTo(0, 0);
  notify();
}

/** True once the user moved between pages inside the SPA (focus then goes to the new page's h1). */
export const hasNavigated = () => clientNavigations > 0;

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const snapshot = () => window.location.pathname + window.location.search;

export function useLocation(): { path: string; query: URLSearchParams } {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, window.location.origin);
  return { path: url.pathname, query: url.searchParams };
}

/** Only in-app paths are accepted as a `next` target (no other origin, no protocol-relative URL). */
export const safeNext = (next: string | null) => (next?.startsWith('/') && !next.startsWith('//') ? next : null);

export function installLinkInterception(): void {
  window.addEventListener('popstate', notify);
  document.addEventListener('click', (event) => {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    const anchor = event.target instanceof Element ? event.target.closest('a') : null;
    if (!anchor || (anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) return;
    if (anchor.origin !== window.location.origin || anchor.pathname.startsWith('/api')) return;
    if (anchor.pathname === window.location.pathname && anchor.search === window.location.search && anchor.hash) return;
    event.preventDefault();
    navigate(anchor.pathname + anchor.search + anchor.hash);
  });
}

/** A link that marks itself as the current page for assistive technology. */
export function NavLink({ href, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const { path } = useLocation();
  return <a href={href} aria-current={path === href ? 'page' : undefined} {...rest} />;
}

/** The last path segment of a parameterized page (`/applications/:applicationId` → the id), decoded. */
export function useLastSegment(): string {
  const { path } = useLocation();
  const last = path.replace(/\/+$/, '').split('/').pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
