/**
 * What a problem's reference design has that the learner's lacks. Each
 * reference component is paired with at most one of the learner's: first one
 * of the same kind doing the same job (a capability of the problem, from its
 * responsibilities or its name), then one of the same kind, then one with the
 * same role (a datastore for a datastore) doing the same job. What stays
 * unpaired is missing; a reference connection between two paired components
 * that the learner's pair lacks is a missing connection.
 */
import { getKind } from '../diagram/catalog.ts';
import type { Design, DesignEdge, DesignNode } from '../diagram/schema.ts';
import { capabilitiesOf } from './bindings.ts';
import type { Capability } from './problem.ts';

export interface MissingComponent {
  /** The reference's component. */
  node: DesignNode;
  /** Its neighbours in the reference, by the learner's names where the learner has them. */
  connectedTo: string[];
}

export interface MissingConnection {
  edge: DesignEdge;
  /** The learner's components at its ends. */
  from: DesignNode;
  to: DesignNode;
}

export interface ReferenceComparison {
  /** Reference component id -> the learner's component it was paired with. */
  pairs: ReadonlyMap<string, DesignNode>;
  missingComponents: MissingComponent[];
  missingConnections: MissingConnection[];
  /** Reference components paired with one of another kind (a datastore for a datastore), and with which. */
  substitutes: { reference: DesignNode; yours: DesignNode }[];
}

export function compareWithReference(mine: Design, reference: Design, capabilities: readonly Capability[]): ReferenceComparison {
  const jobs = (node: DesignNode) => new Set(capabilitiesOf(node, capabilities).map((c) => c.capability.id));
  const mineJobs = new Map(mine.nodes.map((n) => [n.id, jobs(n)]));
  const shares = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].some((j) => b.has(j));
  const taken = new Set<string>();
  const pairs = new Map<string, DesignNode>();
  const substitutes: ReferenceComparison['substitutes'] = [];

  const rounds: ((ref: DesignNode, refJobs: ReadonlySet<string>, candidate: DesignNode) => boolean)[] = [
    (ref, refJobs, c) => c.kind === ref.kind && shares(refJobs, mineJobs.get(c.id)!),
    (ref, _refJobs, c) => c.kind === ref.kind,
    (ref, refJobs, c) => getKind(c.kind).role === getKind(ref.kind).role && shares(refJobs, mineJobs.get(c.id)!),
  ];
  // Components whose job the reference states (responsibilities) pair first, before ones whose name only suggests it.
  const order = [...reference.nodes].sort((a, b) => Number(b.responsibilities.length > 0) - Number(a.responsibilities.length > 0));
  for (const round of rounds) {
    for (const ref of order) {
      if (pairs.has(ref.id)) continue;
      const refJobs = jobs(ref);
      const found = mine.nodes.find((c) => !taken.has(c.id) && round(ref, refJobs, c));
      if (!found) continue;
      pairs.set(ref.id, found);
      taken.add(found.id);
      if (found.kind !== ref.kind) substitutes.push({ reference: ref, yours: found });
    }
  }

  const refById = new Map(reference.nodes.map((n) => [n.id, n]));
  const nameOf = (id: string) => pairs.get(id)?.name ?? refById.get(id)?.name ?? id;
  const missingComponents = reference.nodes
    .filter((n) => !pairs.has(n.id))
    .map((node) => ({
      node,
      connectedTo: [...new Set(reference.edges.flatMap((e) => (e.source === node.id ? [e.target] : e.target === node.id ? [e.source] : [])))].map(nameOf),
    }));

  const linked = new Set(mine.edges.map((e) => `${e.source}>${e.target}>${e.family}`));
  const missingConnections: MissingConnection[] = [];
  for (const edge of reference.edges) {
    const from = pairs.get(edge.source);
    const to = pairs.get(edge.target);
    if (!from || !to) continue;
    // Drawn either way round counts: a learner who reads the cache from the other end has the connection.
    if (linked.has(`${from.id}>${to.id}>${edge.family}`) || linked.has(`${to.id}>${from.id}>${edge.family}`)) continue;
    missingConnections.push({ edge, from, to });
  }
  return { pairs, missingComponents, missingConnections, substitutes };
}
