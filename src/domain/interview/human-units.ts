/**
 * Numbers for people, deterministic on every machine (no locale): counts with
 * thousands separators, and sizes in powers of 1000 (1 KB = 1,000 bytes),
 * rates in bytes per second and in bits per second. Each value says whether
 * its text is exact, so arithmetic can print "=" or "≈".
 */
import { formatNumber } from '../rules/analysis/text.ts';

export interface Shown {
  text: string;
  /** The text states the value exactly (no rounding). */
  exact: boolean;
}

/** Integers from 100 up, three significant digits below: 2314.8 -> "2,315", 23.148 -> "23.1", 0.5 -> "0.5". */
function roundForPeople(value: number): number {
  if (value === 0) return 0;
  if (Math.abs(value) >= 100) return Math.round(value);
  return Number(value.toPrecision(3));
}

export function showCount(value: number): Shown {
  if (value > 0 && value < 0.001) return { text: '< 0.001', exact: false };
  const rounded = roundForPeople(value);
  // Tolerate floating-point noise: 0.07 × 100 is 7.000000000000001, and is 7.
  return { text: formatNumber(rounded), exact: Math.abs(rounded - value) <= 1e-9 * Math.max(1, Math.abs(value)) };
}

function showScaled(value: number, units: readonly string[], unitBetween = ' '): Shown {
  let i = 0;
  // Step up while the number would read 1,000 or more once rounded (999,999 B reads "1 MB", not "1,000 KB").
  while (i < units.length - 1 && Math.abs(roundForPeople(value / 1000 ** i)) >= 1000) i++;
  const scaled = value / 1000 ** i;
  const shown = showCount(scaled);
  return { text: `${shown.text}${unitBetween}${units[i]!}`, exact: shown.exact && Number.isFinite(scaled) };
}

export const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'] as const;
export const BIT_RATE_UNITS = ['bit/s', 'kbit/s', 'Mbit/s', 'Gbit/s', 'Tbit/s', 'Pbit/s'] as const;

/** 7.3e12 -> "7.3 TB"; 1000 -> "1 KB"; 512 -> "512 B". */
export function showBytes(bytes: number): Shown {
  return showScaled(bytes, BYTE_UNITS);
}

/** Bytes per second: 115.7e6 -> "116 MB/s". */
export function showBytesPerSecond(bytesPerSecond: number): Shown {
  const shown = showBytes(bytesPerSecond);
  return { text: `${shown.text}/s`, exact: shown.exact };
}

/** Bits per second: 925.9e6 -> "926 Mbit/s". */
export function showBitsPerSecond(bitsPerSecond: number): Shown {
  return showScaled(bitsPerSecond, BIT_RATE_UNITS);
}

/** A share between 0 and 1 as a percentage: 0.1 -> "10%". */
export function showPercent(share: number): Shown {
  const shown = showCount(share * 100);
  return { text: `${shown.text}%`, exact: shown.exact };
}

/** "=" when every shown number is exact, else "≈". */
export function equalsSign(...parts: readonly Shown[]): '=' | '≈' {
  return parts.every((p) => p.exact) ? '=' : '≈';
}
