import type { Difficulty } from '../../domain/rubric/problem.ts';

export const DIFFICULTY_META: Record<Difficulty, { label: string; chip: string }> = {
  easy: { label: 'Easy', chip: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200' },
  medium: { label: 'Medium', chip: 'bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200' },
  hard: { label: 'Hard', chip: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200' },
  expert: { label: 'Expert', chip: 'bg-rose-100 text-rose-900 dark:bg-rose-950 dark:text-rose-200' },
};
