/**
 * Attempts and best scores per problem, kept in this browser. A later
 * library of designs can take these over behind the same functions.
 */
import { z } from 'zod';

const KEY = 'skyline:problem-progress';

const Progress = z.record(
  z.string(),
  z.object({
    best: z.number().min(0).max(100),
    attempts: z.array(z.object({ at: z.string(), score: z.number().min(0).max(100) })).max(200),
  }),
);
export type Progress = z.infer<typeof Progress>;

export function readProgress(): Progress {
  try {
    const parsed = Progress.safeParse(JSON.parse(localStorage.getItem(KEY) ?? '{}'));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

function write(progress: Progress): boolean {
  try {
    localStorage.setItem(KEY, JSON.stringify(progress));
    return true;
  } catch {
    return false;
  }
}

/** Raise the best score when the live score beats it. */
export function noteScore(problemId: string, score: number): void {
  const progress = readProgress();
  const current = progress[problemId] ?? { best: 0, attempts: [] };
  if (score > current.best) write({ ...progress, [problemId]: { ...current, best: score } });
}

/** Record a finished attempt. */
export function recordAttempt(problemId: string, score: number): boolean {
  const progress = readProgress();
  const current = progress[problemId] ?? { best: 0, attempts: [] };
  return write({
    ...progress,
    [problemId]: { best: Math.max(current.best, score), attempts: [...current.attempts, { at: new Date().toISOString(), score }].slice(-200) },
  });
}
