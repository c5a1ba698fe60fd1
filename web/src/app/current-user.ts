import { createContext, useContext } from 'react';
import type { Me } from '../../../src/security/schema';

export const CurrentUserContext = createContext<Me | null>(null);

/** The logged-in user; only valid below RequireAuth, which renders nothing else until the user is known. */
export function useCurrentUser(): Me {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser used outside RequireAuth');
  return user;
}
