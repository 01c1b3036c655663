import { useEffect, useRef } from 'react';
import { useTranslation } from '../translation';
import { hasNavigated } from '../router';

/**
 * The page's one h1. It names the browser tab too, and after an in-app navigation it takes focus,
 * so a screen reader announces the new page and the next Tab starts from its top.
 */
export function PageTitle({ children }: { children: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} — ${t('layout.brand')}`;
  }, [children, t]);
  useEffect(() => {
    if (hasNavigated()) ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
