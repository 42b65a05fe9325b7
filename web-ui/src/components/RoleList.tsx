/** Roles as small tags; an empty list is said in words rather than shown as nothing. */
export function RoleList({ roles }: { roles: readonly string[] }) {
  if (roles.length === 0) return <span className="muted">no roles</span>;
  return (
    <ul className="role-list" aria-label="Roles">
      {roles.map((role) => (
        <li key={role} className="role-tag">
          {role}
        </li>
      ))}
    </ul>
  );
}
