import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useSession } from './session';

/** Where the login page should go back to after signing in. */
export interface LoginRedirectState {
  from?: string;
}

/** Renders its children only when signed in; otherwise sends the person to the login page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') {
    return (
      <div className="splash" role="status">
        Loading Vigil…
      </div>
    );
  }
  if (state.status === 'signed-out') {
    const from = location.pathname + location.search;
    return <Navigate to="/login" replace state={{ from } satisfies LoginRedirectState} />;
  }
  return <>{children}</>;
}
