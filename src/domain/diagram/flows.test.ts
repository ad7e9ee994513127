import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDesignText } from '../persistence/parse-design.ts';
import { deleteElements } from './edit-operations.ts';
import { proposeFlows, pruneFlows, resolveFlows } from './flows.ts';
import { sketch } from '../rules/sketch.ts';
import { Design, type Design as DesignType } from './schema.ts';

function fixture(): DesignType {
  const text = readFileSync(new URL('../../testing/fixtures/designs/v2-url-shortener-flows.json', import.meta.url), 'utf8');
  const parsed = parseDesignText(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.design;
}

describe('request flows', () => {
  it('resolve to their entry, the components they reach, and what happens after the response', () => {
    const [follow] = resolveFlows(fixture());
    expect(follow!.entry).toBe('web');
    expect(follow!.nodes).toEqual(['web', 'lb', 'redirect', 'cache', 'links', 'clicks', 'counter']);
    // Publishing is part of the request; consuming is not.
    expect(follow!.steps.map((s) => [s.edge.id, s.afterResponse])).toEqual([
      ['e1', false], ['e3', false], ['e5', false], ['e6', false], ['e7', false], ['e8', true],
    ]);
    expect(follow!.steps[3]!.step).toMatchObject({ when: 'on-miss', share: 0.1 });
  });

  it('refuse a step that starts where the flow has not been, naming the flow and the step', () => {
    const design = fixture();
    const broken = { ...design, flows: [{ ...design.flows[1]!, steps: [{ edge: 'e1' }, { edge: 'e4' }] }] };
    const result = Design.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('flow "Create a short link": step 2 starts at shorten, which no earlier step reaches');
  });

  it('refuse a step on a connection that does not exist', () => {
    const design = fixture();
    const result = Design.safeParse({ ...design, flows: [{ ...design.flows[0]!, steps: [{ edge: 'nope' }] }] });
    expect(result.error?.issues[0]?.message).toBe('flow "Follow a short link": step 1 uses connection nope, which does not exist');
  });

  it('lose the steps a deleted connection carried, and the steps that hung from it', () => {
    const design = fixture();
    const after = pruneFlows(deleteElements(design, new Set(['e3'])));
    expect(after.flows.find((f) => f.id === 'follow')!.steps.map((s) => s.edge)).toEqual(['e1']);
    expect(Design.safeParse(after).success).toBe(true);
    // Without its client a flow starts further in; a flow with nothing left goes.
    const noClient = pruneFlows(deleteElements(design, new Set(['web', 'shorten'])));
    expect(noClient.flows.map((f) => [f.id, resolveFlows(noClient).find((r) => r.flow.id === f.id)!.entry])).toEqual([['follow', 'lb']]);
    // An untouched design comes back as it was.
    expect(pruneFlows(design)).toBe(design);
  });

  it('are proposed per route into the system, through gateways to the first component that does work', () => {
    const proposed = proposeFlows({ ...fixture(), flows: [] });
    expect(proposed.map((f) => f.name)).toEqual(['Browser → Shortener', 'Browser → Redirect service']);
    const redirect = proposed[1]!;
    expect(redirect.steps.map((s) => s.edge)).toEqual(['e1', 'e3', 'e5', 'e6', 'e7', 'e9', 'e8', 'e4']);
    // A datastore read after a cache read from the same component runs on a miss.
    expect(redirect.steps.find((s) => s.edge === 'e6')!.when).toBe('on-miss');
    for (const flow of proposed) expect(Design.safeParse({ ...fixture(), flows: [flow] }).success).toBe(true);
  });
});

describe('proposed flows through a rate limiter', () => {
  const limiterDesign = (envoy: boolean) =>
    sketch({
      id: envoy ? 'envoy' : 'inline',
      title: 'Limits',
      nodes: {
        app: ['web-client', 'App'],
        gw: ['api-gateway', 'Gateway'],
        limiter: ['rate-limiter', 'Limiter'],
        counters: ['cache', 'Counters'],
        rules: ['config-service', 'Limit rules'],
        events: ['event-stream', 'Rejections'],
        stats: ['worker', 'Rejection stats'],
        orders: ['service', 'Orders'],
        catalog: ['service', 'Catalog'],
      },
      links: [
        ['app', 'gw'],
        ['gw', 'limiter'],
        ['limiter', 'counters', { access: 'read-write' }],
        ['limiter', 'rules'],
        ['limiter', 'events'],
        ['events', 'stats'],
        ...(envoy
          ? ([['gw', 'orders'], ['gw', 'catalog']] as const)
          : ([['limiter', 'orders'], ['limiter', 'catalog']] as const)),
      ],
    });
  const edgeOf = (d: DesignType, s: string, t: string) => d.edges.find((e) => e.source === s && e.target === t)!.id;

  it('put the limiter and its own work on every route through it', () => {
    const d = limiterDesign(false);
    const proposed = proposeFlows(d);
    expect(proposed.map((f) => f.name)).toEqual(['App → Orders', 'App → Catalog']);
    const own = [edgeOf(d, 'limiter', 'counters'), edgeOf(d, 'limiter', 'rules'), edgeOf(d, 'limiter', 'events'), edgeOf(d, 'events', 'stats')];
    expect(proposed[0]!.steps.map((s) => s.edge)).toEqual([edgeOf(d, 'app', 'gw'), edgeOf(d, 'gw', 'limiter'), ...own, edgeOf(d, 'limiter', 'orders')]);
    for (const flow of proposed) expect(Design.safeParse({ ...d, flows: [flow] }).success).toBe(true);
  });

  it('make a limiter that a gateway asks, and that forwards nowhere, a check before every route through the gateway', () => {
    const d = limiterDesign(true);
    const proposed = proposeFlows(d);
    // The limit service is not a route of its own, and each route asks it before calling on.
    expect(proposed.map((f) => f.name)).toEqual(['App → Orders', 'App → Catalog']);
    const check = [edgeOf(d, 'gw', 'limiter'), edgeOf(d, 'limiter', 'counters'), edgeOf(d, 'limiter', 'rules'), edgeOf(d, 'limiter', 'events'), edgeOf(d, 'events', 'stats')];
    expect(proposed[1]!.steps.map((s) => s.edge)).toEqual([edgeOf(d, 'app', 'gw'), ...check, edgeOf(d, 'gw', 'catalog')]);
    const [flow] = resolveFlows({ ...d, flows: [proposed[1]!] });
    expect(flow!.steps.filter((s) => s.afterResponse).map((s) => s.edge.target)).toEqual(['stats']);
    for (const f of proposed) expect(Design.safeParse({ ...d, flows: [f] }).success).toBe(true);
  });
});
