import { quoteIdent } from '../../db';
import type { Buckets, TagDefinition, TagType } from '../definition-schema';
import { layersOf } from '../graph';
import type { ResolvedTag } from '../resolve';
import { planDynamic } from './dynamic';
import { planCustomerStatic, planFoldedStatic } from './static';
import { StateSet } from './state-set';
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
  readonly relationSql: string;
  /** Restriction of the full pass to the days its windows read. */
  readonly where: string;
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
  readonly columns: ReadonlyArray<{ readonly code: string; readonly type: TagType }>;
}

const sqlType: Record<TagType, string> = { number: 'DOUBLE', boolean: 'BOOLEAN', enum: 'VARCHAR', string: 'VARCHAR', date: 'DATE' };

export function profileColumnType(type: TagType): string {
  return sqlType[type];
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

/** Plans a refresh of these tags (resolved in one catalogue) at `asOf`: the passes, then the profile SELECT. */
export function planRefresh(tags: readonly ResolvedTag[], env: SqlEnv, workPrefix = 'tag_work', inline = false): RefreshPlan {
  const asOf = env.asOf;
  const base: string[] = [];
  const passes = new Map<string, { sql: string; states: StateSet; tags: string[]; dynamic: boolean }>();
  const passOf = (id: string, sql: string, dynamic: boolean) => {
    let pass = passes.get(id);
    if (!pass) {
      pass = { sql, states: new StateSet(id), tags: [], dynamic };
      passes.set(id, pass);
    }
    return pass;
  };
  for (const tag of tags) {
    const code = quoteIdent(tag.def.code);
    if (tag.kind === 'static' && !tag.relation.multiRow) base.push(`${banded(planCustomerStatic(tag, env), tag.def, env)} AS ${code}`);
    if (tag.kind === 'static' && tag.relation.multiRow) {
      const pass = passOf(tag.relation.source, tag.relation.sql, false);
      pass.tags.push(tag.def.code);
      base.push(`${banded(planFoldedStatic(tag, env, pass.states), tag.def, env)} AS ${code}`);
    }
    if (tag.kind === 'dynamic' && tag.def.spec.kind === 'dynamic') {
      const spec = tag.def.spec;
      const pass = passOf(tag.relation.id, tag.relation.sql, true);
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
    const table = pass.dynamic && !inline ? `tag_state_${id}` : `${workPrefix}_${id}`;
    const where: string[] = [];
    if (pass.dynamic) {
      where.push(`day <= ${dateLiteral(asOf)}`);
      const from = pass.states.earliestDay(asOf);
      if (from !== undefined) where.push(`day >= ${dateLiteral(from)}`);
    }
    const whereSql = where.join(' AND ');
    const select = `SELECT customer_id, ${pass.states.selectItems(asOf).join(',\n  ')}\nFROM ${pass.sql}${whereSql ? ` WHERE ${whereSql}` : ''}\nGROUP BY customer_id`;
    passPlans.push({
      id,
      kind: pass.dynamic ? 'dynamic' : 'static',
      table,
      relationSql: pass.sql,
      where: whereSql,
      select,
      tags: pass.tags,
      stateSet: pass.states,
      states: pass.states.size,
    });
    joins.push(`LEFT JOIN ${quoteIdent(table)} ON ${quoteIdent(table)}.customer_id = c.customer_id`);
  }
  // Inline: the passes become CTEs of one statement (previews write nothing); a refresh writes them as tables.
  const passCtes = inline ? passPlans.map((p) => `${quoteIdent(p.table)} AS (${p.select})`) : [];
  const ctes = [...passCtes, `l0 AS MATERIALIZED (SELECT c.customer_id${base.length ? `, ${base.join(',\n  ')}` : ''}\nFROM customers c\n${joins.join('\n')})`];
  const computed = tags.filter((t): t is Extract<ResolvedTag, { kind: 'computed' }> => t.kind === 'computed');
  const byCode = new Map(computed.map((t) => [t.def.code, t]));
  const layers = layersOf(new Map(computed.map((t) => [t.def.code, t.reads])));
  layers.forEach((layer, i) => {
    // Quantile ranks are computed in a narrow subquery (customer id and the rank only) and joined back: a
    // window over the whole layer would carry every tag column through its sort.
    const ranks: string[] = [];
    const items = layer.map((code) => {
      const tag = byCode.get(code) as Extract<ResolvedTag, { kind: 'computed' }>;
      const spec = tag.def.spec.kind === 'computed' ? tag.def.spec : undefined;
      let value = env.compile(tag.expr, (name) => `l.${quoteIdent(name)}`);
      if (spec?.quantiles) {
        const n = spec.quantiles;
        const rank = quoteIdent(`rank_${code}`);
        ranks.push(`percent_rank() OVER (ORDER BY ${value} ${spec.descending ? 'DESC' : 'ASC'} NULLS FIRST) AS ${rank}`);
        value = `least(${n}, floor(q.${rank} * ${n}) + 1)`;
      }
      return `${banded(value, tag.def, env)} AS ${quoteIdent(code)}`;
    });
    const rankJoin = ranks.length ? `\nJOIN (SELECT l.customer_id, ${ranks.join(', ')} FROM l${i} l) q ON q.customer_id = l.customer_id` : '';
    // Materialised: an inlined layer would repeat every expression it reads in each later layer.
    ctes.push(`l${i + 1} AS MATERIALIZED (SELECT l.*, ${items.join(',\n  ')}\nFROM l${i} l${rankJoin})`);
  });
  const columns = tags.map((t) => ({ code: t.def.code, type: t.def.type }));
  const outputs = columns.map((c) => `CAST(${quoteIdent(c.code)} AS ${sqlType[c.type]}) AS ${quoteIdent(c.code)}`);
  const profileSelect = `WITH ${ctes.join(',\n')}\nSELECT customer_id, ${outputs.join(', ')}, ${dateLiteral(asOf)} AS as_of\nFROM l${layers.length}\nORDER BY customer_id`;
  return { asOf, passes: passPlans, profileSelect, columns };
}
