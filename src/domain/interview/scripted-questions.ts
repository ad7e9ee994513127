/**
 * The interviewer's scripted questions per phase: the problem's own script
 * (`Problem.interview`, with `followUps` for the deep dive), or generic
 * questions built from the problem's title and scale when it has none.
 */
import type { Problem } from '../rubric/problem.ts';
import { asQuestion, type InterviewQuestion } from './interview-question.ts';
import type { PhaseId } from './phases.ts';
import type { InterviewSession } from './session-schema.ts';
import { currentPhase } from './session-clock.ts';

/** Generic questions for a problem without an interview script; every one ends with '?'. */
export function genericPhaseQuestions(problem: Problem, phase: PhaseId): string[] {
  const { title, scale } = problem;
  switch (phase) {
    case 'requirements':
      return [
        `Who uses ${title}, and what are the most important things they need to do?`,
        'Which features are in scope for this interview, and which would you leave out?',
        'What matters most for this system: latency, availability, consistency or cost?',
      ];
    case 'estimation':
      return [
        `Starting from the stated scale (${scale.users}), how many requests per second do you expect on average and at peak?`,
        'How much data does the system store per year, and how much over the years you keep it?',
        `The problem gives a read:write ratio of ${scale.readWriteRatio}. What does that change in your design?`,
      ];
    case 'api':
      return [
        'What are the main API calls, with their inputs and outputs?',
        'What are the core entities of the data model, and how is each one keyed?',
        'Which data needs strong consistency, and where is eventual consistency acceptable?',
      ];
    case 'high-level':
      return [
        'Can you walk me through one request, from the client to the data and back?',
        'Which components hold state, and which are stateless?',
      ];
    case 'deep-dive':
      return [
        'Which component would fail first under ten times the load, and why?',
        'What happens when your main datastore is unavailable for ten minutes?',
      ];
    case 'wrap-up':
      return [
        'If you had another hour, what would you improve first?',
        'What are the main trade-offs you made, and what would make you revisit them?',
        'How would you monitor this system in production, and what would page someone?',
      ];
  }
}

function scriptFor(problem: Problem, phase: PhaseId): readonly string[] | undefined {
  if (phase === 'deep-dive') return problem.followUps.length > 0 ? problem.followUps : undefined;
  const script = problem.interview;
  if (!script) return undefined;
  switch (phase) {
    case 'requirements':
      return script.requirements;
    case 'estimation':
      return script.estimation;
    case 'api':
      return script.api;
    case 'high-level':
      return script.highLevel;
    case 'wrap-up':
      return script.wrapUp;
  }
}

/** The scripted questions of one phase, in order, with ids `script:<phase>:<n>`. */
export function scriptedQuestions(problem: Problem, phase: PhaseId): InterviewQuestion[] {
  const texts = scriptFor(problem, phase) ?? genericPhaseQuestions(problem, phase);
  return texts.map((text, n) => ({
    id: `script:${phase}:${n}`,
    source: 'script',
    text: asQuestion(text),
    link: { type: 'phase', phase },
  }));
}

/** The first scripted question of the current phase not yet asked, or null when the phase's script is done. */
export function nextScriptedQuestion(session: InterviewSession, problem: Problem): InterviewQuestion | null {
  const asked = new Set(session.log.map((q) => q.id));
  return scriptedQuestions(problem, currentPhase(session)).find((q) => !asked.has(q.id)) ?? null;
}
