import { ClusterOutlined, DashboardOutlined, DatabaseOutlined, IdcardOutlined, TagsOutlined } from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { Endpoint, Role } from '../../../src/core/schema';
import { dashboardKpisEndpoint, listImportsEndpoint } from '../../../src/data/schema';
import { customerSearchEndpoint } from '../../../src/profiles/schema';
import { listSegmentsEndpoint } from '../../../src/segments/schema';
import { listTagsEndpoint } from '../../../src/tags/schema';

/**
 * Every page of the console, in menu order. Adding a page is one entry here. A page is offered to the roles
 * of the endpoint it cannot work without, so the menu and the server's role checks cannot disagree.
 */
export interface ConsolePage {
  readonly key: string;
  readonly path: string;
  /** i18n key of the menu label and page title. */
  readonly labelKey: string;
  readonly icon: ReactNode;
  readonly roles: readonly Role[];
  readonly component: LazyExoticComponent<ComponentType>;
}

function rolesOf(endpoint: Endpoint): readonly Role[] {
  if (endpoint.roles === 'public')
    throw new Error(`${endpoint.path}: a console page needs a role-checked endpoint`);
  return endpoint.roles;
}

export const consolePages: readonly ConsolePage[] = [
  {
    key: 'dashboard',
    path: '/dashboard',
    labelKey: 'nav.dashboard',
    icon: <DashboardOutlined />,
    roles: rolesOf(dashboardKpisEndpoint),
    component: lazy(() =>
      import('../pages/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })),
    ),
  },
  {
    key: 'data',
    path: '/data',
    labelKey: 'nav.data',
    icon: <DatabaseOutlined />,
    roles: rolesOf(listImportsEndpoint),
    component: lazy(() => import('../pages/data/DataPage').then((m) => ({ default: m.DataPage }))),
  },
  // Ahead of tags and segments: the customer search is where a service agent starts.
  {
    key: 'customers',
    path: '/customers',
    labelKey: 'nav.customers',
    icon: <IdcardOutlined />,
    roles: rolesOf(customerSearchEndpoint),
    component: lazy(() => import('../pages/customers/CustomersPage').then((m) => ({ default: m.CustomersPage }))),
  },
  {
    key: 'tags',
    path: '/tags',
    labelKey: 'nav.tags',
    icon: <TagsOutlined />,
    roles: rolesOf(listTagsEndpoint),
    component: lazy(() => import('../pages/tags/TagsPage').then((m) => ({ default: m.TagsPage }))),
  },
  {
    key: 'segments',
    path: '/segments',
    labelKey: 'nav.segments',
    icon: <ClusterOutlined />,
    roles: rolesOf(listSegmentsEndpoint),
    component: lazy(() => import('../pages/segments/SegmentsPage').then((m) => ({ default: m.SegmentsPage }))),
  },
];

export function pagesFor(role: Role): ConsolePage[] {
  return consolePages.filter((p) => p.roles.includes(role));
}
