import { QueryClient } from '@tanstack/react-query';

/**
 * One cache for the app's server state. The defaults keep what the app did before it had a cache:
 * every screen reads fresh data when it opens (nothing outlives the screen that shows it, so a page
 * never flashes a list from an earlier visit), nothing refetches behind the user's back on focus or
 * reconnect, and a failed call is reported at once instead of being retried for seconds.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { gcTime: 0, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  });
}
