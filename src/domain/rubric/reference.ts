/** Builds a problem's reference solution, and the designs kept beside a problem, from their compact sketches. */
import { z } from 'zod';
import type { Design } from '../diagram/schema.ts';
import { sketch, type SketchSpec } from '../rules/sketch.ts';
import { ReferenceSketch, type Problem } from './problem.ts';

export function designFromSketch(id: string, title: string, spec: z.infer<typeof ReferenceSketch>): Design {
  return sketch({
    id,
    title,
    nodes: spec.nodes as SketchSpec['nodes'],
    links: spec.links as SketchSpec['links'],
    ...(spec.groups ? { groups: spec.groups } : {}),
  });
}

export function referenceDesign(problem: Problem): Design {
  return designFromSketch(`reference-${problem.id}`, `Reference: ${problem.title}`, problem.reference.design);
}

/**
 * A design kept in a problem's folder (problems/<id>/designs/*.yaml) to prove
 * the grader ranks it right: a sound alternative that must score at least
 * `min`, or a design that tries to fool the grader and must score at most `max`.
 */
export const ProblemTestDesign = z
  .object({
    title: z.string().trim().min(1),
    /** What this design tries, in a sentence: the alternative choice it makes, or the trick it plays. */
    why: z.string().trim().min(1),
    expect: z.object({ min: z.number().int().min(0).max(100).optional(), max: z.number().int().min(0).max(100).optional() }).refine((e) => e.min !== undefined || e.max !== undefined, 'give min or max'),
    design: ReferenceSketch,
  })
  .strict();
export type ProblemTestDesign = z.infer<typeof ProblemTestDesign>;
