/**
 * The back-of-the-envelope calculator for the estimation phase. Every output
 * carries its arithmetic as a sentence a learner can check by hand:
 * "10,000,000 users × 20 requests ÷ 86,400 s ≈ 2,315 requests/s".
 *
 * Units: sizes in powers of 1000 (1 KB = 1,000 bytes, up to PB); bandwidth
 * both in bytes per second (MB/s) and in bits per second (Mbit/s, 1 byte =
 * 8 bits); a year is 365 days; a day is 86,400 s. Chains start from the
 * inputs, so rounding never compounds.
 */
import { formatNumber } from '../rules/analysis/text.ts';
import { equalsSign, showBitsPerSecond, showBytes, showBytesPerSecond, showCount, showPercent, type Shown } from './human-units.ts';

export const SECONDS_PER_DAY = 86_400;
export const DAYS_PER_YEAR = 365;

export interface EstimateInput {
  dailyActiveUsers: number;
  requestsPerUserPerDay: number;
  /** Peak traffic ÷ average traffic, at least 1. */
  peakToAverage: number;
  /** Share of requests that write, from 0 to 1. Give this or `writesPerUserPerDay`, not both. */
  writeShare?: number;
  writesPerUserPerDay?: number;
  /** Bytes stored by one write. */
  bytesPerWrite: number;
  /** Bytes sent back by one response. */
  bytesPerResponse: number;
  retentionYears: number;
}

export type EstimateField = keyof EstimateInput;

export const ESTIMATE_FIELD_LABELS: Readonly<Record<EstimateField, string>> = {
  dailyActiveUsers: 'Daily active users',
  requestsPerUserPerDay: 'Requests per user per day',
  peakToAverage: 'Peak-to-average factor',
  writeShare: 'Share of requests that write',
  writesPerUserPerDay: 'Writes per user per day',
  bytesPerWrite: 'Bytes stored per write',
  bytesPerResponse: 'Bytes per response',
  retentionYears: 'Retention in years',
};

export interface EstimateError {
  field: EstimateField;
  message: string;
}

export interface EstimateLine {
  value: number;
  /** What `value` counts. */
  unit: 'requests/s' | 'writes/s' | 'bytes' | 'bytes/s';
  /** The value for people, e.g. "2,315 requests/s" or "7.3 TB". */
  display: string;
  /** The arithmetic that gives it. */
  arithmetic: string;
}

export interface BandwidthLine extends EstimateLine {
  unit: 'bytes/s';
  bitsPerSecond: number;
  /** e.g. "926 Mbit/s". */
  bitsDisplay: string;
}

export interface Estimate {
  averageRequestsPerSecond: EstimateLine;
  peakRequestsPerSecond: EstimateLine;
  writesPerSecond: EstimateLine;
  storagePerYear: EstimateLine;
  storageOverRetention: EstimateLine;
  bandwidthOutAverage: BandwidthLine;
  bandwidthOutPeak: BandwidthLine;
  /** The unit conventions, for the UI to print once. */
  units: string;
}

export type EstimateResult = { ok: true; estimate: Estimate } | { ok: false; errors: EstimateError[] };

export const ESTIMATE_UNITS_NOTE =
  'Sizes use powers of 1000 (1 KB = 1,000 bytes, 1 MB = 1,000 KB). Bandwidth is given in bytes per second (MB/s) and in bits per second (Mbit/s); 1 byte = 8 bits. A year is 365 days.';

function checkNumber(input: EstimateInput, field: EstimateField, errors: EstimateError[], extra?: (v: number) => string | null): void {
  const value: unknown = input[field];
  const label = ESTIMATE_FIELD_LABELS[field];
  if (typeof value !== 'number' || !Number.isFinite(value)) errors.push({ field, message: `${label} must be a number.` });
  else if (value < 0) errors.push({ field, message: `${label} must not be negative.` });
  else {
    const problem = extra?.(value) ?? null;
    if (problem) errors.push({ field, message: `${label} ${problem}` });
  }
}

/** Every problem with the input, each naming its field; empty when the input is usable. */
export function validateEstimateInput(input: EstimateInput): EstimateError[] {
  const errors: EstimateError[] = [];
  checkNumber(input, 'dailyActiveUsers', errors);
  checkNumber(input, 'requestsPerUserPerDay', errors);
  checkNumber(input, 'peakToAverage', errors, (v) => (v < 1 ? 'must be at least 1 (the peak is never below the average).' : null));
  const hasShare = input.writeShare !== undefined;
  const hasPerUser = input.writesPerUserPerDay !== undefined;
  if (hasShare && hasPerUser) {
    errors.push({ field: 'writeShare', message: 'Give either the share of requests that write or the writes per user per day, not both.' });
  } else if (!hasShare && !hasPerUser) {
    errors.push({ field: 'writeShare', message: 'Give the share of requests that write, or the writes per user per day.' });
  } else if (hasShare) {
    checkNumber(input, 'writeShare', errors, (v) => (v > 1 ? 'must be between 0 and 1 (0.1 means 10%).' : null));
  } else {
    checkNumber(input, 'writesPerUserPerDay', errors);
  }
  checkNumber(input, 'bytesPerWrite', errors);
  checkNumber(input, 'bytesPerResponse', errors);
  checkNumber(input, 'retentionYears', errors);
  return errors;
}

const times = (n: number, what: string) => `${showCount(n).text} ${what}`;

/** One output: `unitText` follows the number everywhere, `after` only in the arithmetic. */
function line(
  value: number,
  unit: EstimateLine['unit'],
  result: Shown,
  operands: readonly Shown[],
  expression: string,
  { unitText = '', after = '' }: { unitText?: string; after?: string } = {},
): EstimateLine {
  const display = `${result.text}${unitText}`;
  return { value, unit, display, arithmetic: `${expression} ${equalsSign(result, ...operands)} ${display}${after}` };
}

function bandwidth(requestsPerSecond: number, rate: Shown, bytesPerResponse: number): BandwidthLine {
  const bytesPerSecond = requestsPerSecond * bytesPerResponse;
  const size = showBytes(bytesPerResponse);
  const bytesShown = showBytesPerSecond(bytesPerSecond);
  const bits = bytesPerSecond * 8;
  const bitsShown = showBitsPerSecond(bits);
  const first = `${rate.text} requests/s × ${size.text} ${equalsSign(rate, size, bytesShown)} ${bytesShown.text}`;
  return {
    value: bytesPerSecond,
    unit: 'bytes/s',
    display: bytesShown.text,
    arithmetic: `${first} × 8 bits ${equalsSign(bytesShown, bitsShown)} ${bitsShown.text}`,
    bitsPerSecond: bits,
    bitsDisplay: bitsShown.text,
  };
}

/** Run the calculator, or say what is wrong with the input. */
export function estimateCapacity(input: EstimateInput): EstimateResult {
  const errors = validateEstimateInput(input);
  if (errors.length > 0) return { ok: false, errors };

  const users = showCount(input.dailyActiveUsers);
  const perUser = showCount(input.requestsPerUserPerDay);
  const peak = showCount(input.peakToAverage);
  const day = showCount(SECONDS_PER_DAY);
  const usersTimesRequests = `${users.text} users × ${times(input.requestsPerUserPerDay, 'requests')}`;

  const average = (input.dailyActiveUsers * input.requestsPerUserPerDay) / SECONDS_PER_DAY;
  const averageShown = showCount(average);
  const peakRate = average * input.peakToAverage;
  const peakShown = showCount(peakRate);

  // Writes per day, and how to say it.
  let writesPerDay: number;
  let writesExpression: string;
  let writeOperands: Shown[];
  if (input.writeShare !== undefined) {
    const share = showPercent(input.writeShare);
    writesPerDay = input.dailyActiveUsers * input.requestsPerUserPerDay * input.writeShare;
    writesExpression = `${usersTimesRequests} × ${share.text} writes`;
    writeOperands = [users, perUser, share];
  } else {
    const writes = showCount(input.writesPerUserPerDay!);
    writesPerDay = input.dailyActiveUsers * input.writesPerUserPerDay!;
    writesExpression = `${users.text} users × ${writes.text} writes`;
    writeOperands = [users, writes];
  }
  const writeRate = writesPerDay / SECONDS_PER_DAY;
  const perYear = writesPerDay * DAYS_PER_YEAR * input.bytesPerWrite;
  const perYearShown = showBytes(perYear);
  const writeSize = showBytes(input.bytesPerWrite);
  const total = perYear * input.retentionYears;
  const years = showCount(input.retentionYears);

  const estimate: Estimate = {
    averageRequestsPerSecond: line(
      average,
      'requests/s',
      averageShown,
      [users, perUser, day],
      `${usersTimesRequests} ÷ ${day.text} s`,
      { unitText: ' requests/s' },
    ),
    peakRequestsPerSecond: line(
      peakRate,
      'requests/s',
      peakShown,
      [users, perUser, peak, day],
      `${usersTimesRequests} × ${peak.text} (peak factor) ÷ ${day.text} s`,
      { unitText: ' requests/s' },
    ),
    writesPerSecond: line(writeRate, 'writes/s', showCount(writeRate), [...writeOperands, day], `${writesExpression} ÷ ${day.text} s`, {
      unitText: ' writes/s',
    }),
    storagePerYear: line(
      perYear,
      'bytes',
      perYearShown,
      [...writeOperands, writeSize],
      `${writesExpression} × ${formatNumber(DAYS_PER_YEAR)} days × ${writeSize.text}`,
      { after: ' per year' },
    ),
    storageOverRetention: line(
      total,
      'bytes',
      showBytes(total),
      [perYearShown, years],
      `${perYearShown.text} per year × ${years.text} ${input.retentionYears === 1 ? 'year' : 'years'}`,
    ),
    bandwidthOutAverage: bandwidth(average, averageShown, input.bytesPerResponse),
    bandwidthOutPeak: bandwidth(peakRate, peakShown, input.bytesPerResponse),
    units: ESTIMATE_UNITS_NOTE,
  };
  return { ok: true, estimate };
}
