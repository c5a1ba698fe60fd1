import { QueryCache, QueryClient } from '@tanstack/react-query';
import { meEndpoint } from '../../../src/security/schema';
import { ApiError } from '../api/client';
import { endpointKey } from '../api/useEndpoint';

/**
 * Client errors (4xx) are answers, not glitches: retrying a 403 or a validation error only delays the
 * message. Network failures and 5xx get one more try. A 401 anywhere means the session ended (expired,
 * logged out in another tab): re-asking who the user is sends RequireAuth to the login page.
 */
export function createQueryClient(): QueryClient {
  const meKey = endpointKey(meEndpoint);
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        // The me query's own 401 is what RequireAuth acts on; re-asking it would loop.
        if (!(error instanceof ApiError) || error.status !== 401 || query.queryKey[1] === meEndpoint.path)
          return;
        void client.invalidateQueries({ queryKey: meKey });
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 1,
      },
    },
  });
  return client;
}
