import { fail } from '../core';
import { quoteIdent, type Database, type Row } from '../db';
import { findTag, loadCatalogue } from './definition-store';
import type { TagDefinition } from './definition-schema';
import { duckdbEnv } from './plan/env';
import { windowBounds } from './plan/window';
import { profileState } from './refresh';
import { keptAsOfFor, onDemandRuns } from './kept-values';
import { resolveCatalogue } from './validate';

export interface TagExplanation {
  readonly definition: TagDefinition;
  readonly customerId: string;
  readonly asOf: string;
  readonly value: unknown;
  /** Dynamic tags: the window the rows fell in, `from` inclusive, `until` exclusive (Shanghai days). */
  readonly window?: { readonly from?: string; readonly until: string };
  /** What fed the value: the matching source rows (dynamic, static) or the tags read (computed). */
  readonly inputs: Row[];
  readonly inputsTruncated: boolean;
}

const maxRows = 100;

/**
 * How one customer's tag value was computed: the definition, the value in the current profile and the
 * inputs it came from: for a behaviour tag the source rows inside the window that pass its filter (the
 * rows a statement shows); for a computed tag the tags it reads.
 */
export async function explainTag(db: Database, code: string, customerId: string): Promise<TagExplanation> {
  const { definition } = await findTag(db, code);
  const state = (await profileState(db)) ?? fail('conflict', '画像尚未计算', 'the profile has not been computed yet: run a refresh');
  const profileRow = await db.one<Row>('SELECT * FROM profile WHERE customer_id = $1', [customerId]);
  if (!profileRow) fail('not_found', `画像中没有客户 ${customerId}`, `customer ${customerId} is not in the profile`);
  const value = profileRow[code];
  // An on-demand tag's value describes the day it was last computed, which its window ends on.
  const kept = definition.refresh === 'on_demand' ? keptAsOfFor((await onDemandRuns(db)).get(code), state.asOf) : null;
  const asOf = kept ?? state.asOf;
  const catalogue = (await loadCatalogue(db)).map((t) => t.definition);
  const tag = resolveCatalogue(catalogue).find((t) => t.def.code === code);
  if (!tag) return fail('not_found', `找不到标签 ${code}`, `tag ${code} not found`);
  const env = duckdbEnv(asOf);
  const column = (name: string) => quoteIdent(name);
  let inputs: Row[] = [];
  let window: TagExplanation['window'];
  if (tag.kind === 'computed') {
    inputs = [Object.fromEntries(tag.reads.map((name) => [name, profileRow[name]]))];
  } else if (tag.kind === 'dynamic' && tag.def.spec.kind === 'dynamic') {
    const spec = tag.def.spec;
    const relation = tag.relation;
    const bounds = windowBounds(asOf, spec.window, spec.lag);
    window = { ...(bounds.start ? { from: bounds.start } : {}), until: bounds.end };
    const conditions = ['customer_id = $1', 'day < $2::DATE'];
    const params: string[] = [customerId, bounds.end];
    if (bounds.start) {
      conditions.push('day >= $3::DATE');
      params.push(bounds.start);
    }
    for (const cond of [tag.filter, tag.base]) if (cond) conditions.push(env.compile(cond, column));
    inputs = await db.all<Row>(`SELECT * FROM ${relation.sql} WHERE ${conditions.join(' AND ')} ORDER BY day DESC LIMIT ${maxRows + 1}`, params);
  } else if (tag.kind === 'static') {
    const conditions = ['customer_id = $1', ...(tag.filter ? [env.compile(tag.filter, column)] : [])];
    inputs = await db.all<Row>(`SELECT * FROM ${tag.relation.sql} WHERE ${conditions.join(' AND ')} LIMIT ${maxRows + 1}`, [customerId]);
    // The customer's own row may hold personal information: only the fields a static tag may read are shown.
    const allowed = new Set(['customer_id', ...Object.keys(tag.relation.fields)]);
    inputs = inputs.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => allowed.has(k))));
  }
  return {
    definition,
    customerId,
    asOf,
    value,
    ...(window ? { window } : {}),
    inputs: inputs.slice(0, maxRows),
    inputsTruncated: inputs.length > maxRows,
  };
}
