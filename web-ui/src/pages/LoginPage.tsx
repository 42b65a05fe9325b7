import { useState, type FormEvent } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { errorMessage } from '../api/client';
import type { LoginRedirectState } from '../auth/RequireAuth';
import { useSession } from '../auth/session';

export function LoginPage() {
  const { state, signIn } = useSession();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (state.status === 'signed-in') {
    const from = (location.state as LoginRedirectState | null)?.from;
    return <Navigate to={from && from !== '/login' ? from : '/'} replace />;
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (username.trim() === '' || password === '') {
      setError('Enter your username and password.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await signIn(username.trim(), password);
      // Success re-renders this page as signed in, which redirects.
    } catch (failure) {
      setError(errorMessage(failure));
      setPassword('');
      setBusy(false);
    }
  };

  const notice = state.status === 'signed-out' ? state.notice : undefined;

  return (
    <div className="login">
      <main className="login__card" aria-labelledby="login-title">
        <div className="login__brand">
          <span className="brand__mark brand__mark--large" aria-hidden="true" />
          <h1 id="login-title" className="login__title">
            Vigil
          </h1>
        </div>
        <p className="login__subtitle">Clinical decision-support research platform</p>

        {notice && !error && (
          <div className="notice notice--info" role="status" data-testid="login-notice">
            {notice}
          </div>
        )}

        <form className="form" onSubmit={onSubmit} noValidate aria-describedby={error ? 'login-error' : undefined}>
          <div className="field">
            <label htmlFor="username">Username</label>
            <input
              id="username"
              name="username"
              type="text"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              autoFocus
              required
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="password">Password</label>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          {error && (
            <div id="login-error" className="notice notice--error" role="alert" data-testid="login-error">
              {error}
            </div>
          )}
          <button id="login-submit" type="submit" className="button button--primary button--block" disabled={busy || state.status === 'loading'}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </main>
    </div>
  );
}
