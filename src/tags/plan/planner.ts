import { quoteIdent } from '../../db';
import type { Buckets, TagDefinition, TagType } from '../definition-schema';
import { layersOf } from '../graph';
import type { ResolvedTag } from '../resolve';
import type { Relation } from '../sources';
import { addDays } from '../../core';
import { planDynamic } from './dynamic';
import { planCustomerStatic, planFoldedStatic } from './static';
import { quantileCtes, quantileScore, type QuantileTag } from './quantiles';
import { wholeNumberTags } from './integral';
import { StateSet, type Range } from './state-set';
import type { SqlEnv } from './sql-env';
import { dateLiteral } from './window';

/**
 * One pass over one relation: every state its tags need, in one GROUP BY customer_id. Dynamic passes keep
 * their states in `tag_state_<id>` between refreshes (so they can move forward by delta); static ones are
 * recomputed into a work table each time.
 */
export interface PassPlan {
  readonly id: string;
  readonly kind: 'dynamic' | 'static';
  readonly table: string;
  /** The relation a dynamic pass aggregates (static passes read their own small tables). */
  readonly relation?: Relation;
  /** The days a dynamic pass reads at the as-of date: from its earliest window start (or all history) to the as-of. */
  readonly scope?: Range;
  readonly select: string;
  readonly tags: readonly string[];
  readonly stateSet: StateSet;
  readonly states: number;
}

export interface RefreshPlan {
  readonly asOf: string;
  readonly passes: readonly PassPlan[];
  /** SELECT of the whole profile over the passes, computed tags in dependency layers. */
  readonly profileSelect: string;
  /** Each tag's column: its tag type and the SQL type it is stored as. */
  readonly columns: ReadonlyArray<{ readonly code: string; readonly type: TagType; readonly sqlType: string }>;
  /** On-demand tags, read from the values their last computation kept (or as empty: `missingKept`). */
  readonly kept: ReadonlyArray<{ readonly code: string; readonly table: string; readonly valueType: string }>;
}

/** The table an on-demand tag's last computation kept its values in: (customer_id, value). */
export function keptValuesTable(code: string): string {
  return `tag_values_${code}`;
}

/** The kept values' column type: the tag type's plain SQL type (enum bands as text, cast by the profile). */
export function keptValueType(type: TagType): string {
  return sqlType[type];
}

const sqlType: Record<TagType, string> = { number: 'DOUBLE', boolean: 'BOOLEAN', enum: 'VARCHAR', string: 'VARCHAR', date: 'DATE' };

/** An enum tag's values, in display order (declared, or its band labels). */
function enumValues(def: TagDefinition): readonly string[] {
  return def.values ?? (def.buckets ? bucketLabels(def.buckets) : []);
}

/**
 * The SQL type of each tag's profile column. Whole-number tags are INTEGER (plan/integral.ts). Enum tags are
 * DuckDB ENUMs of their values: a condition on one is compared as a small code inside the scan (at 1M
 * profiles `card_tier in ('gold', 'platinum')` costs ~8 ms as text and ~4 ms as an ENUM). Comparisons with
 * text still compare text (DuckDB casts the ENUM), so rules mean what they meant.
 */
export function profileColumnTypes(tags: readonly ResolvedTag[]): Map<string, string> {
  const whole = wholeNumberTags(tags);
  const typeOf = (def: TagDefinition): string => {
    if (whole.has(def.code)) return 'INTEGER';
    const values = def.type === 'enum' ? enumValues(def) : [];
    if (values.length > 0) return `ENUM(${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ')})`;
    return sqlType[def.type];
  };
  return new Map(tags.map((t) => [t.def.code, typeOf(t.def)]));
}

/**
 * The tag's value as its column type. A value outside an enum's list stops the refresh with the tag and the
 * value named (the previous profile stays), rather than being stored as empty.
 */
function storedAs(code: string, type: string): string {
  const column = quoteIdent(code);
  if (!type.startsWith('ENUM(')) return `CAST(${column} AS ${type})`;
  const message = `'标签 ${code} 的取值 ' || ${column} || ' 不在其取值列表中 / tag ${code} produced ' || ${column} || ', which is not one of its values'`;
  return `CASE WHEN ${column} IS NULL OR TRY_CAST(${column} AS ${type}) IS NOT NULL THEN TRY_CAST(${column} AS ${type}) ELSE error(${message}) END`;
}

/** Default band labels: `<25`, `25–35`, `≥65`. */
export function bucketLabels(buckets: Buckets): string[] {
  if (buckets.labels) return buckets.labels;
  const e = buckets.edges;
  return [`<${e[0]}`, ...e.slice(1).map((edge, i) => `${e[i]}–${edge}`), `≥${e[e.length - 1]}`];
}

function banded(value: string, def: TagDefinition, env: SqlEnv): string {
  if (def.type !== 'enum' || !def.buckets) return value;
  const labels = bucketLabels(def.buckets).map((l) => env.literal(l));
  // The value repeats in each arm: values here are column references or cheap expressions over states.
  const arms = def.buckets.edges.map((edge, i) => `WHEN (${value}) < ${edge} THEN ${labels[i]}`).join(' ');
  return `CASE WHEN (${value}) IS NULL THEN NULL ${arms} ELSE ${labels[labels.length - 1]} END`;
}

export interface PlanOptions {
  /** Prefix of the work tables (static folds; with `inline`, every pass). */
  readonly workPrefix?: string;
  /** Every pass a CTE of the one SELECT, so that nothing is written (previews, on-demand computations). */
  readonly inline?: boolean;
  /** The on-demand tag being evaluated now (computed, not read from its kept values). */
  readonly computing?: string;
  /** On-demand tags whose kept values this plan may not read (`unreadableKept`): read as empty. */
  readonly missingKept?: ReadonlySet<string>;
}

/**
 * Plans a refresh of these tags (resolved in one catalogue) at `asOf`: the passes, then the profile SELECT.
 * On-demand tags are not computed but read from the values their last computation kept, except `computing`
 * (the tag a computation or a preview is evaluating now).
 */
export function planRefresh(tags: readonly ResolvedTag[], env: SqlEnv, options: PlanOptions = {}): RefreshPlan {
  const { workPrefix = 'tag_work', inline = false, computing, missingKept } = options;
  const asOf = env.asOf;
  const base: string[] = [];
  const kept: Array<RefreshPlan['kept'][number]> = [];
  const passes = new Map<string, { sql: string; relation?: Relation; states: StateSet; tags: string[] }>();
  const passOf = (id: string, sql: string, relation?: Relation) => {
    let pass = passes.get(id);
    if (!pass) {
      pass = { sql, ...(relation ? { relation } : {}), states: new StateSet(id), tags: [] };
      passes.set(id, pass);
    }
    return pass;
  };
  for (const tag of tags) {
    const code = quoteIdent(tag.def.code);
    if (tag.def.refresh === 'on_demand' && tag.def.code !== computing) {
      kept.push({ code: tag.def.code, table: keptValuesTable(tag.def.code), valueType: keptValueType(tag.def.type) });
      base.push(`${quoteIdent(`kept_${tag.def.code}`)} AS ${code}`);
      continue;
    }
    if (tag.kind === 'static' && !tag.relation.multiRow) base.push(`${banded(planCustomerStatic(tag, env), tag.def, env)} AS ${code}`);
    if (tag.kind === 'static' && tag.relation.multiRow) {
      const pass = passOf(tag.relation.source, tag.relation.sql);
      pass.tags.push(tag.def.code);
      base.push(`${banded(planFoldedStatic(tag, env, pass.states), tag.def, env)} AS ${code}`);
    }
    if (tag.kind === 'dynamic' && tag.def.spec.kind === 'dynamic') {
      const spec = tag.def.spec;
      // Tags over all history (days since the last purchase) get a pass of their own, so that the windowed
      // pass reads only the days its windows cover: at 100M transactions, 18 months of history against 12.
      const history = spec.window === undefined && spec.aggregate !== 'distinct_months';
      const pass = passOf(history ? `${tag.relation.id}_history` : tag.relation.id, tag.relation.sql, tag.relation);
      pass.tags.push(tag.def.code);
      const field = spec.field ? tag.relation.fields[spec.field] : undefined;
      const column = (name: string) => quoteIdent(name);
      const value = planDynamic(
        {
          spec,
          relation: tag.relation,
          asOf,
          ...(tag.filter ? { filterSql: env.compile(tag.filter, column) } : {}),
          ...(tag.base ? { baseSql: env.compile(tag.base, column) } : {}),
          ...(field?.values ? { valueLiterals: field.values.map((v) => env.literal(v)) } : {}),
        },
        pass.states,
      );
      base.push(`${banded(value, tag.def, env)} AS ${code}`);
    }
  }
  const passPlans: PassPlan[] = [];
  const joins: string[] = [];
  for (const [id, pass] of passes) {
    const table = pass.relation && !inline ? `tag_state_${id}` : `${workPrefix}_${id}`;
    let scope: Range | undefined;
    let select: string;
    if (pass.relation) {
      const from = pass.states.earliestDay(asOf);
      scope = { ...(from !== undefined ? { from } : {}), until: addDays(asOf, 1) };
      select = `SELECT customer_id, ${pass.states.selectItems(asOf, scope).join(',\n  ')}\nFROM ${pass.relation.within([scope])}\nGROUP BY customer_id`;
    } else {
      select = `SELECT customer_id, ${pass.states.selectItems(asOf).join(',\n  ')}\nFROM ${pass.sql}\nGROUP BY customer_id`;
    }
    passPlans.push({
      id,
      kind: pass.relation ? 'dynamic' : 'static',
      table,
      ...(pass.relation ? { relation: pass.relation, scope } : {}),
      select,
      tags: pass.tags,
      stateSet: pass.states,
      states: pass.states.size,
    });
    const states = quoteIdent(table);
    joins.push(`LEFT JOIN (SELECT customer_id, ${pass.states.readItems().join(', ')} FROM ${states}) AS ${states} ON ${states}.customer_id = c.customer_id`);
  }
  for (const { code, table, valueType } of kept) {
    const values = quoteIdent(table);
    const column = quoteIdent(`kept_${code}`);
    const read = missingKept?.has(code)
      ? `SELECT NULL::VARCHAR AS customer_id, NULL::${valueType} AS ${column} WHERE false`
      : `SELECT customer_id, value AS ${column} FROM ${values}`;
    joins.push(`LEFT JOIN (${read}) AS ${values} ON ${values}.customer_id = c.customer_id`);
  }
  const keptCodes = new Set(kept.map((k) => k.code));
  const computed = tags.filter((t): t is Extract<ResolvedTag, { kind: 'computed' }> => t.kind === 'computed' && !keptCodes.has(t.def.code));
  const byCode = new Map(computed.map((t) => [t.def.code, t]));
  const layers = layersOf(new Map(computed.map((t) => [t.def.code, t.reads])));
  // Layer i + 1 adds the computed tags whose inputs are all in layer i. A layer is read once, by the next,
  // and inlined, unless the next one ranks its values: then it is materialised and read twice.
  const bodies = [`SELECT c.customer_id${base.length ? `, ${base.join(',\n  ')}` : ''}\nFROM customers c\n${joins.join('\n')}`];
  const thresholds: string[][] = [];
  layers.forEach((layer, i) => {
    const ranked: QuantileTag[] = [];
    const items = layer.map((code) => {
      const tag = byCode.get(code) as Extract<ResolvedTag, { kind: 'computed' }>;
      const spec = tag.def.spec.kind === 'computed' ? tag.def.spec : undefined;
      let value = env.compile(tag.expr, (name) => `l.${quoteIdent(name)}`);
      if (spec?.quantiles) {
        const quantile = { code, value, quantiles: spec.quantiles, descending: Boolean(spec.descending) };
        ranked.push(quantile);
        value = quantileScore(quantile);
      }
      return `${banded(value, tag.def, env)} AS ${quoteIdent(code)}`;
    });
    thresholds[i] = ranked.length ? quantileCtes(`q${i}`, `l${i}`, ranked) : [];
    bodies.push(`SELECT l.*, ${items.join(',\n  ')}\nFROM l${i} l${ranked.length ? `, q${i} q` : ''}`);
  });
  // Static passes are always CTEs of the profile SELECT (small folds recomputed every time, so writing
  // them cost a table for nothing). Inline: the dynamic ones too (previews write nothing); a refresh
  // keeps those as state tables.
  const ctes = [
    ...passPlans.filter((p) => inline || p.kind === 'static').map((p) => `${quoteIdent(p.table)} AS (${p.select})`),
    ...bodies.flatMap((body, i) => [`l${i} AS ${thresholds[i]?.length ? 'MATERIALIZED ' : ''}(${body})`, ...(thresholds[i] ?? [])]),
  ];
  const types = profileColumnTypes(tags);
  const columns = tags.map((t) => ({ code: t.def.code, type: t.def.type, sqlType: types.get(t.def.code) as string }));
  const outputs = columns.map((c) => `${storedAs(c.code, c.sqlType)} AS ${quoteIdent(c.code)}`);
  // Not sorted: the refresh indexes customer_id instead (refresh.ts), which makes the 360° view's point reads
  // cheaper than a sorted table did (at 1M customers 4 ms instead of 9 ms) for half the cost of the sort.
  const profileSelect = `WITH ${ctes.join(',\n')}\nSELECT customer_id, ${outputs.join(', ')}, ${dateLiteral(asOf)} AS as_of\nFROM l${layers.length}`;
  return { asOf, passes: passPlans, profileSelect, columns, kept };
}
