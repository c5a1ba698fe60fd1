// The tag capability's public surface: definitions, the built-in library, refresh, history and drift.
export * from './schema';
export { tagMigrations } from './migrations';
export { builtinTags } from './library';
export { rfmGrid, rfmGroupCondition, type RfmGroup } from './library/rfm-grid';
export { loadCatalogue, customTags, findTag, saveTag, deleteTag, type StoredTag } from './definition-store';
export { checkDefinition, validateDefinition, type CheckResult } from './validate';
export { registerTagReaders, changingCatalogue, type TagReaders, type BrokenReader } from './readers';
export { refreshProfile, detectAsOf, currentPlan, profileState, profileColumnTypesOf, type RefreshOptions, type RefreshResult } from './refresh';
export {
  takeSnapshot,
  listSnapshots,
  snapshotAsOf,
  profileAsOf,
  tagTrend,
  getRetention,
  setRetention,
  applyRetention,
  type Retention,
  type SnapshotInfo,
  type TrendPoint,
} from './history-store';
export { tagDrift, type DriftReport } from './drift-store';
export { psi, driftBand, type DriftBand } from './drift';
export type { Distribution, TagStats } from './snapshot-stats';
export { tagRoutes } from './routes';
export { catalogueSummary, tagDetail } from './catalogue-view';
export { previewTag, type TagPreview } from './preview';
export { computeOnDemandTag, refuseUnlessOnDemand, type ComputeOptions } from './on-demand';
export { keptAsOfFor, onDemandRuns } from './kept-values';
export { explainTag, type TagExplanation } from './explain';
export { naiveTxnRefreshSql } from './naive-plan';
