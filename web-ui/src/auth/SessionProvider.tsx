import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, NETWORK_FAILURE, errorMessage, onUnauthorized } from '../api/client';
import * as authApi from '../api/auth';
import { SESSION_EXPIRED_NOTICE, UNKNOWN_USER_MESSAGE, SessionContext, type Session, type SessionState } from './session';

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  // On start, ask the server whether the session cookie is still good (a reload must not sign out).
  useEffect(() => {
    let cancelled = false;
    authApi
      .fetchCurrentUser()
      .then((user) => !cancelled && setState({ status: 'signed-in', user }))
      .catch((error: unknown) => {
        if (cancelled) return;
        const expected = error instanceof ApiError && error.status === 401;
        setState({ status: 'signed-out', notice: expected ? undefined : errorMessage(error) });
      });
    return () => {
      cancelled = true;
    };
  }, []);

  // Any 401 from an API call while signed in means the server dropped the session.
  useEffect(
    () =>
      onUnauthorized(() =>
        setState((current) =>
          current.status === 'signed-in'
            ? { status: 'signed-out', notice: SESSION_EXPIRED_NOTICE }
            : current,
        ),
      ),
    [],
  );

  const signIn = useCallback(async (username: string, password: string) => {
    try {
      await authApi.login(username, password);
    } catch (error) {
      // The form-login endpoint answers 401 without a useful body; say it the way people expect.
      if (error instanceof ApiError && error.status === 401) {
        throw new ApiError({ ...error.problem, detail: UNKNOWN_USER_MESSAGE });
      }
      throw error;
    }
    try {
      const user = await authApi.fetchCurrentUser();
      setState({ status: 'signed-in', user });
    } catch (error) {
      // Login said yes but the follow-up call is anonymous: the cookie was not kept (blocked cookies, proxy).
      if (error instanceof ApiError && error.status === 401) {
        throw new ApiError({
          title: 'Signed in, but no session',
          status: 401,
          detail: 'The server accepted the password but the session cookie was not kept. Are cookies blocked?',
          errors: [],
        });
      }
      throw error;
    }
  }, []);

  const signOut = useCallback(async () => {
    try {
      await authApi.logout();
    } catch (error) {
      // Signing out locally is still right when the server is gone or already forgot us; anything else
      // is worth telling, since the server-side session may still be alive.
      if (!(error instanceof ApiError && (error.status === NETWORK_FAILURE || error.status === 401))) {
        setState({ status: 'signed-out', notice: `Signed out here, but the server said: ${errorMessage(error)}` });
        return;
      }
    }
    // A full reload drops everything the previous person's pages held in memory (patient data later on)
    // and starts the next person on a clean login page.
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/login`);
    window.location.reload();
  }, []);

  const session = useMemo<Session>(() => ({ state, signIn, signOut }), [state, signIn, signOut]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
