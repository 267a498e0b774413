import { useState } from 'react';
import {
  createHashRouter,
  matchRoutes,
  Navigate,
  RouterProvider,
  type RouteObject,
} from 'react-router';
import { QueryProvider } from './api/queries';
import { AppLayout } from './layout/AppLayout';
import { DOMAIN_ROUTES } from './domains';
import { Guard, type ScreenRoute } from './routing';

/**
 * Everything after sign-in: the routes collected from the domains, the layout, the query cache.
 * Its own chunk, loaded by App once someone signs in (or starts typing on the sign-in form), so
 * the sign-in and lock screens carry none of it. Each screen is a chunk of its own as well
 * (lazyScreen in the domains' routes.tsx).
 */
const screen = (r: ScreenRoute): RouteObject => ({
  ...(r.path === '/' ? { index: true } : { path: r.path }),
  element: (
    <Guard permission={r.permission} audience={r.audience}>
      {r.element}
    </Guard>
  ),
  handle: r,
});

/**
 * A data router (not <HashRouter>) so that screens with unsaved edits can hold a navigation with
 * useBlocker; hash URLs because the desktop app loads from file://.
 */
const routes: RouteObject[] = [
  ...DOMAIN_ROUTES.flatMap((d) => d.bareRoutes ?? []).map(screen),
  {
    element: <AppLayout />,
    children: [
      ...DOMAIN_ROUTES.flatMap((d) => d.routes).map(screen),
      { path: '*', element: <Navigate to="/" replace /> },
    ],
  },
];

/** The path of the hash route the browser is on (`#/requests/7?x` → `/requests/7`). */
function currentPath(): string {
  return new URL(window.location.hash.slice(1) || '/', 'http://hash').pathname;
}

/** Starts loading the code of the screen at the current address, beside the shell's own. */
export function preloadCurrentScreen(): void {
  for (const match of matchRoutes(routes, currentPath()) ?? []) {
    const type = (match.route.handle as ScreenRoute | undefined)?.element.type;
    if (typeof type === 'function' && 'preload' in type && typeof type.preload === 'function') {
      void (type.preload as () => Promise<unknown>)().catch(() => undefined);
    }
  }
}

/** One router per sign-in: the next person starts from the address, not the last one's pages. */
function SignedInRouter() {
  const [router] = useState(() => createHashRouter(routes));
  return <RouterProvider router={router} />;
}

export function SignedInApp({ userId }: { userId: number }) {
  return (
    // One query cache per signed-in user, around every routed page (print included).
    <QueryProvider userId={userId}>
      <SignedInRouter />
    </QueryProvider>
  );
}
