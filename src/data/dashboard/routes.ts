import { route } from '../../core';
import { accountFlow, dashboardKpis, freshness, spendByCategory, spendTrend } from './dashboard-store';
import {
  accountFlowEndpoint,
  dashboardKpisEndpoint,
  freshnessEndpoint,
  spendByCategoryEndpoint,
  spendTrendEndpoint,
} from './schema';

/** The portfolio dashboard's HTTP edge: read-only aggregates, each anchored at the as-of date. */
export const dashboardRoutes = [
  route(dashboardKpisEndpoint, ({ db }) => dashboardKpis(db)),
  route(spendTrendEndpoint, ({ db }) => spendTrend(db)),
  route(spendByCategoryEndpoint, ({ db, query }) => spendByCategory(db, query.window)),
  route(accountFlowEndpoint, ({ db }) => accountFlow(db)),
  route(freshnessEndpoint, ({ db }) => freshness(db)),
];
