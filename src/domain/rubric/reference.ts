/** Builds a problem's reference solution from its compact sketch. */
import { sketch, type SketchSpec } from '../rules/sketch.ts';
import type { Design } from '../diagram/schema.ts';
import type { Problem } from './problem.ts';

export function referenceDesign(problem: Problem): Design {
  const spec = problem.reference.design;
  return sketch({
    id: `reference-${problem.id}`,
    title: `Reference: ${problem.title}`,
    nodes: spec.nodes as SketchSpec['nodes'],
    links: spec.links as SketchSpec['links'],
    ...(spec.groups ? { groups: spec.groups } : {}),
  });
}
