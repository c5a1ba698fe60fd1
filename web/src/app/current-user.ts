import { createContext, useContext } from 'react';
import type { Endpoint } from '../../../src/core/schema';
import type { Me } from '../../../src/security/schema';

export const CurrentUserContext = createContext<Me | null>(null);

/** The logged-in user; only valid below RequireAuth, which renders nothing else until the user is known. */
export function useCurrentUser(): Me {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser used outside RequireAuth');
  return user;
}

/**
 * Whether the logged-in user's role may call an endpoint: the console shows an action only to those the
 * server would let through (and the server checks again).
 */
export function useMayCall(): (endpoint: Endpoint) => boolean {
  const user = useCurrentUser();
  return (endpoint) => endpoint.roles !== 'public' && endpoint.roles.includes(user.role);
}
