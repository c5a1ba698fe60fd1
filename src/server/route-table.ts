import type { AnyRouteDefinition } from '../core';
import { dashboardRoutes, dataRoutes } from '../data';
import { jobRoutes } from '../jobs';
import { profileRoutes } from '../profiles';
import { securityRoutes } from '../security';
import { segmentRoutes } from '../segments';
import { tagRoutes } from '../tags';

/**
 * Every capability's HTTP routes, assembled in this one place. A capability exports a route array from its
 * index.ts and adds one spread here; the server gives each route validation, OpenAPI and its role check.
 */
export const apiRoutes: readonly AnyRouteDefinition[] = [
  ...securityRoutes,
  ...dashboardRoutes,
  ...dataRoutes,
  ...profileRoutes,
  ...segmentRoutes,
  ...tagRoutes,
  ...jobRoutes,
];
