import { useEffect, useState } from 'react';

export type Loading = { status: 'loading' };
const LOADING: Loading = { status: 'loading' };

/**
 * What `load` gives for `key`, read once per key; `{ status: 'loading' }`
 * until it arrives, and while `key` is null. An answer for an older key that
 * arrives late is dropped. `load` must be stable (a module-level function).
 */
export function useLoaded<T>(key: string | null, load: (key: string) => Promise<T>): T | Loading {
  const [state, setState] = useState<T | Loading>(LOADING);
  useEffect(() => {
    if (key === null) return;
    let cancelled = false;
    setState(LOADING);
    void load(key).then((value) => {
      if (!cancelled) setState(value);
    });
    return () => {
      cancelled = true;
    };
  }, [key, load]);
  return state;
}
