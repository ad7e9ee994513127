/**
 * fast-check arbitraries for valid designs: any kinds, any sensible
 * connections, groups and notes. Used by property tests across the core.
 */
import fc from 'fast-check';
import { KIND_IDS, type KindId } from '../domain/diagram/catalog.ts';
import { allowedFamilies } from '../domain/diagram/connections.ts';
import { createEdge, createNode } from '../domain/diagram/factory.ts';
import { DESIGN_FORMAT, SCHEMA_VERSION, type Design, type DesignEdge } from '../domain/diagram/schema.ts';

const coordinate = fc.integer({ min: -5000, max: 5000 });
const text = fc.string({ maxLength: 30 });
const name = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0).map((s) => s.trim());

export const arbitraryDesign = (options: { maxNodes?: number } = {}) =>
  fc
    .record({
      kinds: fc.array(fc.constantFrom(...KIND_IDS), { minLength: 0, maxLength: options.maxNodes ?? 25 }),
      names: fc.array(name, { minLength: 25, maxLength: 25 }),
      positions: fc.array(fc.record({ x: coordinate, y: coordinate }), { minLength: 25, maxLength: 25 }),
      pairs: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { maxLength: 60 }),
      edgeProps: fc.array(
        fc.record({
          timeoutMs: fc.option(fc.integer({ min: 1, max: 600_000 }), { nil: null }),
          maxAttempts: fc.integer({ min: 1, max: 10 }),
          backoff: fc.constantFrom('none', 'fixed', 'exponential'),
          jitter: fc.boolean(),
          flag: fc.boolean(),
          label: text,
        }),
        { minLength: 60, maxLength: 60 },
      ),
      groupCount: fc.integer({ min: 0, max: 3 }),
      groupOf: fc.array(fc.integer({ min: -1, max: 2 }), { minLength: 25, maxLength: 25 }),
      instances: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 25, maxLength: 25 }),
      notes: fc.array(fc.record({ text, x: coordinate, y: coordinate }), { maxLength: 3 }),
      title: name,
    })
    .map((r): Design => {
      const groups = Array.from({ length: r.groupCount }, (_, i) => ({
        id: `g${i}`,
        name: `Group ${i}`,
        type: 'bounded-context' as const,
        position: { x: i * 600, y: 0 },
        size: { width: 500, height: 400 },
        notes: '',
      }));
      const nodes = r.kinds.map((kind: KindId, i) => {
        const node = createNode(kind, `n${i}`, r.positions[i % 25]!, r.names[i % 25]!);
        const group = r.groupOf[i % 25]!;
        return {
          ...node,
          instances: r.instances[i % 25]!,
          ...(group >= 0 && group < groups.length ? { groupId: `g${group}` } : {}),
        };
      });
      const edges: DesignEdge[] = [];
      if (nodes.length > 1) {
        r.pairs.forEach(([a, b, f], i) => {
          const source = nodes[a % nodes.length]!;
          const target = nodes[b % nodes.length]!;
          if (source.id === target.id) return;
          const families = allowedFamilies(source.kind, target.kind);
          const family = families[f % Math.max(1, families.length)];
          if (!family) return;
          const edge = createEdge(family, `e${i}`, source, target);
          const p = r.edgeProps[i % 60]!;
          if (edge.family === 'sync') {
            edges.push({
              ...edge,
              label: p.label,
              timeoutMs: p.timeoutMs,
              retry: { maxAttempts: p.maxAttempts, backoff: p.backoff, jitter: p.jitter },
              circuitBreaker: p.flag,
              idempotent: !p.flag,
            });
          } else if (edge.family === 'async') {
            edges.push({ ...edge, deadLetterQueue: p.flag });
          } else {
            edges.push(edge);
          }
        });
      }
      return {
        format: DESIGN_FORMAT,
        version: SCHEMA_VERSION,
        id: 'd1',
        title: r.title,
        problemId: null,
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-02T00:00:00.000Z',
        nodes,
        edges,
        groups,
        notes: r.notes.map((n, i) => ({ id: `t${i}`, text: n.text, position: { x: n.x, y: n.y } })),
        flows: [],
      };
    });

/**
 * Valid designs with request flows: each flow starts on a random connection
 * and keeps taking connections that leave a component it has reached.
 */
export const arbitraryDesignWithFlows = (options: { maxNodes?: number } = {}) =>
  fc
    .tuple(
      arbitraryDesign(options),
      fc.array(
        fc.record({
          name,
          picks: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
          rateRps: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: undefined }),
          share: fc.constantFrom(1, 0.5, 0.25),
          onMiss: fc.boolean(),
          parallel: fc.boolean(),
        }),
        { maxLength: 4 },
      ),
    )
    .map(([design, specs]): Design => {
      if (design.edges.length === 0) return design;
      const flows = specs.map((spec, f) => {
        const reached = new Set<string>();
        const steps = spec.picks.flatMap((pick, s) => {
          const candidates = s === 0 ? design.edges : design.edges.filter((e) => reached.has(e.source));
          const edge = candidates[pick % Math.max(1, candidates.length)];
          if (!edge) return [];
          reached.add(edge.source).add(edge.target);
          const last = s === spec.picks.length - 1;
          return [{ edge: edge.id, when: last && spec.onMiss ? ('on-miss' as const) : ('always' as const), share: last ? spec.share : 1, parallel: s > 0 && last && spec.parallel }];
        });
        return { id: `f${f}`, name: spec.name, steps, notes: '', ...(spec.rateRps === undefined ? {} : { rateRps: spec.rateRps }) };
      });
      return { ...design, flows };
    });
