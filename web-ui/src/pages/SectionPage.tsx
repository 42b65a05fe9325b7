import type { ReactNode } from 'react';
import { Outlet } from 'react-router-dom';
import { SubNav, type SubNavItem } from '../components/SubNav';

interface Props {
  /** Becomes data-testid="page-<id>" and the heading id. */
  id: string;
  title: string;
  lead: ReactNode;
  tabs: readonly SubNavItem[];
}

/** Frame shared by the Clinician, Research and Audit sections: heading, tab row, the active tab below. */
export function SectionPage({ id, title, lead, tabs }: Props) {
  const headingId = `${id}-title`;
  return (
    <section className="page" data-testid={`page-${id}`} aria-labelledby={headingId}>
      <header className="page__header">
        <h1 id={headingId}>{title}</h1>
        <p className="page__lead">{lead}</p>
      </header>
      <SubNav label={`${title} sections`} items={tabs} />
      <div className="page__tab">
        <Outlet />
      </div>
    </section>
  );
}
