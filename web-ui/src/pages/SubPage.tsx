import type { ReactNode } from 'react';

/** One tab inside a section; `id` becomes data-testid="tab-<id>". */
export function SubPage({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="subpage" data-testid={`tab-${id}`} aria-labelledby={`tab-${id}-title`}>
      <h2 id={`tab-${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}
