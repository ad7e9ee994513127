import { useLoaded, type Loading } from '../../components/ui/use-loaded.ts';
import { loadInterview, type InterviewLoad } from '../../storage/interview-storage.ts';

/** Reads one stored interview once per id. */
export function useInterviewRecord(id: string): InterviewLoad | Loading {
  return useLoaded(id, loadInterview);
}
