import { Center, Loader } from '@mantine/core';
import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { onSessionEnded } from './api/client.ts';
import { queryClient } from './api/query-client.ts';
import { meQuery } from './api/session.ts';
import { Shell } from './layout/Shell.tsx';
import { SignInPage } from './pages/auth/SignInPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';

const rootRoute = createRootRoute({ component: Outlet, notFoundComponent: NotFoundPage });

const signIn = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  component: SignInPage,
  validateSearch: (search: Record<string, unknown>): SignInSearch => ({
    next: typeof search.next === 'string' ? search.next : undefined,
    // the session ended under the person's feet, or they just set a new password: the page says so
    expired: search.expired === true || search.expired === 'true' ? true : undefined,
    passwordReset: search.passwordReset === true || search.passwordReset === 'true' ? true : undefined,
  }),
});
export interface SignInSearch {
  next?: string;
  expired?: boolean;
  passwordReset?: boolean;
}
const forgotPassword = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forgot-password',
  component: lazyRouteComponent(() => import('./pages/auth/ForgotPasswordPage.tsx'), 'ForgotPasswordPage'),
});
const resetPassword = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  component: lazyRouteComponent(() => import('./pages/auth/ResetPasswordPage.tsx'), 'ResetPasswordPage'),
  validateSearch: (search: Record<string, unknown>): { token?: string } => ({
    token: typeof search.token === 'string' ? search.token : undefined,
  }),
});
const register = createRoute({
  getParentRoute: () => rootRoute,
  path: '/register',
  component: lazyRouteComponent(() => import('./pages/auth/RegisterPage.tsx'), 'RegisterPage'),
});

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
// Each page is its own chunk, fetched when the page is first shown (or when a link to it is hovered): the first
// script holds only the shell, so heavy libraries (Leaflet, the date pickers) load with the pages that use them.
const page = <M extends Record<string, unknown>>(
  path: string,
  load: () => Promise<M>,
  name: keyof M & string,
) => createRoute({ getParentRoute: () => shell, path, component: lazyRouteComponent(load, name) });

const routeTree = rootRoute.addChildren([
  signIn,
  register,
  forgotPassword,
  resetPassword,
  shell.addChildren([
    page('/', () => import('./pages/dashboard/DashboardPage.tsx'), 'DashboardPage'),
    page('/organisations', () => import('./pages/organisations/OrganisationsPage.tsx'), 'OrganisationsPage'),
    page(
      '/organisations/$id',
      () => import('./pages/organisations/OrganisationPage.tsx'),
      'OrganisationPage',
    ),
    page('/locations', () => import('./pages/locations/LocationsPage.tsx'), 'LocationsPage'),
    page('/products', () => import('./pages/products/ProductsPage.tsx'), 'ProductsPage'),
    page('/lots', () => import('./pages/lots/LotsPage.tsx'), 'LotsPage'),
    page('/lots/$id', () => import('./pages/lots/LotPage.tsx'), 'LotPage'),
    page('/stamps', () => import('./pages/stamps/StampsPage.tsx'), 'StampsPage'),
    page('/review', () => import('./pages/review/ReviewPage.tsx'), 'ReviewPage'),
    page('/stages', () => import('./pages/stages/StagesPage.tsx'), 'StagesPage'),
    page('/shipments', () => import('./pages/shipments/ShipmentsPage.tsx'), 'ShipmentsPage'),
    page('/kitchens', () => import('./pages/kitchens/KitchensPage.tsx'), 'KitchensPage'),
    page('/diary', () => import('./pages/diary/DiaryPage.tsx'), 'DiaryPage'),
    page('/audit', () => import('./pages/audit/AuditPage.tsx'), 'AuditPage'),
    page('/inspections', () => import('./pages/inspections/InspectionsPage.tsx'), 'InspectionsPage'),
    page('/inspection-plans', () => import('./pages/inspections/PlansPage.tsx'), 'PlansPage'),
    page('/inspection-plans/$id', () => import('./pages/inspections/PlanPage.tsx'), 'PlanPage'),
    page('/cases', () => import('./pages/cases/CasesPage.tsx'), 'CasesPage'),
    page('/cases/$id', () => import('./pages/cases/CasePage.tsx'), 'CasePage'),
    page('/checks', () => import('./pages/checks/ChecksPage.tsx'), 'ChecksPage'),
    page('/reports', () => import('./pages/reports/ReportsPage.tsx'), 'ReportsPage'),
    page('/reports/$id', () => import('./pages/reports/ReportPage.tsx'), 'ReportPage'),
    page('/plan', () => import('./pages/plan/PlanPage.tsx'), 'PlanPage'),
    page('/sync', () => import('./pages/sync/SyncPage.tsx'), 'SyncPage'),
    page(
      '/traceability-systems',
      () => import('./pages/traceability-systems/TraceabilitySystemsPage.tsx'),
      'TraceabilitySystemsPage',
    ),
    page('/catalogues', () => import('./pages/catalogues/CataloguesPage.tsx'), 'CataloguesPage'),
    page('/news', () => import('./pages/news/NewsPage.tsx'), 'NewsPage'),
    page('/goods-groups', () => import('./pages/passport/GoodsGroupsPage.tsx'), 'GoodsGroupsPage'),
    page('/sensors', () => import('./pages/sensors/SensorsPage.tsx'), 'SensorsPage'),
    page('/surveys', () => import('./pages/programmes/SurveysPage.tsx'), 'SurveysPage'),
    page('/surveys/$id', () => import('./pages/programmes/SurveyPage.tsx'), 'SurveyPage'),
    page('/surveys/$id/fill', () => import('./pages/programmes/SurveyFillPage.tsx'), 'SurveyFillPage'),
    page('/training', () => import('./pages/programmes/TrainingPage.tsx'), 'TrainingPage'),
    page('/support', () => import('./pages/programmes/SupportPage.tsx'), 'SupportPage'),
    page('/import', () => import('./pages/imports/ImportPage.tsx'), 'ImportPage'),
    page('/users', () => import('./pages/users/UsersPage.tsx'), 'UsersPage'),
    page('/api-keys', () => import('./pages/users/ApiKeysPage.tsx'), 'ApiKeysPage'),
  ]),
]);

/** Shown while a page's chunk is still on its way (after the router's one-second grace). */
function PageLoading() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

// A chunk missing after a redeploy makes the page reload once (lazyRouteComponent), fetching the new index.html.
export const router = createRouter({
  routeTree,
  basepath: '/app',
  defaultPreload: 'intent',
  defaultPendingComponent: PageLoading,
});

// A session that ends while a page is open (expiry, sign-out elsewhere) leads to the sign-in page, then back here.
onSessionEnded(() => {
  const { pathname, href } = router.state.location;
  queryClient.clear();
  if (pathname === '/sign-in') return;
  void router.navigate({ to: '/sign-in', search: { next: href, expired: true } });
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
