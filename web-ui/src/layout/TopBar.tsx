import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useCurrentUser, useSession } from '../auth/session';
import { describeRoles } from '../roles';

export function TopBar() {
  const user = useCurrentUser();
  const { signOut } = useSession();
  const [signingOut, setSigningOut] = useState(false);

  const onSignOut = async () => {
    setSigningOut(true);
    await signOut(); // the auth guard then shows the login page
  };

  return (
    <header className="topbar">
      <Link to="/" className="brand" aria-label="Vigil home">
        <span className="brand__mark" aria-hidden="true" />
        <span className="brand__name">Vigil</span>
      </Link>
      <div className="topbar__user">
        <span className="current-user" data-testid="current-user" title={`Signed in as ${user.username}`}>
          <span className="current-user__name">{user.displayName || user.username}</span>{' '}
          <span className="current-user__login">({user.username})</span>
          <span className="current-user__roles"> · {describeRoles(user.roles)}</span>
        </span>
        <button type="button" className="button" data-testid="logout" onClick={onSignOut} disabled={signingOut}>
          {signingOut ? 'Signing out…' : 'Sign out'}
        </button>
      </div>
    </header>
  );
}
