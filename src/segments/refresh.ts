import { silentProgress, type ProgressListener } from '../core';
import type { Database } from '../db';
import { installFormulaFamilies, type InstallResult } from './builtin/install';
import type { Snapshot } from './definition-schema';
import type { PersonaRun } from './persona-schema';
import { computePersonas, type PersonaOptions } from './personas/compute';
import { snapshotAllSegments } from './snapshot-store';

export interface SegmentsRefreshResult {
  readonly builtins: InstallResult;
  readonly personas: PersonaRun;
  readonly snapshots: Snapshot[];
  readonly failed: Array<{ segmentId: string; error: string }>;
}

/**
 * What the pipeline runs after each tag refresh: bring the formula families up to date, re-cluster personas on
 * the new profile, then snapshot every segment so entry and exit events follow the profile.
 */
export async function refreshSegments(
  db: Database,
  options: { readonly personas?: PersonaOptions; readonly onProgress?: ProgressListener } = {},
): Promise<SegmentsRefreshResult> {
  const onProgress = options.onProgress ?? silentProgress;
  const builtins = await db.transaction((tx) => installFormulaFamilies(tx));
  const personas = await computePersonas(db, { ...options.personas, onProgress });
  const { snapshots, failed } = await snapshotAllSegments(db, { onProgress });
  return { builtins, personas, snapshots, failed };
}
