import { QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderOptions } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { createQueryClient } from '../../../web/src/queries/client';

/** A fresh query cache with the app's defaults around the component, as main.tsx provides it. */
export function withQueryClient() {
  const client = createQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  return { client, wrapper };
}

export function renderWithQuery(ui: ReactElement, options: Omit<RenderOptions, 'wrapper'> = {}) {
  const { client, wrapper } = withQueryClient();
  return { client, ...render(ui, { ...options, wrapper }) };
}
