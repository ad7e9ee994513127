/**
 * Queues and topics with messages flowing on one side only: publishers but no
 * consumer, or consumers but no publisher. Shared by the two rules that
 * report them. Dead-letter queues are skipped: the broker itself fills them.
 */
import type { DesignNode } from '../../diagram/schema.ts';
import { ASYNC, BROKER, kindCode, type Facts } from './facts.ts';

const DEAD_LETTER_QUEUE = kindCode('dead-letter-queue');

export interface OneSidedBroker {
  broker: DesignNode;
  /** Distinct names of the components on the side that exists, in edge order. */
  names: string[];
  /** The broker, then each component and edge on that side. */
  elementIds: string[];
}

/** Brokers that have async edges on the `present` side and none on the other. */
export function oneSidedBrokers(facts: Facts, present: 'in' | 'out'): OneSidedBroker[] {
  const has = facts[present][ASYNC];
  const lacks = facts[present === 'in' ? 'out' : 'in'][ASYNC];
  const ends = present === 'in' ? facts.source : facts.target;
  const found: OneSidedBroker[] = [];
  for (const i of facts.byRole[BROKER]!) {
    if (facts.kind[i] === DEAD_LETTER_QUEUE || has.start[i] === has.start[i + 1] || lacks.start[i] !== lacks.start[i + 1]) continue;
    const broker = facts.nodes[i]!;
    const names: string[] = [];
    const elementIds = [broker.id];
    for (let j = has.start[i]!; j < has.start[i + 1]!; j++) {
      const k = has.edge[j]!;
      const other = facts.nodes[ends[k]!]!;
      names.push(other.name);
      elementIds.push(other.id, facts.edges[k]!.id);
    }
    found.push({ broker, names: [...new Set(names)], elementIds });
  }
  return found;
}
