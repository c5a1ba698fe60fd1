import fc from 'fast-check';
import type { ComparisonOp, Expr, ExprType, FunctionName } from './ast';
import { build } from './build';
import { catalogOf } from './catalog';
import type { ExprValue } from './evaluate';

// Random well-typed expressions and rows for the property tests (test support, not shipped to callers):
// a small schema with one or two columns of each type, every one of them nullable.

export const propertyColumns = { n1: 'number', n2: 'number', b1: 'boolean', s1: 'string', s2: 'string', d1: 'date', d2: 'date' } as const;
export type PropertyRow = { readonly id: number } & { readonly [K in keyof typeof propertyColumns]: ExprValue };

export const propertyCatalog = catalogOf(Object.fromEntries(Object.entries(propertyColumns).map(([name, type]) => [name, { type }])));

const names = (type: ExprType) => Object.entries(propertyColumns).filter(([, t]) => t === type).map(([name]) => name);

// Values chosen to hit the edges: halves (rounding), zero (division), quotes and backslashes (escaping),
// Chinese text (code-point order), month ends and 29 February (date arithmetic).
const numbers = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  // Tiny magnitudes would divide into infinities, which engines report differently; they are not the point.
  fc.double({ min: -1e4, max: 1e4, noNaN: true, noDefaultInfinity: true }).map((x) => (Math.abs(x) < 1e-3 ? 0 : x)),
  fc.constantFrom(0, 0.1, 0.5, 2.5, -2.5, 1.005, 1234.5678901234567, 7),
);
const texts = fc.constantFrom('', 'a', 'B', 'abc', 'Abc', 'ab', "it's", 'a\\b', '海', '上海', 'x%_', 'gold');
const dates = fc.oneof(
  fc.date({ min: new Date('1960-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2000-02-29', '1996-02-29', '2025-02-28', '2025-06-30', '2025-07-01', '1990-01-31', '2024-12-31'),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 5 });

export const propertyRow = (id: number): fc.Arbitrary<PropertyRow> =>
  fc.record({
    n1: maybe(numbers),
    n2: maybe(numbers),
    b1: maybe(fc.boolean()),
    s1: maybe(texts),
    s2: maybe(texts),
    d1: maybe(dates),
    d2: maybe(dates),
  }).map((row) => ({ id, ...row }));

type Typed = { number: Expr; boolean: Expr; string: Expr; date: Expr };

const leaf = <T>(arbitrary: fc.Arbitrary<T>, weight = 1) => ({ arbitrary, weight });
const ordered: readonly ComparisonOp[] = ['=', '!=', '<', '<=', '>', '>='];

/** Well-typed expressions of each type, at most `maxDepth` operators deep. */
export function typedExpressions(maxDepth = 3): fc.Arbitrary<Expr> {
  const tree = fc.letrec<Typed>((tie) => {
    const n = tie('number');
    const b = tie('boolean');
    const s = tie('string');
    const d = tie('date');
    const options = { maxDepth, depthIdentifier: 'expr', withCrossShrink: true } as const;
    const call = (name: FunctionName, ...args: fc.Arbitrary<Expr>[]) => fc.tuple(...args).map((xs) => build.call(name, xs));
    const ident = (type: ExprType) => fc.constantFrom(...names(type)).map((name) => build.identifier(name));
    const ifOf = (arb: fc.Arbitrary<Expr>) =>
      fc.tuple(b, fc.option(arb, { nil: undefined, freq: 6 }), arb).map(([c, t, e]) => build.if(c, t ?? build.null(), e));
    const compare = (arb: fc.Arbitrary<Expr>, ops: readonly ComparisonOp[]) =>
      fc.tuple(fc.constantFrom(...ops), arb, arb).map(([op, l, r]) => build.comparison(op, l, r));
    return {
      number: fc.oneof(
        options,
        leaf(fc.oneof(numbers.map((v) => build.number(v)), ident('number')), 4),
        leaf(fc.tuple(fc.constantFrom('+', '-', '*', '/', '%'), n, n).map(([op, l, r]) => build.arithmetic(op, l, r)), 4),
        leaf(n.map((x) => build.negate(x))),
        leaf(ifOf(n)),
        leaf(fc.tuple(fc.constantFrom<FunctionName>('abs', 'floor', 'ceil', 'ln', 'sqrt', 'round'), n).map(([f, x]) => build.call(f, [x]))),
        leaf(fc.tuple(n, fc.integer({ min: -3, max: 4 })).map(([x, places]) => build.call('round', [x, build.number(places)]))),
        leaf(fc.tuple(fc.constantFrom<FunctionName>('least', 'greatest', 'coalesce'), fc.array(n, { minLength: 2, maxLength: 3 })).map(([f, xs]) => build.call(f, xs))),
        leaf(fc.oneof(call('days_between', d, d), call('age', d), call('year', d), call('month', d), call('length', s))),
      ),
      boolean: fc.oneof(
        options,
        leaf(fc.oneof(fc.boolean().map((v) => build.boolean(v)), ident('boolean')), 2),
        leaf(fc.oneof(compare(n, ordered), compare(s, ordered), compare(d, ordered), compare(b, ['=', '!='])), 4),
        leaf(fc.tuple(fc.constantFrom('and', 'or'), b, b).map(([op, l, r]) => build.logical(op, l, r)), 3),
        leaf(b.map((x) => build.not(x))),
        leaf(
          fc.oneof(
            fc.tuple(n, fc.array(n, { minLength: 1, maxLength: 3 }), fc.boolean()).map(([x, list, neg]) => build.in(x, list, neg)),
            fc.tuple(s, fc.array(s, { minLength: 1, maxLength: 3 }), fc.boolean()).map(([x, list, neg]) => build.in(x, list, neg)),
          ),
        ),
        leaf(
          fc.oneof(
            fc.tuple(n, n, n, fc.boolean()).map(([x, lo, hi, neg]) => build.between(x, lo, hi, neg)),
            fc.tuple(d, d, d, fc.boolean()).map(([x, lo, hi, neg]) => build.between(x, lo, hi, neg)),
          ),
        ),
        leaf(fc.tuple(fc.oneof(n, s, d, b), fc.boolean()).map(([x, neg]) => build.isNull(x, neg))),
        leaf(fc.tuple(fc.constantFrom<FunctionName>('contains', 'starts_with', 'ends_with'), s, s).map(([f, x, y]) => build.call(f, [x, y]))),
        leaf(ifOf(b)),
      ),
      string: fc.oneof(
        options,
        leaf(fc.oneof(texts.map((v) => build.string(v)), ident('string')), 4),
        leaf(fc.tuple(s, s).map(([l, r]) => build.arithmetic('||', l, r))),
        leaf(fc.tuple(fc.constantFrom<FunctionName>('lower', 'upper'), s).map(([f, x]) => build.call(f, [x]))),
        leaf(ifOf(s)),
        leaf(fc.tuple(fc.constantFrom<FunctionName>('least', 'greatest', 'coalesce'), s, s).map(([f, x, y]) => build.call(f, [x, y]))),
      ),
      date: fc.oneof(
        options,
        leaf(fc.oneof(dates.map((v) => build.date(v)), ident('date'), fc.constant(build.call('as_of', []))), 4),
        leaf(ifOf(d)),
        leaf(fc.tuple(fc.constantFrom<FunctionName>('least', 'greatest', 'coalesce'), d, d).map(([f, x, y]) => build.call(f, [x, y]))),
      ),
    };
  });
  return fc.oneof(tree.number, tree.boolean, tree.string, tree.date);
}
