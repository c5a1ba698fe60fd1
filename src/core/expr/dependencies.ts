import { childrenOf, type AggregateNode, type Expr, type SourceName } from './ast';

/** What an expression reads: the tag engine orders computed tags by it and refuses cycles. */
export interface Dependencies {
  /** Catalogue names (tags), sorted, each once; fields inside a window's `where` are not among them. */
  readonly identifiers: readonly string[];
  /** Behaviour sources read by windows, sorted, each once. */
  readonly sources: readonly SourceName[];
  /** Every behaviour window, in source order, so a caller can plan them (e.g. share a pass or a rollup). */
  readonly windows: readonly AggregateNode[];
  /** Whether the value depends on the as-of date (windows, as_of(), age()). */
  readonly usesAsOf: boolean;
}

export function dependencies(ast: Expr): Dependencies {
  const identifiers = new Set<string>();
  const sources = new Set<SourceName>();
  const windows: AggregateNode[] = [];
  let usesAsOf = false;
  const walk = (node: Expr): void => {
    if (node.kind === 'identifier') identifiers.add(node.name);
    if (node.kind === 'call' && (node.name === 'as_of' || node.name === 'age')) usesAsOf = true;
    if (node.kind === 'aggregate') {
      sources.add(node.source);
      windows.push(node);
      usesAsOf = true;
      // Names inside `where` are the source's fields, not tags.
      return;
    }
    childrenOf(node).forEach(walk);
  };
  walk(ast);
  return {
    identifiers: Object.freeze([...identifiers].sort()),
    sources: Object.freeze([...sources].sort()),
    windows: Object.freeze(windows),
    usesAsOf,
  };
}
