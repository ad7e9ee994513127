import { Timer } from 'lucide-react';
import { phaseLabel } from '../../domain/interview/phases.ts';
import { pendingQuestions } from '../../domain/interview/question-log.ts';
import { readSessionClock } from '../../domain/interview/session-clock.ts';
import { clock } from './format.ts';
import { plural } from '../../components/ui/plural.ts';
import { useNow, type Interview } from './use-interview.ts';

/** The interview's clock and what is waiting, always in view; on phones it opens the interviewer. */
export function InterviewStatusBar({ interview, onOpen }: { interview: Interview; onOpen: (() => void) | null }) {
  const now = useNow(!interview.ended);
  const time = readSessionClock(interview.session, now);
  const waiting = pendingQuestions(interview.session).length;
  return (
    <div className="flex h-9 shrink-0 items-center gap-2 border-b border-slate-200 bg-slate-50 px-3 text-sm sm:gap-3 dark:border-slate-800 dark:bg-slate-900/60">
      <Timer aria-hidden className="size-4 shrink-0 text-slate-500" />
      <span className={`font-mono ${time.overTime ? 'font-semibold text-red-700 dark:text-red-300' : ''}`} aria-label={time.overTime ? 'Over time' : 'Time left'}>
        {time.overTime ? `+${clock(-time.remainingMs)}` : clock(time.remainingMs)}
      </span>
      <span className="min-w-0 truncate text-slate-600 dark:text-slate-300">{phaseLabel(time.phase)}</span>
      {/* Phones say "2 waiting", leaving room for the phase: the button beside it names the interviewer. */}
      <span className="ml-auto shrink-0 text-slate-600 sm:hidden dark:text-slate-300">{waiting} waiting</span>
      <span className="ml-auto shrink-0 text-slate-600 max-sm:hidden dark:text-slate-300">{plural(waiting, 'question')} waiting</span>
      {onOpen && (
        <button type="button" onClick={onOpen} className="shrink-0 rounded-md bg-blue-700 px-2 py-0.5 text-xs font-medium text-white">
          Open interviewer
        </button>
      )}
    </div>
  );
}
