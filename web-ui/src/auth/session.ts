// Session state and the context object, kept apart from the provider component so that React's fast
// refresh can reload the provider file on its own.
import { createContext, useContext } from 'react';
import type { CurrentUser } from '../api/types';

export type SessionState =
  | { status: 'loading' }
  /** `notice` explains to the person why they are signed out (session expired, server unreachable). */
  | { status: 'signed-out'; notice?: string }
  | { status: 'signed-in'; user: CurrentUser };

export interface Session {
  state: SessionState;
  /** Throws ApiError when the server refuses; resolves once the user is known. */
  signIn(username: string, password: string): Promise<void>;
  /** Ends the session on the server, then reloads the app on the login page (see SessionProvider). */
  signOut(): Promise<void>;
}

export const SESSION_EXPIRED_NOTICE = 'Your session expired, please sign in again.';
export const UNKNOWN_USER_MESSAGE = 'Unknown user or wrong password';

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}

/** For components that are only rendered behind the auth guard. */
export function useCurrentUser(): CurrentUser {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useCurrentUser used outside a signed-in route');
  return state.user;
}
