import type { ReactNode } from 'react';

interface Props {
  title: string;
  children: ReactNode;
}

/** The honest "nothing here yet" panel used until a view has real data behind it. */
export function EmptyState({ title, children }: Props) {
  return (
    <div className="empty-state" data-testid="empty-state">
      <h3 className="empty-state__title">{title}</h3>
      <div className="empty-state__body">{children}</div>
    </div>
  );
}
