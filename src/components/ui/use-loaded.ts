import { useEffect, useState } from 'react';

export type Loading = { status: 'loading' };
const LOADING: Loading = { status: 'loading' };

/**
 * What `load` gives for `key`, read once per key; `{ status: 'loading' }`
 * until it arrives, and while `key` is null. The answer for an older key is
 * never returned for a newer one, not even on the first render after the key
 * changes (a component keyed by the new id would otherwise mount with the old
 * answer, then mount again). `load` must be stable (a module-level function).
 */
export function useLoaded<T>(key: string | null, load: (key: string) => Promise<T>): T | Loading {
  const [state, setState] = useState<{ key: string; value: T } | null>(null);
  useEffect(() => {
    if (key === null) return;
    let cancelled = false;
    void load(key).then((value) => {
      if (!cancelled) setState({ key, value });
    });
    return () => {
      cancelled = true;
    };
  }, [key, load]);
  return state !== null && state.key === key ? state.value : LOADING;
}
