import { createRootRoute, createRoute, createRouter, Outlet, redirect } from '@tanstack/react-router';
import { queryClient } from './api/query-client.ts';
import { meQuery } from './api/session.ts';
import { Shell } from './layout/Shell.tsx';
import { AuditPage } from './pages/audit/AuditPage.tsx';
import { RegisterPage } from './pages/auth/RegisterPage.tsx';
import { SignInPage } from './pages/auth/SignInPage.tsx';
import { DashboardPage } from './pages/dashboard/DashboardPage.tsx';
import { DiaryPage } from './pages/diary/DiaryPage.tsx';
import { ImportPage } from './pages/imports/ImportPage.tsx';
import { LocationsPage } from './pages/locations/LocationsPage.tsx';
import { LotsPage } from './pages/lots/LotsPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { OrganisationPage } from './pages/organisations/OrganisationPage.tsx';
import { OrganisationsPage } from './pages/organisations/OrganisationsPage.tsx';
import { ProductsPage } from './pages/products/ProductsPage.tsx';
import { ReviewPage } from './pages/review/ReviewPage.tsx';
import { ShipmentsPage } from './pages/shipments/ShipmentsPage.tsx';
import { StagesPage } from './pages/stages/StagesPage.tsx';
import { StampsPage } from './pages/stamps/StampsPage.tsx';
import { ApiKeysPage } from './pages/users/ApiKeysPage.tsx';
import { UsersPage } from './pages/users/UsersPage.tsx';

const rootRoute = createRootRoute({ component: Outlet, notFoundComponent: NotFoundPage });

const signIn = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  component: SignInPage,
  validateSearch: (search: Record<string, unknown>): { next?: string } => ({
    next: typeof search.next === 'string' ? search.next : undefined,
  }),
});
const register = createRoute({ getParentRoute: () => rootRoute, path: '/register', component: RegisterPage });

const shell = createRoute({
  getParentRoute: () => rootRoute,
  id: 'shell',
  component: Shell,
  // Nobody signed in: the sign-in page, coming back here afterwards.
  beforeLoad: async ({ location }) => {
    const me = await queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: '/sign-in', search: { next: location.href } });
  },
});
const page = (path: string, component: () => React.ReactNode) =>
  createRoute({ getParentRoute: () => shell, path, component });

const routeTree = rootRoute.addChildren([
  signIn,
  register,
  shell.addChildren([
    page('/', DashboardPage),
    page('/organisations', OrganisationsPage),
    page('/organisations/$id', OrganisationPage),
    page('/locations', LocationsPage),
    page('/products', ProductsPage),
    page('/lots', LotsPage),
    page('/stamps', StampsPage),
    page('/review', ReviewPage),
    page('/stages', StagesPage),
    page('/shipments', ShipmentsPage),
    page('/diary', DiaryPage),
    page('/audit', AuditPage),
    page('/import', ImportPage),
    page('/users', UsersPage),
    page('/api-keys', ApiKeysPage),
  ]),
]);

export const router = createRouter({ routeTree, basepath: '/app', defaultPreload: 'intent' });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
