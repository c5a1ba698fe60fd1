import { quoteLiteral } from '../../db';

/**
 * A rejected row's reason in both languages. `{name}` marks a value filled in per column (the format, the
 * allowed values) or per row (the first row of a duplicate key); the rest is fixed text.
 */
export interface ReasonTemplate {
  readonly en: string;
  readonly zh: string;
}

/** A reason with its values filled in: plain text, or SQL expressions yielding the text per row. */
export interface ReasonText {
  readonly en: string;
  readonly zh: string;
}

// The one list of reasons: validation fills them, and the migration that gave old rejects a Chinese reason
// reads the English sentences back through the same templates. Change a sentence only with a migration.
export const rejectReasons = {
  required: { en: 'required value missing', zh: '缺少必填值' },
  notText: { en: 'not text', zh: '不是文本' },
  notWholeNumber: { en: 'not a whole number', zh: '不是整数' },
  notNumber: { en: 'not a number', zh: '不是数字' },
  notAmount: { en: 'not an amount', zh: '不是金额' },
  notDateIn: { en: 'not a date in format {format}', zh: '不是格式为 {format} 的日期' },
  notDate: { en: 'not a date (YYYY-MM-DD)', zh: '不是日期（YYYY-MM-DD）' },
  notTimestampIn: { en: 'not a timestamp in format {format}', zh: '不是格式为 {format} 的时间' },
  notTimestamp: { en: 'not a timestamp (YYYY-MM-DD HH:MM:SS)', zh: '不是时间（YYYY-MM-DD HH:MM:SS）' },
  notBoolean: { en: 'not true/false', zh: '不是布尔值（true/false）' },
  notJson: { en: 'not valid JSON', zh: '不是有效的 JSON' },
  impossibleDate: { en: 'impossible date', zh: '日期不存在' },
  notOneOf: { en: 'not one of: {values}', zh: '不在可选值内：{values}' },
  belowMinimum: { en: 'below minimum {min}', zh: '小于最小值 {min}' },
  aboveMaximum: { en: 'above maximum {max}', zh: '大于最大值 {max}' },
  inFuture: { en: 'in the future (after {latest}): a date of something that has happened', zh: '晚于当前（{latest} 之后）：应为已发生事件的日期' },
  noMatch: { en: 'does not match {pattern}', zh: '不符合格式 {pattern}' },
  notFound: { en: 'not found in {target}', zh: '在 {target} 中不存在' },
  duplicateKey: { en: 'duplicate key in file (first at row {row})', zh: '文件内主键重复（首次出现在第 {row} 行）' },
  conflict: { en: 'key exists with different values ({columns})', zh: '主键已存在且取值不同（{columns}）' },
  // Before `malformed`: the migration's translation takes the first template that matches.
  wrongFieldCount: {
    en: 'malformed record: expected {expected} fields, found {found}',
    zh: '记录格式错误：应有 {expected} 个字段，实有 {found} 个',
  },
  malformed: { en: 'malformed record: {detail}', zh: '记录格式错误：{detail}' },
} as const satisfies Record<string, ReasonTemplate>;

const placeholder = /\{([a-z]+)\}/g;

function fill(text: string, part: (literal: string) => string, value: (name: string) => string): string[] {
  const parts: string[] = [];
  let at = 0;
  for (const match of text.matchAll(placeholder)) {
    if (match.index > at) parts.push(part(text.slice(at, match.index)));
    parts.push(value(match[1] as string));
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push(part(text.slice(at)));
  return parts;
}

function lookup(values: Readonly<Record<string, string | number>>, name: string): string {
  const value = values[name];
  if (value === undefined) throw new Error(`reject reason: no value for {${name}}`);
  return String(value);
}

/** The reason with constant values, e.g. `not one of: F, M` / `不在可选值内：F, M`. */
export function reasonText(template: ReasonTemplate, values: Readonly<Record<string, string | number>> = {}): ReasonText {
  const text = (s: string) => fill(s, (literal) => literal, (name) => lookup(values, name)).join('');
  return { en: text(template.en), zh: text(template.zh) };
}

/** The reason as two SQL expressions, values given as SQL (e.g. `{ row: 'd.first_row' }`). */
export function reasonSql(template: ReasonTemplate, values: Readonly<Record<string, string>>): ReasonText {
  const sql = (s: string) => fill(s, quoteLiteral, (name) => `(${lookup(values, name)})::VARCHAR`).join(' || ');
  return { en: sql(template.en), zh: sql(template.zh) };
}

const escapeRegex = (literal: string) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * SQL giving the Chinese reason of an English one (`column`) stored before reasons were kept in both
 * languages; a sentence no template matches stays as it is.
 */
export function translateReasonSql(column: string): string {
  const cases = Object.values(rejectReasons).map((template: ReasonTemplate) => {
    const order: string[] = [];
    const regex = fill(template.en, escapeRegex, (name) => {
      order.push(name);
      return '(.*)';
    }).join('');
    const replacement = fill(template.zh, (literal) => literal.replaceAll('\\', '\\\\'), (name) => `\\${order.indexOf(name) + 1}`).join('');
    const anchored = quoteLiteral(`(?s)^${regex}$`);
    return `WHEN regexp_full_match(${column}, ${anchored}) THEN regexp_replace(${column}, ${anchored}, ${quoteLiteral(replacement)})`;
  });
  return `CASE ${cases.join('\n')} ELSE ${column} END`;
}
