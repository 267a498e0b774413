import type { ReactElement, ReactNode } from 'react';
import { Navigate } from 'react-router';
import type { Permission } from '../../shared/auth/roles';
import type { SessionInfo } from '../../shared/contract/types';
import { useSession } from './session/SessionContext';

/**
 * Who a screen or menu entry is for beyond a permission: a fact of the person, not of his roles
 * (本部门接待 is for whoever heads a department). The server checks again on every call.
 */
export type Audience = (session: SessionInfo) => boolean;

/**
 * One screen of a domain: its path, what it shows, and the permission it needs (if any). The
 * element is a lazyScreen (lazy.tsx), so that its code loads with the screen, not before.
 */
export interface ScreenRoute {
  path: string;
  element: ReactElement;
  permission?: Permission;
  audience?: Audience;
}

/** One sidebar entry. `order` places it among the other domains' entries. */
export interface MenuEntry {
  path: string;
  labelKey: string;
  icon: ReactNode;
  permission?: Permission;
  audience?: Audience;
  order: number;
  /** Screens outside the menu, reached from this entry, that highlight it (path prefixes). */
  alsoFor?: readonly string[];
  /** A count next to the label (the approval inbox), rendered inside the menu item. */
  badge?: () => ReactNode;
}

/** What a domain adds to the app shell: routes inside the layout, bare routes (print), menu. */
export interface DomainRoutes {
  routes: ScreenRoute[];
  /** Screens without the sidebar (the printable form). */
  bareRoutes?: ScreenRoute[];
  menu: MenuEntry[];
}

/** Whether the signed-in person may see a screen or menu entry (its permission and audience). */
export function useAllowed(): (entry: { permission?: Permission; audience?: Audience }) => boolean {
  const { can, session } = useSession();
  return (entry) =>
    (!entry.permission || can(entry.permission)) &&
    (!entry.audience || (session !== null && entry.audience(session)));
}

export function Guard({
  permission,
  audience,
  children,
}: {
  permission: Permission | undefined;
  audience?: Audience;
  children: ReactElement;
}) {
  const allowed = useAllowed();
  return allowed({ permission, audience }) ? children : <Navigate to="/" replace />;
}
