/**
 * A question the interviewer can ask, before it is asked: scripted questions
 * and follow-ups from the diagram share this shape.
 */
import type { LinkTarget, QuestionSource } from './session-schema.ts';

export interface InterviewQuestion {
  /** Stable across re-generation: `script:<phase>:<n>`, `missing:<criterionId>`, `finding:<findingId>`, `failure:<nodeId>`. */
  id: string;
  source: QuestionSource;
  /** Always ends with '?'. */
  text: string;
  link: LinkTarget;
}

/**
 * Make sure a text reads as a question. A text ending in '?' is kept; an
 * instruction such as "X crashes. Walk through what happens." becomes
 * "X crashes. Can you walk through what happens?".
 */
export function asQuestion(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (trimmed.endsWith('?')) return trimmed;
  const body = trimmed.replace(/[.!:;,\s]+$/, '');
  if (body === '') return 'Can you tell me more?';
  const cut = Math.max(body.lastIndexOf('. '), body.lastIndexOf('! '), body.lastIndexOf('? '));
  const before = cut === -1 ? '' : body.slice(0, cut + 2);
  const last = cut === -1 ? body : body.slice(cut + 2);
  // Lower-case the first letter unless the first word looks like a name or acronym ("API", "I").
  const firstWord = last.split(' ')[0] ?? '';
  const keepCase = firstWord.length === 1 || firstWord.slice(1) !== firstWord.slice(1).toLowerCase();
  const lowered = keepCase ? last : last.charAt(0).toLowerCase() + last.slice(1);
  return `${before}Can you ${lowered}?`;
}
