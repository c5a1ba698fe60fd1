// Population stability index between two distributions over the same bins:
//   PSI = Σᵢ (aᵢ − eᵢ) · ln(aᵢ / eᵢ)
// where eᵢ and aᵢ are the shares of the baseline ("expected") and the later ("actual") population in bin i.
// An empty bin would make the logarithm infinite, so shares are floored at 0.0001 (the usual convention).
// Bands: < 0.1 stable, 0.1–0.25 moderate shift, > 0.25 major shift.

export type DriftBand = 'stable' | 'moderate' | 'major';

const floor = 1e-4;

export function psi(expected: readonly number[], actual: readonly number[]): number {
  if (expected.length !== actual.length) throw new Error('psi: both distributions need the same bins');
  const te = expected.reduce((s, v) => s + v, 0);
  const ta = actual.reduce((s, v) => s + v, 0);
  if (te === 0 || ta === 0) return 0;
  let total = 0;
  for (let i = 0; i < expected.length; i += 1) {
    const e = Math.max((expected[i] as number) / te, floor);
    const a = Math.max((actual[i] as number) / ta, floor);
    total += (a - e) * Math.log(a / e);
  }
  return total;
}

export function driftBand(value: number): DriftBand {
  if (value < 0.1) return 'stable';
  if (value <= 0.25) return 'moderate';
  return 'major';
}

/** The bin of customers without a value. */
export const missingBin = '(missing)';

/**
 * Bins in reading order: bands by their index (as text, band 10 would sort before band 2), an enum's values
 * in the order the tag lists them, anything else alphabetically; customers without a value last.
 */
export function binOrder(values: readonly string[] | undefined): (a: string, b: string) => number {
  const rank = (k: string): [number, number, string] => {
    if (k === missingBin) return [2, 0, k];
    if (values?.includes(k)) return [0, values.indexOf(k), k];
    return /^\d+$/.test(k) ? [0, Number(k), k] : [1, 0, k];
  };
  return (a, b) => {
    const [x, y] = [rank(a), rank(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2].localeCompare(y[2]);
  };
}
