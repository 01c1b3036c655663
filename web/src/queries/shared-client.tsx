import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { onAccountSwitch } from './account-switch';
import { createQueryClient } from './client';

// The signed-in areas' server state lives in TanStack Query; the public pages and the session do not use
// it (issue 17: ≈ 10 KB gzipped off every first visit). Each signed-in area's chunk (web/src/areas/*.ts)
// exports `AreaProvider`, which area-chunks.ts wraps its pages in: so only a signed-in visit downloads
// TanStack Query, and every area shares this ONE client, made on first use — an institution page and the
// account page read from one cache, as when the provider sat in main.tsx.

let shared: QueryClient | undefined;

/** The one query cache of the signed-in areas; a sign-in or sign-out empties it (queries/account-switch.ts). */
export function sharedQueryClient(): QueryClient {
  if (!shared) {
    const client = createQueryClient();
    onAccountSwitch(() => client.removeQueries());
    shared = client;
  }
  return shared;
}

/** Around every page of a signed-in area (area-chunks.ts). */
export function QueryProvider({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={sharedQueryClient()}>{children}</QueryClientProvider>;
}
