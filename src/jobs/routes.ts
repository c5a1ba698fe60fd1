import { route, type AnyRouteDefinition } from '../core';
import { startDataCluster } from './data-cluster';
import { startProfileRefresh } from './profile-refresh';
import { startTagCompute } from './tag-compute';
import { getJob, listJobs } from './runner';
import * as api from './schema';

// Thin edges. Start and finish are audited by the runner, as the user who started the job.
export const jobRoutes: readonly AnyRouteDefinition[] = [
  route(api.startProfileRefreshEndpoint, async ({ db, body, user, audit }) =>
    startProfileRefresh(db, { incremental: body.incremental, startedBy: user.username, audit }),
  ),
  route(api.startDataClusterEndpoint, async ({ db, body, user, audit }) =>
    startDataCluster(db, { table: body.table, full: body.full, startedBy: user.username, audit }),
  ),
  route(api.startTagComputeEndpoint, async ({ db, body, user, audit }) =>
    startTagCompute(db, { code: body.code, startedBy: user.username, audit }),
  ),
  route(api.getJobEndpoint, async ({ db, params }) => getJob(db, params.jobId)),
  route(api.listJobsEndpoint, async ({ db, query }) => ({ items: await listJobs(db, query) })),
];
