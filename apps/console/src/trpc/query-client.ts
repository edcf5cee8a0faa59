import { defaultShouldDehydrateQuery, MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isUnauthorized, shouldRetry } from './errors';

/**
 * One QueryClient per server request, one for the browser's lifetime. Server-fetched data is fresh
 * for a while, so hydrated queries do not refetch as soon as the page loads.
 */
export function makeQueryClient(onUnauthorized?: () => void): QueryClient {
  const onError = (err: unknown) => {
    if (onUnauthorized !== undefined && isUnauthorized(err)) onUnauthorized();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: { staleTime: 15_000, retry: shouldRetry, refetchOnWindowFocus: false },
      dehydrate: { shouldDehydrateQuery: (q) => defaultShouldDehydrateQuery(q) || q.state.status === 'pending' },
    },
  });
}
