import type { ReactNode } from 'react';

/**
 * The scrolling box around a wide table: a region named by the table's heading that keyboard users
 * can focus to scroll it sideways (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export function ScrollRegion({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region has to take focus, or a keyboard cannot scroll it
    <section className="table-scroll" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </section>
  );
}
