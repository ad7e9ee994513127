import { describe, expect, it } from 'vitest';
import { equalsSign, showBitsPerSecond, showBytes, showBytesPerSecond, showCount, showPercent } from './human-units.ts';

describe('human units', () => {
  it('rounds counts for people and says whether they are exact', () => {
    expect(showCount(2314.81)).toEqual({ text: '2,315', exact: false });
    expect(showCount(23.148)).toEqual({ text: '23.1', exact: false });
    expect(showCount(0.5)).toEqual({ text: '0.5', exact: true });
    expect(showCount(10_000_000)).toEqual({ text: '10,000,000', exact: true });
    expect(showCount(0.0000001).text).toBe('< 0.001');
  });

  it('uses powers of 1000 for sizes and steps up instead of printing 1,000 of a unit', () => {
    expect(showBytes(512).text).toBe('512 B');
    expect(showBytes(1_000).text).toBe('1 KB');
    expect(showBytes(7.3e12)).toEqual({ text: '7.3 TB', exact: true });
    expect(showBytes(999_999).text).toBe('1 MB');
    expect(showBytes(2e18).text).toBe('2,000 PB');
    expect(showBytesPerSecond(115_740_740).text).toBe('116 MB/s');
    expect(showBitsPerSecond(925_925_925).text).toBe('926 Mbit/s');
    expect(showBitsPerSecond(2.78e9).text).toBe('2.78 Gbit/s');
  });

  it('shows shares as percentages without floating-point noise', () => {
    expect(showPercent(0.07)).toEqual({ text: '7%', exact: true });
    expect(showPercent(1 / 3)).toEqual({ text: '33.3%', exact: false });
    expect(equalsSign(showPercent(0.07), showCount(3))).toBe('=');
    expect(equalsSign(showPercent(1 / 3))).toBe('≈');
  });
});
