// A capability (src/<name>/) may import another only through its public door: src/<name>/index.ts, or
// src/<name>/schema.ts for browser-safe types. The console (web/) may import only schema.ts files.
import path from 'node:path';

const srcRoot = path.resolve(import.meta.dirname, '..', 'src');
const webRoot = path.resolve(import.meta.dirname, '..', 'web');

function capabilityOf(file) {
  const rel = path.relative(srcRoot, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep)[0];
}

function isPublicDoor(target, allowIndex) {
  const rel = path.relative(srcRoot, target).split(path.sep);
  if (rel.length !== 2) return false;
  const file = rel[1].replace(/\.(ts|tsx|js)$/, '');
  return file === 'schema' || (allowIndex && file === 'index');
}

export const capabilityBoundaries = {
  meta: { type: 'problem', schema: [], messages: { door: "'{{target}}' is inside capability '{{cap}}': import its {{door}} instead." } },
  create(context) {
    const file = context.filename;
    const fromCap = capabilityOf(file);
    const fromWeb = !path.relative(webRoot, file).startsWith('..');
    return {
      ImportDeclaration(node) {
        const spec = node.source.value;
        if (typeof spec !== 'string' || !spec.startsWith('.')) return;
        const target = path.resolve(path.dirname(file), spec);
        const toCap = capabilityOf(target);
        // test-support holds shared test fixtures, not a capability.
        if (!toCap || toCap === fromCap || toCap === 'test-support') return;
        const allowIndex = !fromWeb;
        if (isPublicDoor(target, allowIndex) || (allowIndex && path.relative(srcRoot, target) === toCap)) return;
        context.report({
          node: node.source,
          messageId: 'door',
          data: { target: spec, cap: toCap, door: fromWeb ? 'schema.ts' : 'index.ts (or schema.ts)' },
        });
      },
    };
  },
};
