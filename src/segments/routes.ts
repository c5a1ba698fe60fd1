import { route } from '../core';
import { ruleCatalog } from './catalog';
import { countRule } from './count';
import { createSegment, deleteSegment, getSegment, listSegments, listVersions, updateSegment } from './definition-store';
import { listEvents } from './events-store';
import { exportSegment } from './export';
import { overlapSegments } from './overlap';
import { latestPersonaRun } from './personas/persona-store';
import {
  countRuleEndpoint,
  createSegmentEndpoint,
  deleteSegmentEndpoint,
  exportSegmentEndpoint,
  getSegmentEndpoint,
  listSegmentsEndpoint,
  listSnapshotsEndpoint,
  overlapEndpoint,
  personasEndpoint,
  segmentEventsEndpoint,
  segmentVersionsEndpoint,
  takeSnapshotEndpoint,
  updateSegmentEndpoint,
  validateRuleEndpoint,
} from './schema';
import { segmentSizes } from './sizes';
import { listSnapshots, snapshotSegment } from './snapshot-store';
import { checkRule } from './validate';

// Thin edges: validate (the server does it from the schemas), call the capability, return.
export const segmentRoutes = [
  route(listSegmentsEndpoint, async ({ db, query }) => {
    const segments = await listSegments(db, query);
    const sizes = await segmentSizes(db, segments);
    return { items: segments.map((s) => ({ ...s, size: sizes.get(s.id) ?? null })), total: segments.length };
  }),
  route(personasEndpoint, async ({ db }) => ({ run: (await latestPersonaRun(db)) ?? null })),
  route(getSegmentEndpoint, async ({ db, params }) => getSegment(db, params.id)),
  route(segmentVersionsEndpoint, async ({ db, params }) => ({ items: await listVersions(db, params.id) })),
  route(createSegmentEndpoint, async ({ db, body, user, audit }) => {
    const segment = await createSegment(db, body, user.username);
    await audit('segment.create', segment.id, { rule: segment.rule });
    return segment;
  }),
  route(updateSegmentEndpoint, async ({ db, params, body, user, audit }) => {
    const { baseVersion, ...input } = body;
    const segment = await updateSegment(db, params.id, input, user.username, baseVersion);
    await audit('segment.update', segment.id, { version: segment.version, rule: segment.rule });
    return segment;
  }),
  route(deleteSegmentEndpoint, async ({ db, params, user, audit }) => {
    await deleteSegment(db, params.id, user.username);
    await audit('segment.delete', params.id);
    return { deleted: true as const };
  }),
  route(validateRuleEndpoint, async ({ db, body, locale }) => checkRule(body.rule, await ruleCatalog(db), locale)),
  route(countRuleEndpoint, async ({ db, body }) => countRule(db, body.rule)),
  route(overlapEndpoint, async ({ db, body }) => overlapSegments(db, body.ids)),
  route(takeSnapshotEndpoint, async ({ db, params, audit }) => {
    const snapshot = await snapshotSegment(db, params.id);
    await audit('segment.snapshot', params.id, { snapshotId: snapshot.snapshotId, size: snapshot.size });
    return snapshot;
  }),
  route(listSnapshotsEndpoint, async ({ db, params, query }) => {
    await getSegment(db, params.id);
    return { items: await listSnapshots(db, params.id, query.limit) };
  }),
  route(segmentEventsEndpoint, async ({ db, params, query }) => listEvents(db, params.id, query)),
  route(exportSegmentEndpoint, async ({ db, params, user, audit, reply }) => {
    const file = await exportSegment(db, params.id, user.role, (details) => audit('export', params.id, { ...details, format: 'csv' }));
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="${file.fileName}"`);
    reply.header('cache-control', 'no-store');
    return file.stream;
  }),
];
