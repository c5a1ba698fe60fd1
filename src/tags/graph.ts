import type { TagDefinition } from './definition-schema';
import { tagsReadBy } from './expr';

// Computed tags form a graph through the tags their expressions name. Refresh evaluates them in layers (a
// tag after everything it reads); a cycle has no such order, so validation refuses it and names the path.

/** Codes in evaluation layers: layer 0 reads no computed tag; layer k reads only layers < k. */
export function layersOf(dependencies: ReadonlyMap<string, readonly string[]>): string[][] {
  const depth = new Map<string, number>();
  const visit = (code: string, path: string[]): number => {
    const known = depth.get(code);
    if (known !== undefined) return known;
    const cycleAt = path.indexOf(code);
    if (cycleAt >= 0) throw new CycleError([...path.slice(cycleAt), code]);
    let d = 0;
    for (const dep of dependencies.get(code) ?? []) {
      if (dependencies.has(dep)) d = Math.max(d, visit(dep, [...path, code]) + 1);
    }
    depth.set(code, d);
    return d;
  };
  for (const code of [...dependencies.keys()].sort()) visit(code, []);
  const layers: string[][] = [];
  for (const [code, d] of depth) (layers[d] ??= []).push(code);
  return layers.map((layer) => layer.sort());
}

/** A cycle among computed tags; `path` starts and ends with the same code: a → b → a. */
export class CycleError extends Error {
  constructor(readonly path: readonly string[]) {
    super(`cycle among computed tags: ${path.join(' → ')}`);
    this.name = 'CycleError';
  }
}

/** The first cycle in the graph, or undefined. */
export function findCycle(dependencies: ReadonlyMap<string, readonly string[]>): readonly string[] | undefined {
  try {
    layersOf(dependencies);
    return undefined;
  } catch (error) {
    if (error instanceof CycleError) return error.path;
    throw error;
  }
}

/** The definition and every tag it reads, transitively. */
export function tagClosure(def: TagDefinition, all: readonly TagDefinition[]): TagDefinition[] {
  const byCode = new Map(all.map((d) => [d.code, d]));
  const out = new Map<string, TagDefinition>();
  const visit = (d: TagDefinition) => {
    if (out.has(d.code)) return;
    out.set(d.code, d);
    if (d.spec.kind !== 'computed') return;
    for (const name of tagsReadBy(d.spec.expression)) {
      const dep = byCode.get(name);
      if (dep) visit(dep);
    }
  };
  visit(def);
  return [...out.values()];
}
