import { NavLink } from 'react-router-dom';
import { useCurrentUser } from '../auth/session';
import { sectionsFor } from '../roles';

const linkClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'mainnav__link is-active' : 'mainnav__link');

/** Left navigation: Home for everyone, then one link per section the user's roles unlock. */
export function MainNav() {
  const user = useCurrentUser();
  const sections = sectionsFor(user.roles);
  return (
    <nav className="mainnav" aria-label="Main" data-testid="main-nav">
      <ul>
        <li>
          <NavLink to="/" end className={linkClass} data-testid="nav-home">
            Home
          </NavLink>
        </li>
        {sections.map((section) => (
          <li key={section.id}>
            <NavLink to={section.path} className={linkClass} data-testid={`nav-${section.id}`}>
              {section.label}
            </NavLink>
          </li>
        ))}
      </ul>
      {sections.length === 0 && (
        <p className="mainnav__empty">Your account has no roles yet. Ask an administrator to grant one.</p>
      )}
    </nav>
  );
}
