/**
 * Who plays which part of a problem: the binding of the problem's
 * capabilities ("Redirects", "Link storage") to the learner's components.
 *
 * A binding only says *who*; whether a criterion is met is always decided by
 * the design's structure and flows. The grader binds:
 * - what the learner confirmed: a component's responsibilities (when a
 *   component has any, only they count for it);
 * - else what its name or kind suggests: the capability's id, label or
 *   synonyms in its name (plurals handled), or a kind the capability lists
 *   (a WebSocket server holds connections whatever it is called).
 *
 * A binding counts only when it can be true:
 * - the component's role is one the reference gives that capability (link
 *   storage is a datastore, not a service called "Link store");
 * - the component is wired into the system: a request from a client, or work
 *   a component starts on its own, reaches it;
 * - the component is not a *god component*: one that takes three or more
 *   capabilities the reference gives to three different components. Its
 *   bindings are all dropped, so it earns nothing a split design earns.
 */
import { getKind, type Role } from '../diagram/catalog.ts';
import type { Design, DesignNode } from '../diagram/schema.ts';
import type { Capability, Problem } from './problem.ts';
import { referenceDesign } from './reference.ts';
import { phraseKey, wordsOf } from './words.ts';

export type BindingSource = 'responsibility' | 'name' | 'kind';

export interface Binding {
  nodeId: string;
  source: BindingSource;
}

/** Why a suggested or confirmed binding does not count. */
export type BindingIssue = 'wrong-role' | 'unwired' | 'god';

export interface NodeBinding {
  capability: Capability;
  source: BindingSource;
  /** Null when the binding counts. */
  issue: BindingIssue | null;
}

export interface Bindings {
  /** The components each capability is bound to, counting only bindings that can be true. */
  readonly byCapability: ReadonlyMap<string, readonly Binding[]>;
  /** Every binding of every component, with why it does not count where it does not. */
  readonly byNode: ReadonlyMap<string, readonly NodeBinding[]>;
  /** God components and the capabilities they took. */
  readonly gods: ReadonlyMap<string, readonly string[]>;
  /** Components reached by requests or by work started inside the system. */
  readonly wired: ReadonlySet<string>;
}

/** What the reference says of each capability: the roles of the components doing it, and which capabilities it puts together. */
export interface CapabilityProfile {
  roles: ReadonlyMap<string, ReadonlySet<Role>>;
  kinds: ReadonlyMap<string, ReadonlySet<string>>;
  /** "a|b" for every pair of capabilities one reference component does together. */
  together: ReadonlySet<string>;
}

const profiles = new WeakMap<Problem, CapabilityProfile>();

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

export function capabilityProfile(problem: Problem): CapabilityProfile {
  const known = profiles.get(problem);
  if (known) return known;
  const roles = new Map<string, Set<Role>>();
  const kinds = new Map<string, Set<string>>();
  const together = new Set<string>();
  let reference: Design | null = null;
  try {
    reference = referenceDesign(problem);
  } catch {
    reference = null;
  }
  const ids = new Set(problem.capabilities.map((c) => c.id));
  for (const node of reference?.nodes ?? []) {
    const caps = node.responsibilities.filter((r) => ids.has(r));
    for (const c of caps) {
      const set = roles.get(c) ?? new Set<Role>();
      set.add(getKind(node.kind).role);
      roles.set(c, set);
      const k = kinds.get(c) ?? new Set<string>();
      k.add(node.kind);
      kinds.set(c, k);
    }
    for (let i = 0; i < caps.length; i++) for (let j = i + 1; j < caps.length; j++) together.add(pairKey(caps[i]!, caps[j]!));
  }
  const profile = { roles, kinds, together };
  profiles.set(problem, profile);
  return profile;
}

/** Kinds that only ever copy or park what another component owns: they play a part only where the reference gives it to one of them. */
const STAND_INS = new Set(['cache', 'read-replica', 'dead-letter-queue']);

function roleFits(profile: CapabilityProfile, capability: string, kind: string, role: Role): boolean {
  const roles = profile.roles.get(capability);
  if (!roles || roles.size === 0) return true;
  if (!roles.has(role)) return false;
  return !STAND_INS.has(kind) || (profile.kinds.get(capability)?.has(kind) ?? false);
}

/** The compared forms under which a capability is recognised in a name. */
function formsOf(capability: Capability): Set<string> {
  const out = new Set<string>();
  for (const phrase of [capability.id, capability.label, ...capability.synonyms]) {
    const key = phraseKey(phrase);
    if (key) out.add(key);
  }
  return out;
}

/** Words that say nothing of what a component does. */
const NOISE = new Set(['service', 'svc', 'srv', 'api', 'app', 'server', 'the', 'a', 'of', 'and', 'ms', 'system', 'component']);

function nameSuggests(node: DesignNode, forms: ReadonlySet<string>): boolean {
  const ws = wordsOf(node.name);
  const meaningful = ws.filter((w) => !NOISE.has(w));
  const candidates = new Set<string>([ws.join(' '), meaningful.join(' '), ...meaningful]);
  for (let i = 0; i + 1 < meaningful.length; i++) candidates.add(`${meaningful[i]} ${meaningful[i + 1]}`);
  for (let i = 0; i + 2 < meaningful.length; i++) candidates.add(`${meaningful[i]} ${meaningful[i + 1]} ${meaningful[i + 2]}`);
  for (const c of candidates) if (c && forms.has(c)) return true;
  return false;
}

/** How a component is suggested for or confirmed in a capability, before asking whether that can be true. */
export function bindingSource(node: DesignNode, capability: Capability, forms: ReadonlySet<string> = formsOf(capability)): BindingSource | null {
  if (node.responsibilities.length > 0) {
    return node.responsibilities.some((r) => forms.has(phraseKey(r))) ? 'responsibility' : null;
  }
  if (capability.kinds.includes(node.kind)) return 'kind';
  return nameSuggests(node, forms) ? 'name' : null;
}

/**
 * Components a request reaches: everything reachable from a client or a
 * third party calling in, or from a component that starts work on its own,
 * along any connection except a datastore replicating to another. A
 * component starts work on its own when it is a scheduler, when the problem
 * says it starts an operation (a crawler), or when nothing outside it and
 * the loop it sits in sends it anything (a producer, or a crawler fed by the
 * links it finds).
 */
export function wiredComponents(design: Design, starters: ReadonlySet<string> = new Set()): Set<string> {
  const outgoing = new Map<string, string[]>();
  const incoming = new Map<string, string[]>();
  for (const e of design.edges) {
    if (e.family === 'data' && e.access === 'replicate') continue;
    if (e.source === e.target) continue;
    (outgoing.get(e.source) ?? outgoing.set(e.source, []).get(e.source)!).push(e.target);
    (incoming.get(e.target) ?? incoming.set(e.target, []).get(e.target)!).push(e.source);
  }
  const component = loops(design.nodes.map((n) => n.id), outgoing, incoming);
  const fedFromOutside = new Set<number>();
  for (const [target, sources] of incoming) for (const s of sources) if (component.get(s) !== component.get(target)) fedFromOutside.add(component.get(target)!);
  const starts = design.nodes.filter((n) => {
    if ((outgoing.get(n.id)?.length ?? 0) === 0) return false;
    const role = getKind(n.kind).role;
    if (role === 'client' || role === 'external' || n.kind === 'scheduler' || starters.has(n.id)) return true;
    return role === 'compute' && !fedFromOutside.has(component.get(n.id)!);
  });
  const seen = new Set<string>();
  const stack: string[] = [];
  for (const s of starts) {
    seen.add(s.id);
    stack.push(s.id);
  }
  while (stack.length > 0) {
    const id = stack.pop()!;
    for (const t of outgoing.get(id) ?? []) {
      if (seen.has(t)) continue;
      seen.add(t);
      stack.push(t);
    }
  }
  return seen;
}

/** Strongly connected components (Kosaraju, iterative): node id -> component number. */
function loops(ids: readonly string[], outgoing: ReadonlyMap<string, string[]>, incoming: ReadonlyMap<string, string[]>): Map<string, number> {
  const order: string[] = [];
  const visited = new Set<string>();
  for (const root of ids) {
    if (visited.has(root)) continue;
    visited.add(root);
    const stack: [string, number][] = [[root, 0]];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const next = outgoing.get(top[0])?.[top[1]];
      if (next === undefined) {
        order.push(top[0]);
        stack.pop();
      } else {
        top[1]++;
        if (!visited.has(next)) {
          visited.add(next);
          stack.push([next, 0]);
        }
      }
    }
  }
  const component = new Map<string, number>();
  let count = 0;
  for (let i = order.length - 1; i >= 0; i--) {
    const root = order[i]!;
    if (component.has(root)) continue;
    const stack = [root];
    component.set(root, count);
    while (stack.length > 0) {
      const id = stack.pop()!;
      for (const s of incoming.get(id) ?? []) {
        if (component.has(s)) continue;
        component.set(s, count);
        stack.push(s);
      }
    }
    count++;
  }
  return component;
}

/** Three or more capabilities, no two of which the reference ever puts on one component. */
function spreadOver(caps: readonly string[], together: ReadonlySet<string>): number {
  // Greedy: count capabilities that share a component with none counted before.
  const counted: string[] = [];
  for (const c of caps) if (counted.every((d) => !together.has(pairKey(c, d)))) counted.push(c);
  return counted.length;
}

export const GOD_SPREAD = 3;

export function bindCapabilities(design: Design, problem: Problem): Bindings {
  const profile = capabilityProfile(problem);
  const forms = new Map(problem.capabilities.map((c) => [c.id, formsOf(c)]));

  // Raw bindings: confirmed or suggested, by component.
  const raw = new Map<string, { capability: Capability; source: BindingSource }[]>();
  const confirmed = new Set<string>();
  for (const node of design.nodes) {
    const list: { capability: Capability; source: BindingSource }[] = [];
    for (const capability of problem.capabilities) {
      const source = bindingSource(node, capability, forms.get(capability.id)!);
      if (!source) continue;
      list.push({ capability, source });
      if (source === 'responsibility') confirmed.add(capability.id);
    }
    if (list.length > 0) raw.set(node.id, list);
  }

  // Components the problem says start work on their own (the `from` of an operation).
  const startCapabilities = new Set(problem.operations.flatMap((o) => (o.from ? [o.from] : [])));
  const starters = new Set<string>();
  for (const [nodeId, list] of raw) if (list.some((b) => startCapabilities.has(b.capability.id))) starters.add(nodeId);
  const wired = wiredComponents(design, starters);

  // A capability the learner confirmed somewhere is bound only where confirmed.
  const byNode = new Map<string, NodeBinding[]>();
  const roleOk = new Map<string, { capability: Capability; source: BindingSource }[]>();
  for (const node of design.nodes) {
    const list = (raw.get(node.id) ?? []).filter((b) => b.source === 'responsibility' || !confirmed.has(b.capability.id));
    if (list.length === 0) continue;
    const role = getKind(node.kind).role;
    const entries: NodeBinding[] = [];
    const ok: { capability: Capability; source: BindingSource }[] = [];
    for (const b of list) {
      const issue: BindingIssue | null = !roleFits(profile, b.capability.id, node.kind, role) ? 'wrong-role' : !wired.has(node.id) ? 'unwired' : null;
      entries.push({ ...b, issue });
      if (issue === null) ok.push(b);
    }
    byNode.set(node.id, entries);
    roleOk.set(node.id, ok);
  }

  const gods = new Map<string, string[]>();
  for (const [nodeId, list] of roleOk) {
    const caps = list.map((b) => b.capability.id);
    if (caps.length >= GOD_SPREAD && spreadOver(caps, profile.together) >= GOD_SPREAD) gods.set(nodeId, caps);
  }

  const byCapability = new Map<string, Binding[]>(problem.capabilities.map((c) => [c.id, []]));
  for (const [nodeId, list] of roleOk) {
    if (gods.has(nodeId)) {
      for (const entry of byNode.get(nodeId)!) if (entry.issue === null) entry.issue = 'god';
      continue;
    }
    for (const b of list) byCapability.get(b.capability.id)!.push({ nodeId, source: b.source });
  }
  return { byCapability, byNode, gods, wired };
}

/** Words for a binding issue, for the learner. */
export function describeBindingIssue(issue: BindingIssue, node: DesignNode, capability: Capability, problem: Problem): string {
  switch (issue) {
    case 'wrong-role': {
      const roles = [...(capabilityProfile(problem).roles.get(capability.id) ?? [])];
      return `${node.name} is a ${getKind(node.kind).label.toLowerCase()}, but “${capability.label}” is done by ${roles.map(roleWords).join(' or ')}.`;
    }
    case 'unwired':
      return `${node.name} is not connected to anything a request reaches yet.`;
    case 'god':
      return `${node.name} does too many unrelated things at once (a god component): split them to earn these points.`;
  }
}

const ROLE_WORDS: Readonly<Record<Role, string>> = {
  client: 'a client',
  external: 'a third-party service',
  edge: 'an edge component (gateway, load balancer, proxy)',
  compute: 'a component that does work (service, worker, function)',
  datastore: 'a datastore',
  broker: 'a queue or topic',
  platform: 'a platform component',
};

function roleWords(role: Role): string {
  return ROLE_WORDS[role];
}

/** The capabilities one component is confirmed in or suggested for, by itself (no wiring or role checks): for pairing with a reference. */
export function capabilitiesOf(node: DesignNode, capabilities: readonly Capability[]): { capability: Capability; source: BindingSource }[] {
  const out: { capability: Capability; source: BindingSource }[] = [];
  for (const capability of capabilities) {
    const source = bindingSource(node, capability);
    if (source) out.push({ capability, source });
  }
  return out;
}
