import {
  IconBarcode,
  IconBook,
  IconBuildingFactory2,
  IconChecklist,
  IconFileImport,
  IconHistory,
  IconKey,
  IconLayoutDashboard,
  IconMapPin,
  IconPackage,
  IconPackages,
  IconRoute,
  IconTruckDelivery,
  IconUsers,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { Role } from '../api/session.ts';

export interface NavItem {
  to: string;
  label: string;
  icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean }>;
  roles: Role[] | 'all';
}

const org: Role[] = ['org_owner', 'org_staff'];
const staff: Role[] = ['dost_admin', 'dost_reviewer', 'sector_officer', 'commune_officer', 'inspector'];
const reviewers: Role[] = ['dost_admin', 'dost_reviewer', 'sector_officer', 'commune_officer'];

/** The left navigation: what each role works with (docs/requirements.md §1). */
export const navItems: NavItem[] = [
  { to: '/', label: 'nav.dashboard', icon: IconLayoutDashboard, roles: 'all' },
  { to: '/review', label: 'nav.review', icon: IconChecklist, roles: reviewers },
  { to: '/organisations', label: 'nav.organisations', icon: IconBuildingFactory2, roles: 'all' },
  { to: '/locations', label: 'nav.locations', icon: IconMapPin, roles: 'all' },
  { to: '/products', label: 'nav.products', icon: IconPackage, roles: 'all' },
  { to: '/lots', label: 'nav.lots', icon: IconPackages, roles: 'all' },
  { to: '/stages', label: 'nav.stages', icon: IconRoute, roles: org },
  { to: '/shipments', label: 'nav.shipments', icon: IconTruckDelivery, roles: org },
  { to: '/diary', label: 'nav.diary', icon: IconBook, roles: org },
  { to: '/stamps', label: 'nav.stamps', icon: IconBarcode, roles: [...org, 'dost_admin', 'dost_reviewer'] },
  { to: '/import', label: 'nav.import', icon: IconFileImport, roles: [...org, 'dost_admin'] },
  { to: '/users', label: 'nav.users', icon: IconUsers, roles: ['dost_admin', 'org_owner'] },
  { to: '/api-keys', label: 'nav.apiKeys', icon: IconKey, roles: ['dost_admin', 'org_owner'] },
  { to: '/audit', label: 'nav.audit', icon: IconHistory, roles: [...staff] },
];

export const canSee = (item: NavItem, role: Role) => item.roles === 'all' || item.roles.includes(role);
