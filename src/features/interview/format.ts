/** "12:05" from milliseconds; "-1:30" when negative. Hours roll into minutes (75:00). */
export function clock(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const total = Math.floor(Math.abs(ms) / 1000);
  return `${sign}${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** "2 min 10 s" for screen readers and tables. */
export function spoken(ms: number): string {
  const total = Math.round(Math.abs(ms) / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return [minutes ? `${minutes} min` : '', seconds || !minutes ? `${seconds} s` : ''].filter(Boolean).join(' ');
}
