import type { Role } from '../api/session.ts';

/**
 * Which roles may open each page of the back office: the one table the menu (nav.ts) and the route guard
 * (Shell.tsx) read, kept to what the API lets each role do (journeys/access.journey.ts walks every demo role).
 */
export interface PageAccess {
  to: string;
  roles: Role[] | 'all';
}

const org: Role[] = ['org_owner', 'org_staff'];
const reviewers: Role[] = ['dost_admin', 'dost_reviewer', 'sector_officer', 'commune_officer'];

export const pageAccess: PageAccess[] = [
  { to: '/', roles: 'all' },
  { to: '/review', roles: reviewers },
  { to: '/organisations', roles: 'all' },
  { to: '/locations', roles: 'all' },
  { to: '/products', roles: 'all' },
  { to: '/lots', roles: 'all' },
  { to: '/stages', roles: org },
  { to: '/shipments', roles: org },
  { to: '/diary', roles: org },
  // school kitchens: the school or caterer runs its own; officers (the health sector's, communes'), the department
  // and inspectors read the overview (decision 060)
  { to: '/kitchens', roles: [...org, ...reviewers, 'inspector'] },
  { to: '/stamps', roles: [...org, 'dost_admin', 'dost_reviewer'] },
  { to: '/import', roles: [...org, 'dost_admin'] },
  { to: '/users', roles: ['dost_admin', 'org_owner'] },
  { to: '/api-keys', roles: ['dost_admin', 'org_owner'] },
  // an organisation its own systems; officers and the department their scope (counts by sector and commune)
  // the province's staff: lists of their sector and the compliance of the organisations in their scope
  { to: '/catalogues', roles: [...reviewers, 'inspector'] },
  { to: '/traceability-systems', roles: [...org, ...reviewers, 'inspector'] },
  // the department and inspectors read all of it, officers their scope, an owner their organisation's (decision 013)
  { to: '/audit', roles: [...reviewers, 'inspector', 'org_owner'] },
  // inspectors and the admin decide; the department and officers (their scope) read; an owner its conclusions
  { to: '/inspections', roles: [...reviewers, 'inspector', 'org_owner'] },
  // inspection plans: inspectors and the admin write, the department and officers (their scope) read; never organisations
  { to: '/inspection-plans', roles: [...reviewers, 'inspector'] },
  // fraud cases: the department and inspectors all, officers their scope; organisations never (issue 12 §3)
  { to: '/cases', roles: [...reviewers, 'inspector'] },
  // the automatic checks: the department and inspectors read and run them; officers see only their cases (issue 12 §3)
  { to: '/checks', roles: ['dost_admin', 'dost_reviewer', 'inspector'] },
  // surveys: the admin designs and sends, officers fill in and read their scope, reviewers and inspectors read
  { to: '/surveys', roles: [...reviewers, 'inspector'] },
  // training and support: the admin records them, the province's staff read; never organisations (issue 13 §2)
  { to: '/training', roles: [...reviewers, 'inspector'] },
  { to: '/support', roles: [...reviewers, 'inspector'] },
  // periodic reports: the admin creates and issues, the department, officers and inspectors read; never organisations
  { to: '/reports', roles: [...reviewers, 'inspector'] },
  // the province's plan: the admin edits it, the province's staff read it; never organisations (issue 13 §1)
  { to: '/plan', roles: [...reviewers, 'inspector'] },
  // what leaves the province and what failed to: the department's admin only (issue 14 §3)
  { to: '/sync', roles: ['dost_admin'] },
  // the portal's news and guidance: written and published by the department (issue 13 §4)
  { to: '/news', roles: ['dost_admin', 'dost_reviewer'] },
  // goods groups and their label items: the admin edits, the province's staff read (decision 058)
  { to: '/goods-groups', roles: [...reviewers, 'inspector'] },
  // sensors: an organisation's devices, thresholds and alerts; the department and sector officers their alerts (decision 059)
  { to: '/sensors', roles: [...org, 'dost_admin', 'dost_reviewer', 'sector_officer'] },
];

export const mayOpen = (page: PageAccess, role: Role) => page.roles === 'all' || page.roles.includes(role);

/** The page an address belongs to (`/lots/…` is the lots page), or undefined for one not in the table. */
export function pageOf(pathname: string): PageAccess | undefined {
  const path = pathname.replace(/\/+$/, '') || '/';
  return pageAccess.find((p) => (p.to === '/' ? path === '/' : path === p.to || path.startsWith(`${p.to}/`)));
}

/** Whether a role may open an address; addresses outside the table are each page's own business. */
export function mayOpenPath(pathname: string, role: Role): boolean {
  const page = pageOf(pathname);
  return !page || mayOpen(page, role);
}
