import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { TableSpec } from '../contract/define';
import { mappingError } from './file-errors';
import { importMappingSchema, type ImportMapping } from './schema';

export interface LoadedMapping {
  readonly mapping: ImportMapping;
  /** sha256 of the canonical JSON: part of what makes a re-import "the same import". */
  readonly sha256: string;
  readonly name: string;
}

export const noMapping: LoadedMapping = { mapping: importMappingSchema.parse({}), sha256: '', name: '' };

/** Reads and validates a mapping file against the target table; errors are `mapping_invalid`, naming file and field. */
export function loadMapping(path: string, spec: TableSpec): LoadedMapping {
  const name = basename(path);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw mappingError(name, '(file)', `cannot read the mapping: ${why}`, `无法读取映射文件：${why}`);
  }
  return checkMapping(json, spec, name);
}

export function checkMapping(json: unknown, spec: TableSpec, name = 'mapping'): LoadedMapping {
  const parsed = importMappingSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || '(root)';
    throw mappingError(name, field, issue?.message ?? 'invalid', `格式不正确：${issue?.message ?? ''}`);
  }
  const mapping = parsed.data;
  const known = new Set(spec.columns.map((c) => c.name));
  for (const [section, entries] of [['columns', mapping.columns], ['defaults', mapping.defaults]] as const) {
    for (const column of Object.keys(entries)) {
      if (!known.has(column)) {
        throw mappingError(
          name,
          `${section}.${column}`,
          `'${column}' is not a column of ${spec.name} (columns: ${[...known].join(', ')})`,
          `'${column}' 不是 ${spec.name} 的列`,
        );
      }
    }
  }
  const canonical = JSON.stringify(sortKeys(mapping));
  return { mapping, sha256: createHash('sha256').update(canonical).digest('hex'), name };
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}
