import type { ReactElement, ReactNode } from 'react';
import { Navigate } from 'react-router';
import type { Permission } from '../../shared/auth/roles';
import { useSession } from './session/SessionContext';

/**
 * One screen of a domain: its path, what it shows, and the permission it needs (if any). The
 * element is a lazyScreen (lazy.tsx), so that its code loads with the screen, not before.
 */
export interface ScreenRoute {
  path: string;
  element: ReactElement;
  permission?: Permission;
}

/** One sidebar entry. `order` places it among the other domains' entries. */
export interface MenuEntry {
  path: string;
  labelKey: string;
  icon: ReactNode;
  permission?: Permission;
  order: number;
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

export function Guard({
  permission,
  children,
}: {
  permission: Permission | undefined;
  children: ReactElement;
}) {
  const { can } = useSession();
  return !permission || can(permission) ? children : <Navigate to="/" replace />;
}
