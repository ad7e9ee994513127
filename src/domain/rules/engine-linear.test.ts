/**
 * The engine's work grows linearly with the design, checked without a clock:
 * every read the engine makes of the design (any property of any node, edge,
 * flow or step) and of the graph index's typed arrays is counted, and so is
 * the size of what it returns (element ids, message text). Going from 1,000
 * to 10,000 components must multiply each by no more than the design grows
 * (components plus connections plus flow steps), with a 25% margin. A rule
 * that walks the graph once per entry, or names a whole cycle in every
 * finding that passes through it, fails here.
 */
import { describe, expect, it } from 'vitest';
import { buildGraphIndex, type GraphIndex } from '../diagram/graph-index.ts';
import type { Design } from '../diagram/schema.ts';
import { generateCompanyDesign } from '../../testing/generate-company.ts';
import { generateDesign } from '../../testing/generate-design.ts';
import { analyzeDesign } from './engine.ts';

interface Work {
  reads: number;
  output: number;
  size: number;
}

/** Wrap a value so that every property read, at any depth, adds one to `counter.reads`. */
function counted<T>(value: T, counter: { reads: number }, cache: WeakMap<object, unknown>): T {
  if (typeof value !== 'object' || value === null) return value;
  const known = cache.get(value);
  if (known) return known as T;
  const proxy = new Proxy(value, {
    get(target, key, receiver) {
      counter.reads++;
      const result: unknown = Reflect.get(target, key, ArrayBuffer.isView(target) ? target : receiver);
      // Typed-array methods must run on the array itself, not on the proxy.
      if (typeof result === 'function') return ArrayBuffer.isView(target) ? result.bind(target) : result;
      return counted(result, counter, cache);
    },
  });
  cache.set(value, proxy);
  return proxy;
}

function work(design: Design): Work {
  const counter = { reads: 0 };
  const cache = new WeakMap<object, unknown>();
  const watched = counted(design, counter, cache);
  const index = buildGraphIndex(design);
  // The index as the engine sees it: its design and every typed array counted.
  const view: GraphIndex = Object.create(index, {
    design: { value: watched },
    nodeKindCode: { value: counted(index.nodeKindCode, counter, cache) },
    edgeSource: { value: counted(index.edgeSource, counter, cache) },
    edgeTarget: { value: counted(index.edgeTarget, counter, cache) },
    edgeFamily: { value: counted(index.edgeFamily, counter, cache) },
    edges: { value: counted(index.edges, counter, cache) },
    out: { value: index.out.map((rows) => counted(rows, counter, cache)) },
    in: { value: index.in.map((rows) => counted(rows, counter, cache)) },
  });
  const findings = analyzeDesign(watched, { index: view });
  let output = 0;
  for (const f of findings) output += f.elementIds.length + f.message.length;
  const steps = design.flows.reduce((sum, flow) => sum + flow.steps.length, 0);
  return { reads: counter.reads, output, size: design.nodes.length + design.edges.length + steps };
}

describe('the engine does linear work', () => {
  for (const [name, generate] of [
    ['company', generateCompanyDesign],
    ['canvas', (n: number) => generateDesign(n)],
  ] as const) {
    it(`on the ${name} generator, from 1,000 to 10,000 components`, () => {
      const small = work(generate(1000));
      const large = work(generate(10_000));
      const growth = large.size / small.size;
      const reads = large.reads / small.reads / growth;
      const output = large.output / small.output / growth;
      expect({ reads: reads <= 1.25, output: output <= 1.25 }, `reads x${reads.toFixed(2)}, output x${output.toFixed(2)} of the design's growth`).toEqual({
        reads: true,
        output: true,
      });
    }, 120_000);
  }
});
