// The jobs capability's public surface: long work (profile refresh; later imports and scoring) run in the
// server process with phases, live progress, a persisted record and one running job per kind.
export * from './schema';
export { jobMigrations } from './migrations';
export { jobRoutes } from './routes';
export { startJob, getJob, listJobs, waitForJob, recoverJobs, type JobContext, type JobSpec } from './runner';
export { isFinished } from './job-state';
export { startProfileRefresh, type ProfileRefreshRequest } from './profile-refresh';
export { startDataCluster, type DataClusterRequest } from './data-cluster';
export { startTagCompute, type TagComputeRequest } from './tag-compute';
