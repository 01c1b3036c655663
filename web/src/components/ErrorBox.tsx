import { useEffect, useRef, type ReactNode } from 'react';

/**
 * What went wrong, as a group named by its heading that takes focus when it appears or a new failure
 * replaces it (`focusKey` changes), so a screen reader reads it and the next Tab continues from it.
 */
export function ErrorBox({
  headingId,
  heading,
  focusKey,
  className = 'error-summary',
  children,
}: {
  headingId: string;
  heading: ReactNode;
  focusKey: unknown;
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusKey) ref.current?.focus();
  }, [focusKey]);
  return (
    // biome-ignore lint/a11y/useSemanticElements: the error-summary pattern, a focusable group named by its heading; a <fieldset> would announce a group of form controls
    <div className={className} ref={ref} tabIndex={-1} role="group" aria-labelledby={headingId}>
      {heading}
      {children}
    </div>
  );
}
