import { useEffect, useState } from 'react';
import { loadInterview, type InterviewLoad } from '../../storage/interview-storage.ts';

/** Reads one stored interview once per id. */
export function useInterviewRecord(id: string): InterviewLoad | { status: 'loading' } {
  const [state, setState] = useState<InterviewLoad | { status: 'loading' }>({ status: 'loading' });
  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    void loadInterview(id).then((r) => !cancelled && setState(r));
    return () => {
      cancelled = true;
    };
  }, [id]);
  return state;
}
