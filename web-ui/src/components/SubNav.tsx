import { NavLink } from 'react-router-dom';

export interface SubNavItem {
  /** Route relative to the section, e.g. "patients". */
  to: string;
  label: string;
}

/** The tab row inside a section (Patients / TACE planning …). */
export function SubNav({ label, items }: { label: string; items: readonly SubNavItem[] }) {
  return (
    <nav className="subnav" aria-label={label} data-testid="sub-nav">
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} className={({ isActive }) => (isActive ? 'subnav__link is-active' : 'subnav__link')}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
