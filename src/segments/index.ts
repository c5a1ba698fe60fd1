// The segments capability's public surface: rule segments over the tag profile, live counts, overlap,
// membership snapshots with entry/exit events, masked CSV export, and the built-in segmentations (RFM, value
// tiers, lifecycle, risk grades, behaviour personas).
export * from './schema';
export { segmentMigrations } from './migrations';
export { segmentRoutes } from './routes';
export { ruleCatalog } from './catalog';
export { segmentTagReaders } from './tag-readers';
export { prepareRule, checkRule } from './validate';
export { compileRule, compileRules, type CompiledRule, type CompiledRules } from './compile';
export { loadProfileInfo, type ProfileInfo } from './profile-store';
export { countRule } from './count';
export { overlapSegments, maxOverlapSegments } from './overlap';
export {
  listSegments,
  getSegment,
  findSegment,
  createSegment,
  updateSegment,
  deleteSegment,
  listVersions,
  type SegmentFilter,
} from './definition-store';
export { snapshotSegment, snapshotAllSegments, listSnapshots, snapshotMembers, type SnapshotOptions } from './snapshot-store';
export { listEvents, enteredOn, type EventPage, type EventQuery } from './events-store';
export { exportSegment, type ExportDetails, type SegmentExport } from './export';
export { customerSegments } from './customer-segments';
export { installFormulaFamilies, formulaGroups, type InstallResult } from './builtin/install';
export { builtinSegmentId, type BuiltinGroup } from './builtin/group';
export { riskPoints } from './builtin/risk';
export { computePersonas, type PersonaOptions } from './personas/compute';
export { latestPersonaRun } from './personas/persona-store';
export { refreshSegments, type SegmentsRefreshResult } from './refresh';
