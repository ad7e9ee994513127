/**
 * A deterministic generated design shaped like a real company's architecture,
 * for benchmarks and the engine's linearity guard: clients behind a load
 * balancer and several API gateways, each gateway routing to many entry
 * services; services in tiers that call deeper tiers (call chains about ten
 * services deep), across teams; a few calls back up a tier (small cycles) and
 * a tangled core of services that all call one another (one large cycle);
 * a database and sometimes a cache per service, legacy databases shared by
 * many services, an event stream per team with publishers, consumers and
 * dead letters, third parties with webhooks back in, retries on a quarter of
 * the calls, and request flows drawn for some of the routes.
 */
import type { KindId } from '../domain/diagram/catalog.ts';
import { allowedFamilies } from '../domain/diagram/connections.ts';
import { createDesign, createEdge, createNode } from '../domain/diagram/factory.ts';
import type { Design, DesignEdge, DesignNode, Flow, FlowStep } from '../domain/diagram/schema.ts';

/** mulberry32: a small seeded generator, so every run gives the same design. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Tiers of services: gateways route to tier 0, tier t calls tiers t + 1 and t + 2. */
const TIERS = 10;
/** Services per team. */
const TEAM_SERVICES = 16;
const MAX_FLOWS = 200;
const MAX_FLOW_STEPS = 40;

interface Service {
  node: DesignNode;
  team: number;
  tier: number;
  store: DesignNode | undefined;
  cache: DesignNode | undefined;
}

export function generateCompanyDesign(componentCount: number, seed = 7): Design {
  const rand = random(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const nodes: DesignNode[] = [];
  const add = (kind: KindId, name: string, owner = ''): DesignNode | undefined => {
    if (nodes.length >= componentCount) return undefined;
    const i = nodes.length;
    const node: DesignNode = {
      ...createNode(kind, `c${i}`, { x: (i % 50) * 240, y: Math.floor(i / 50) * 150 }, name),
      instances: rand() < 0.9 ? 3 : 1,
      owner,
    };
    nodes.push(node);
    return node;
  };

  // The shared front: clients, a load balancer, gateways, third parties, platform.
  const gatewayCount = Math.max(1, Math.round(componentCount / 600));
  const web = add('web-client', 'Web app');
  const mobile = add('mobile-client', 'Mobile app');
  const balancer = add('load-balancer', 'Load balancer', 'platform');
  const gateways: DesignNode[] = [];
  for (let g = 0; g < gatewayCount; g++) {
    const gateway = add('api-gateway', `API gateway ${g + 1}`, 'platform');
    if (gateway) gateways.push(gateway);
  }
  const payments = add('third-party-api', 'Payment provider');
  const email = add('third-party-api', 'Email provider');
  const tracing = add('tracing-collector', 'Tracing', 'platform');

  // Teams, until the design is full.
  const services: Service[] = [];
  const byTier: Service[][] = Array.from({ length: TIERS }, () => []);
  const teamStreams: DesignNode[] = [];
  const teamDlqs: DesignNode[] = [];
  const legacy: DesignNode[] = [];
  const workers: { node: DesignNode; team: number }[] = [];
  for (let team = 0; nodes.length < componentCount; team++) {
    const owner = `team-${team}`;
    if (team % 5 === 0) {
      const shared = add('relational-database', `Legacy DB ${team / 5 + 1}`);
      if (shared) legacy.push(shared);
    }
    const stream = add('event-stream', `Team ${team} events`, owner);
    if (stream) teamStreams[team] = stream;
    const dlq = add('dead-letter-queue', `Team ${team} dead letters`, owner);
    for (let j = 0; j < TEAM_SERVICES && nodes.length < componentCount; j++) {
      // Tiers spread evenly over each team, so every team has entry services and deep ones.
      const tier = Math.min(TIERS - 1, Math.floor((j * TIERS) / TEAM_SERVICES));
      const node = add(j === 3 ? 'worker' : 'service', j === 3 ? `Team ${team} worker` : `Team ${team} service ${j}`, owner)!;
      const store = rand() < 0.8 ? add(rand() < 0.6 ? 'relational-database' : 'document-store', `${node.name} DB`, owner) : undefined;
      const cache = rand() < 0.3 ? add('cache', `${node.name} cache`, owner) : undefined;
      if (j === 3) workers.push({ node, team });
      else {
        const service: Service = { node, team, tier, store, cache };
        services.push(service);
        byTier[tier]!.push(service);
      }
    }
    if (stream && dlq) teamDlqs[team] = dlq;
  }

  const edges: DesignEdge[] = [];
  const pairs = new Set<string>();
  const edgeLimit = componentCount * 3;
  const link = (source: DesignNode | undefined, target: DesignNode | undefined, patch: Partial<DesignEdge> = {}): DesignEdge | undefined => {
    if (!source || !target || source.id === target.id || edges.length >= edgeLimit) return undefined;
    const key = `${source.id}>${target.id}`;
    const families = allowedFamilies(source.kind, target.kind);
    const family = (patch.family && families.includes(patch.family) ? patch.family : families[0]) ?? null;
    if (!family || pairs.has(key)) return undefined;
    pairs.add(key);
    const edge = { ...createEdge(family, `k${edges.length}`, source, target), ...patch, family } as DesignEdge;
    edges.push(edge);
    return edge;
  };
  const timeoutFor = (tier: number) => {
    const r = rand();
    if (r < 0.02) return null;
    if (r < 0.06) return 5000; // a slip: longer than its caller's
    return Math.max(100, 2500 - tier * 220);
  };
  const call = (from: DesignNode | undefined, to: DesignNode | undefined, tier: number) => {
    const retried = rand() < 0.25;
    return link(from, to, {
      family: 'sync',
      timeoutMs: timeoutFor(tier),
      retry: retried ? { maxAttempts: rand() < 0.7 ? 2 : 3, backoff: 'exponential', jitter: rand() < 0.9 } : { maxAttempts: 1, backoff: 'none', jitter: false },
      idempotent: rand() < 0.6,
      circuitBreaker: rand() < 0.5,
    } as Partial<DesignEdge>);
  };

  // Front: clients through the balancer to the gateways, gateways to tier-0 services.
  link(web, balancer, { timeoutMs: 10_000 } as Partial<DesignEdge>);
  link(mobile, balancer, { timeoutMs: 10_000 } as Partial<DesignEdge>);
  for (const gateway of gateways) link(balancer, gateway, { timeoutMs: 5000 } as Partial<DesignEdge>);
  byTier[0]!.forEach((service, i) => link(gateways[i % gateways.length], service.node, { timeoutMs: 3000 } as Partial<DesignEdge>));
  // Some deeper services are also routed directly (a gateway route to a tier-2 service).
  for (const service of byTier[2]!) if (rand() < 0.3) link(pick(gateways), service.node, { timeoutMs: 2000 } as Partial<DesignEdge>);

  // Calls down the tiers: mostly within the team, sometimes across teams.
  for (const service of services) {
    const calls = 1 + Math.floor(rand() * 3);
    for (let c = 0; c < calls; c++) {
      const tier = Math.min(TIERS - 1, service.tier + 1 + (rand() < 0.3 ? 1 : 0));
      if (tier === service.tier) continue;
      const candidates = byTier[tier]!;
      const sameTeam = candidates.filter((s) => s.team === service.team);
      const target = rand() < 0.7 && sameTeam.length > 0 ? pick(sameTeam) : pick(candidates);
      call(service.node, target?.node, service.tier);
    }
    // A few calls back up a tier, within the team: small cycles.
    const above = byTier[service.tier - 1]?.filter((s) => s.team === service.team) ?? [];
    if (service.tier > 1 && above.length > 0 && rand() < 0.05) call(service.node, pick(above).node, service.tier);
  }
  // The tangled core: one tier-4 service in ten calls three others of the core.
  const core = byTier[4]!.filter((_, i) => i % 10 === 0);
  for (const service of core) for (let c = 0; c < 3; c++) call(service.node, pick(core).node, 4);

  // Data: each service its own store, a cache for some, legacy databases shared by many.
  for (const service of services) {
    link(service.node, service.store, { access: rand() < 0.2 ? 'read' : 'read-write' } as Partial<DesignEdge>);
    link(service.node, service.cache, { access: 'read-write' } as Partial<DesignEdge>);
    if (legacy.length > 0 && rand() < 0.12) link(service.node, legacy[Math.floor(service.team / 5) % legacy.length], { access: rand() < 0.5 ? 'read' : 'read-write' } as Partial<DesignEdge>);
  }

  // Events: a third of the services publish to their team's stream; workers consume and write.
  for (const service of services) if (rand() < 0.3) link(service.node, teamStreams[service.team], { family: 'async' } as Partial<DesignEdge>);
  for (const worker of workers) {
    const stream = teamStreams[worker.team];
    link(stream, worker.node, { deadLetterQueue: rand() < 0.7, retry: { maxAttempts: 3, backoff: 'exponential', jitter: true } } as Partial<DesignEdge>);
    link(stream, teamDlqs[worker.team]);
    const deep = byTier[5 + Math.floor(rand() * 3)]!.filter((s) => s.team === worker.team);
    if (deep.length > 0) call(worker.node, pick(deep).node, 5);
    if (rand() < 0.4) call(worker.node, email, 8);
  }

  // Third parties: payments called from deep services, webhooks back into a receiver per gateway.
  for (const service of byTier[6]!) if (rand() < 0.15) call(service.node, payments, 6);
  for (const service of byTier[1]!) if (rand() < 0.05) link(payments, service.node, { timeoutMs: null, label: 'webhooks' } as Partial<DesignEdge>);
  if (tracing) for (const service of services) if (rand() < 0.5) link(service.node, tracing, { family: 'async' } as Partial<DesignEdge>);

  const design: Design = {
    ...createDesign({ id: `company-${componentCount}`, title: `Company ${componentCount}`, now: '2026-01-01T00:00:00.000Z' }),
    nodes,
    edges,
  };
  return { ...design, flows: drawFlows(design, byTier[0]!.map((s) => s.node), rand) };
}

/**
 * Flows for one route in five: from the web client through the balancer and
 * a gateway to an entry service, then depth first along its calls, reads,
 * writes and publishes (not past a broker), up to MAX_FLOW_STEPS steps.
 */
function drawFlows(design: Design, entries: readonly DesignNode[], rand: () => number): Flow[] {
  const outgoing = new Map<string, DesignEdge[]>();
  const incoming = new Map<string, DesignEdge[]>();
  for (const edge of design.edges) {
    (outgoing.get(edge.source) ?? outgoing.set(edge.source, []).get(edge.source)!).push(edge);
    (incoming.get(edge.target) ?? incoming.set(edge.target, []).get(edge.target)!).push(edge);
  }
  const kinds = new Map(design.nodes.map((n) => [n.id, n.kind]));
  const flows: Flow[] = [];
  for (const entry of entries) {
    if (flows.length >= MAX_FLOWS) break;
    if (rand() >= 0.2) continue;
    // The route in: web -> balancer -> gateway -> entry.
    const fromGateway = (incoming.get(entry.id) ?? []).find((e) => kinds.get(e.source) === 'api-gateway');
    const toGateway = fromGateway && (incoming.get(fromGateway.source) ?? []).find((e) => kinds.get(e.source) === 'load-balancer');
    const toBalancer = toGateway && (incoming.get(toGateway.source) ?? []).find((e) => kinds.get(e.source) === 'web-client');
    if (!fromGateway || !toGateway || !toBalancer) continue;
    const steps: FlowStep[] = [toBalancer, toGateway, fromGateway].map((e) => ({ edge: e.id, when: 'always', share: 1, parallel: false }));
    const visited = new Set([toBalancer.source, toGateway.source, fromGateway.source, entry.id]);
    const walk = (at: string) => {
      for (const edge of outgoing.get(at) ?? []) {
        if (steps.length >= MAX_FLOW_STEPS) return;
        if (edge.family === 'async' && kinds.get(edge.target) !== 'event-stream') continue;
        steps.push({ edge: edge.id, when: 'always', share: 1, parallel: false });
        if (edge.family === 'sync' && !visited.has(edge.target)) {
          visited.add(edge.target);
          walk(edge.target);
        }
      }
    };
    walk(entry.id);
    flows.push({ id: `flow-${flows.length + 1}`, name: `Use ${entry.name}`, rateRps: 50 + Math.floor(rand() * 500), steps, notes: '' });
  }
  return flows;
}
