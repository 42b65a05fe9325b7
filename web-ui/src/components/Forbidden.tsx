import { Link } from 'react-router-dom';
import { describeRoles } from '../roles';

interface Props {
  roles: readonly string[];
  missingRole: string;
  /** Name of the section, for the heading. */
  what: string;
}

/** Shown when the person opens a section their roles do not unlock (typed URL, old bookmark). */
export function Forbidden({ roles, missingRole, what }: Props) {
  return (
    <section className="page" data-testid="forbidden" aria-labelledby="forbidden-title">
      <h1 id="forbidden-title">{what} is not available to you</h1>
      <div className="notice notice--warning" role="alert">
        <p>
          Your roles ({describeRoles(roles)}) do not include <strong>{missingRole}</strong>.
        </p>
        <p className="muted">
          You do not have the role for this. The server refuses these requests too; ask an administrator if you
          need access.
        </p>
      </div>
      <p>
        <Link to="/">Back to the start page</Link>
      </p>
    </section>
  );
}
