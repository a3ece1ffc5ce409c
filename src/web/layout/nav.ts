import {
  IconAlertOctagon,
  IconBarcode,
  IconBook,
  IconBuildingFactory2,
  IconCalendarEvent,
  IconCertificate,
  IconChecklist,
  IconClipboardList,
  IconCloudUpload,
  IconFileImport,
  IconHistory,
  IconKey,
  IconLayoutDashboard,
  IconListCheck,
  IconMapPin,
  IconNews,
  IconPackage,
  IconPackages,
  IconRadar,
  IconReportAnalytics,
  IconRoute,
  IconSchool,
  IconShieldCheck,
  IconSparkles,
  IconTags,
  IconTargetArrow,
  IconTemperature,
  IconToolsKitchen2,
  IconTruckDelivery,
  IconUsers,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { Role } from '../api/session.ts';
import { mayOpen, pageAccess } from './access.ts';

export interface NavItem {
  to: string;
  label: string;
  icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean }>;
  roles: Role[] | 'all';
}

const look: Record<string, Pick<NavItem, 'label' | 'icon'>> = {
  '/': { label: 'nav.dashboard', icon: IconLayoutDashboard },
  '/review': { label: 'nav.review', icon: IconChecklist },
  '/organisations': { label: 'nav.organisations', icon: IconBuildingFactory2 },
  '/locations': { label: 'nav.locations', icon: IconMapPin },
  '/products': { label: 'nav.products', icon: IconPackage },
  '/lots': { label: 'nav.lots', icon: IconPackages },
  '/stages': { label: 'nav.stages', icon: IconRoute },
  '/shipments': { label: 'nav.shipments', icon: IconTruckDelivery },
  '/diary': { label: 'nav.diary', icon: IconBook },
  '/kitchens': { label: 'nav.kitchens', icon: IconToolsKitchen2 },
  '/stamps': { label: 'nav.stamps', icon: IconBarcode },
  '/import': { label: 'nav.import', icon: IconFileImport },
  '/users': { label: 'nav.users', icon: IconUsers },
  '/api-keys': { label: 'nav.apiKeys', icon: IconKey },
  '/audit': { label: 'nav.audit', icon: IconHistory },
  '/inspections': { label: 'nav.inspections', icon: IconShieldCheck },
  '/inspection-plans': { label: 'nav.inspectionPlans', icon: IconCalendarEvent },
  '/cases': { label: 'nav.cases', icon: IconAlertOctagon },
  '/checks': { label: 'nav.checks', icon: IconRadar },
  '/reports': { label: 'nav.reports', icon: IconReportAnalytics },
  '/plan': { label: 'nav.plan', icon: IconTargetArrow },
  '/sync': { label: 'nav.sync', icon: IconCloudUpload },
  '/traceability-systems': { label: 'nav.traceabilitySystems', icon: IconCertificate },
  '/catalogues': { label: 'nav.catalogues', icon: IconListCheck },
  '/news': { label: 'nav.news', icon: IconNews },
  '/goods-groups': { label: 'nav.goodsGroups', icon: IconTags },
  '/sensors': { label: 'nav.sensors', icon: IconTemperature },
  '/surveys': { label: 'nav.surveys', icon: IconClipboardList },
  '/training': { label: 'nav.training', icon: IconSchool },
  '/support': { label: 'nav.support', icon: IconSparkles },
};

/** The left navigation: every page of the access table (access.ts), shown to the roles that may open it. */
export const navItems: NavItem[] = pageAccess.map((page) => ({ ...page, ...look[page.to] }));

export const canSee = (item: NavItem, role: Role) => mayOpen(item, role);
