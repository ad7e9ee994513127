import { describe, expect, it } from 'vitest';
import { estimateCapacity, type EstimateInput } from './estimates.ts';

const input: EstimateInput = {
  dailyActiveUsers: 10_000_000,
  requestsPerUserPerDay: 20,
  peakToAverage: 3,
  writeShare: 0.1,
  bytesPerWrite: 1_000,
  bytesPerResponse: 50_000,
  retentionYears: 5,
};

function estimate(values: EstimateInput) {
  const result = estimateCapacity(values);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join(' '));
  return result.estimate;
}

describe('back-of-the-envelope calculator', () => {
  it('shows its arithmetic for every output', () => {
    const e = estimate(input);
    expect(e.averageRequestsPerSecond.arithmetic).toBe('10,000,000 users × 20 requests ÷ 86,400 s ≈ 2,315 requests/s');
    expect(e.averageRequestsPerSecond.value).toBeCloseTo(2314.81, 2);
    expect(e.averageRequestsPerSecond.display).toBe('2,315 requests/s');
    expect(e.peakRequestsPerSecond.arithmetic).toBe('10,000,000 users × 20 requests × 3 (peak factor) ÷ 86,400 s ≈ 6,944 requests/s');
    expect(e.writesPerSecond.arithmetic).toBe('10,000,000 users × 20 requests × 10% writes ÷ 86,400 s ≈ 231 writes/s');
    expect(e.storagePerYear.arithmetic).toBe('10,000,000 users × 20 requests × 10% writes × 365 days × 1 KB = 7.3 TB per year');
    expect(e.storagePerYear.value).toBe(7.3e12);
    expect(e.storageOverRetention.arithmetic).toBe('7.3 TB per year × 5 years = 36.5 TB');
    expect(e.storageOverRetention.value).toBe(36.5e12);
    expect(e.bandwidthOutAverage.arithmetic).toBe('2,315 requests/s × 50 KB ≈ 116 MB/s × 8 bits ≈ 926 Mbit/s');
    expect(e.bandwidthOutAverage).toMatchObject({ display: '116 MB/s', bitsDisplay: '926 Mbit/s', unit: 'bytes/s' });
    expect(e.bandwidthOutPeak.arithmetic).toBe('6,944 requests/s × 50 KB ≈ 347 MB/s × 8 bits ≈ 2.78 Gbit/s');
    expect(e.bandwidthOutPeak.bitsPerSecond).toBeCloseTo(e.bandwidthOutPeak.value * 8, 6);
    expect(e.units).toMatch(/powers of 1000/);
  });

  it('takes writes per user per day instead of a share', () => {
    const e = estimate({ ...input, writeShare: undefined, writesPerUserPerDay: 2, retentionYears: 1 });
    expect(e.writesPerSecond.arithmetic).toBe('10,000,000 users × 2 writes ÷ 86,400 s ≈ 231 writes/s');
    expect(e.storagePerYear.arithmetic).toBe('10,000,000 users × 2 writes × 365 days × 1 KB = 7.3 TB per year');
    expect(e.storageOverRetention.arithmetic).toBe('7.3 TB per year × 1 year = 7.3 TB');
  });

  it('says "=" when the numbers come out exact', () => {
    const e = estimate({ ...input, dailyActiveUsers: 86_400, requestsPerUserPerDay: 10, peakToAverage: 2, bytesPerResponse: 1_000 });
    expect(e.averageRequestsPerSecond.arithmetic).toBe('86,400 users × 10 requests ÷ 86,400 s = 10 requests/s');
    expect(e.bandwidthOutPeak.arithmetic).toBe('20 requests/s × 1 KB = 20 KB/s × 8 bits = 160 kbit/s');
  });

  it('rejects bad input with a message naming each field', () => {
    const result = estimateCapacity({ ...input, dailyActiveUsers: Number.NaN, bytesPerResponse: -1, peakToAverage: 0.5, retentionYears: Infinity });
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'dailyActiveUsers', message: 'Daily active users must be a number.' },
        { field: 'peakToAverage', message: 'Peak-to-average factor must be at least 1 (the peak is never below the average).' },
        { field: 'bytesPerResponse', message: 'Bytes per response must not be negative.' },
        { field: 'retentionYears', message: 'Retention in years must be a number.' },
      ],
    });
    const messages = (values: EstimateInput) => {
      const r = estimateCapacity(values);
      return r.ok ? [] : r.errors.map((e) => e.message);
    };
    expect(messages({ ...input, writeShare: 1.5 })).toEqual(['Share of requests that write must be between 0 and 1 (0.1 means 10%).']);
    expect(messages({ ...input, writesPerUserPerDay: 2 })).toEqual([
      'Give either the share of requests that write or the writes per user per day, not both.',
    ]);
    expect(messages({ ...input, writeShare: undefined })).toEqual(['Give the share of requests that write, or the writes per user per day.']);
    expect(messages({ ...input, writeShare: undefined, writesPerUserPerDay: -3 })).toEqual(['Writes per user per day must not be negative.']);
    expect(messages({ ...input, requestsPerUserPerDay: '20' as unknown as number })).toEqual(['Requests per user per day must be a number.']);
  });

  it('accepts zero traffic', () => {
    const e = estimate({ ...input, dailyActiveUsers: 0 });
    expect(e.averageRequestsPerSecond.arithmetic).toBe('0 users × 20 requests ÷ 86,400 s = 0 requests/s');
    expect(e.storageOverRetention.display).toBe('0 B');
  });
});
