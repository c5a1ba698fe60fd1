import { route, type AnyRouteDefinition } from '../core';
import { catalogueSummary, tagDetail } from './catalogue-view';
import { deleteTag, loadCatalogue, saveTag } from './definition-store';
import { tagDrift } from './drift-store';
import { getRetention, profileAsOf, setRetention } from './history-store';
import { previewTag } from './preview';
import * as api from './schema';
import { checkDefinition } from './validate';

// Thin edges: validate (zod, by the server), call the capability, return. Writes are audited.
export const tagRoutes: readonly AnyRouteDefinition[] = [
  route(api.listTagsEndpoint, async ({ db, query }) => catalogueSummary(db, query.dimension)),
  route(api.getTagEndpoint, async ({ db, params }) => tagDetail(db, params.code)),
  route(api.tagDriftEndpoint, async ({ db, params, query }) => tagDrift(db, params.code, query.from, query.to)),
  route(api.validateTagEndpoint, async ({ db, body }) => {
    const result = checkDefinition(body, (await loadCatalogue(db)).map((t) => t.definition));
    return { valid: result.issues.length === 0, issues: [...result.issues] };
  }),
  route(api.previewTagEndpoint, async ({ db, body }) => previewTag(db, body)),
  route(api.createTagEndpoint, async ({ db, body, user, audit }) => {
    const saved = await saveTag(db, body, user.id, 'create', user.username);
    await audit('tag.create', saved.code, { version: saved.version });
    return saved;
  }),
  route(api.updateTagEndpoint, async ({ db, params, body, user, audit }) => {
    const { baseVersion, ...definition } = body;
    const saved = await saveTag(db, { ...definition, code: params.code }, user.id, 'update', user.username, baseVersion);
    await audit('tag.update', saved.code, { version: saved.version });
    return saved;
  }),
  route(api.profileAsOfEndpoint, async ({ db, query, audit }) => {
    const customers = query.customer === undefined ? undefined : [query.customer].flat();
    const result = await profileAsOf(db, query.date, customers ? { customerIds: customers } : { limit: query.limit });
    // Many customers' tags at once, as an export would give them: recorded before they leave.
    await audit('profile.as_of', result.snapshot.snapshotId, { date: query.date, asOf: result.snapshot.asOf, rows: result.rows.length });
    return result;
  }),
  route(api.getRetentionEndpoint, async ({ db }) => getRetention(db)),
  route(api.setRetentionEndpoint, async ({ db, body, audit }) => {
    const dropped = await setRetention(db, body);
    await audit('tag.retention', null, { ...body, dropped });
    return { retention: await getRetention(db), dropped };
  }),
  route(api.deleteTagEndpoint, async ({ db, params, audit }) => {
    await deleteTag(db, params.code);
    await audit('tag.delete', params.code);
    return { ok: true as const };
  }),
];
