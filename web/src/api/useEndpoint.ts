import {
  useMutation,
  useQuery,
  type UseMutationOptions,
  type UseQueryOptions,
  type UseQueryResult,
} from '@tanstack/react-query';
import type { Endpoint } from '../../../src/core/schema';
import { callEndpoint, type ApiError, type EndpointArgs, type EndpointResult } from './client';

/**
 * The cache key of one endpoint call. Its first two parts are the method and path, so
 * `invalidateQueries({ queryKey: endpointKey(e) })` refreshes every call of that endpoint.
 */
export function endpointKey(endpoint: Endpoint, args?: object): readonly unknown[] {
  return args === undefined ? [endpoint.method, endpoint.path] : [endpoint.method, endpoint.path, args];
}

type QueryOptions<E> = Omit<UseQueryOptions<EndpointResult<E>, ApiError>, 'queryKey' | 'queryFn'>;

/** Reads a GET endpoint through react-query. @example useEndpoint(spendByCategoryEndpoint, { query: { window: '90d' } }) */
export function useEndpoint<E extends Endpoint>(
  endpoint: E,
  args: EndpointArgs<E>,
  options: QueryOptions<E> = {},
): UseQueryResult<EndpointResult<E>, ApiError> {
  return useQuery<EndpointResult<E>, ApiError>({
    queryKey: endpointKey(endpoint, args),
    queryFn: ({ signal }) => callEndpoint(endpoint, args, signal),
    ...options,
  });
}

type MutationOptions<E> = Omit<
  UseMutationOptions<EndpointResult<E>, ApiError, EndpointArgs<E>>,
  'mutationFn'
>;

/** Changes something through a POST/PUT/PATCH/DELETE endpoint. @example useEndpointMutation(loginEndpoint).mutate({ body }) */
export function useEndpointMutation<E extends Endpoint>(endpoint: E, options: MutationOptions<E> = {}) {
  return useMutation<EndpointResult<E>, ApiError, EndpointArgs<E>>({
    mutationFn: (args) => callEndpoint(endpoint, args),
    ...options,
  });
}
