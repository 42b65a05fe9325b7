import { Link } from 'react-router-dom';
import { useCurrentUser } from '../auth/session';
import { sectionsFor } from '../roles';

export function HomePage() {
  const user = useCurrentUser();
  const sections = sectionsFor(user.roles);
  return (
    <section className="page" data-testid="page-home" aria-labelledby="home-title">
      <header className="page__header">
        <h1 id="home-title">Welcome, {user.displayName || user.username}</h1>
        <p className="page__lead">
          {sections.length > 0
            ? 'These are the parts of Vigil your roles give you access to.'
            : 'Your account has no roles yet, so there is nothing you can open. Ask an administrator to grant one.'}
        </p>
      </header>
      {sections.length > 0 && (
        <ul className="section-cards">
          {sections.map((section) => (
            <li key={section.id} className="section-card" data-testid={`home-section-${section.id}`}>
              <h2 className="section-card__title">
                <Link to={section.path}>{section.label}</Link>
              </h2>
              <p>{section.summary}</p>
              <p className="section-card__role muted">Role: {section.role}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
