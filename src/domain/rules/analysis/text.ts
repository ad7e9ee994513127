/**
 * Small helpers for finding messages. Deterministic on purpose: no locale-
 * dependent formatting, so the same design reads the same everywhere.
 */

/** "Orders", "Orders and Billing", "Orders, Billing and Cart", "A, B, C and 4 others". */
export function listNames(names: readonly string[], max = 4): string {
  const n = names.length;
  if (n === 0) return '';
  if (n === 1) return names[0] ?? '';
  if (n > max) {
    const rest = n - (max - 1);
    return `${names.slice(0, max - 1).join(', ')} and ${rest} others`;
  }
  return `${names.slice(0, -1).join(', ')} and ${names[n - 1] ?? ''}`;
}

/** 12000 -> "12,000". */
export function formatNumber(value: number): string {
  const sign = value < 0 ? '-' : '';
  const magnitude = Math.abs(value);
  if (Number.isInteger(magnitude) && magnitude < 1e21) {
    // Plain digits (no fraction, no exponent): group them without a regex.
    const digits = String(magnitude);
    if (digits.length <= 3) return sign + digits;
    let grouped = digits.slice(0, ((digits.length - 1) % 3) + 1);
    for (let i = grouped.length; i < digits.length; i += 3) grouped += `,${digits.slice(i, i + 3)}`;
    return sign + grouped;
  }
  const [whole = '0', fraction] = String(magnitude).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${sign}${grouped}.${fraction}` : `${sign}${grouped}`;
}

/** 2000 -> "2,000 ms". */
export function formatMs(ms: number): string {
  return `${formatNumber(ms)} ms`;
}

/** plural(1, 'call') -> "1 call"; plural(3, 'call') -> "3 calls". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatNumber(count)} ${count === 1 ? singular : pluralForm}`;
}

/** "A → B → C". */
export function arrowPath(names: readonly string[]): string {
  return names.join(' → ');
}

/** "A, B and C"; past `max` names, the first `max - 1` and "and N more": "A, B, C and 4,210 more". */
export function listSome(names: readonly string[], max: number): string {
  if (names.length <= max) return listNames(names, Infinity);
  return `${names.slice(0, max - 1).join(', ')} and ${formatNumber(names.length - (max - 1))} more`;
}

/**
 * "A → B → C"; a path of more than `max` steps keeps its first and last
 * steps around the count of those left out: "A → B → C → … 40 more … → Y → Z".
 */
export function arrowPathSome(names: readonly string[], max: number): string {
  if (names.length <= max) return arrowPath(names);
  const head = Math.ceil(max / 2);
  const tail = max - head;
  return `${arrowPath(names.slice(0, head))} → … ${formatNumber(names.length - max)} more … → ${arrowPath(names.slice(names.length - tail))}`;
}
