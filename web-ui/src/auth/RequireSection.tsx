import type { ReactNode } from 'react';
import { Forbidden } from '../components/Forbidden';
import { canUse, sectionById, type SectionId } from '../roles';
import { useCurrentUser } from './session';

/** Explains, instead of rendering, a section the user's roles do not unlock. The server enforces it too. */
export function RequireSection({ section, children }: { section: SectionId; children: ReactNode }) {
  const user = useCurrentUser();
  if (!canUse(user.roles, section)) {
    return <Forbidden roles={user.roles} missingRole={sectionById(section).role} what={sectionById(section).label} />;
  }
  return <>{children}</>;
}
