import { describe, expect, it } from 'vitest';
import { binOrder, missingBin } from './drift';

describe('drift bins in reading order', () => {
  it('orders bands by index, not as text, with customers without a value last', () => {
    const bands = ['10', '2', missingBin, '0', '1', '11'];
    expect([...bands].sort(binOrder(undefined))).toEqual(['0', '1', '2', '10', '11', missingBin]);
  });

  it("orders an enum's values as the tag lists them, and values it does not list after them", () => {
    const seen = ['gold', missingBin, 'classic', 'legacy', 'diamond', 'platinum'];
    expect([...seen].sort(binOrder(['classic', 'gold', 'platinum', 'diamond']))).toEqual([
      'classic',
      'gold',
      'platinum',
      'diamond',
      'legacy',
      missingBin,
    ]);
  });
});
