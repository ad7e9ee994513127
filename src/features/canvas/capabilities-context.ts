import { createContext } from 'react';
import type { Problem } from '../../domain/rubric/problem.ts';

/** The problem the design answers, if any: the inspector shows who plays which of its parts. */
export const ProblemContext = createContext<Problem | null>(null);
