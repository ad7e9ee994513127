/**
 * Which of the learner's boxes provide which of a problem's capabilities.
 * A component's responsibilities are the learner's word: when it has any,
 * only they count. When it has none, its name is matched against each
 * capability's id and synonyms ("Orders", "order-svc" -> orders), except
 * for edge components and clients, which are often named after what they front.
 */
import { getKind } from '../diagram/catalog.ts';
import type { Design, DesignNode } from '../diagram/schema.ts';
import type { Capability } from './problem.ts';

export type MatchSource = 'responsibility' | 'name';

export interface CapabilityMatch {
  nodeId: string;
  source: MatchSource;
}

const NOISE = new Set(['service', 'services', 'svc', 'srv', 'api', 'app', 'server', 'the', 'a', 'of', 'and', 'ms']);

/** Lower case, singular-ish: "Orders" -> "order", "payments" -> "payment". */
export function normalizeWord(word: string): string {
  const w = word.toLowerCase();
  if (w.length > 3 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The normalized forms under which a capability is recognised. */
function forms(capability: Capability): Set<string> {
  const out = new Set<string>();
  for (const phrase of [capability.id, capability.label, ...capability.synonyms]) {
    const ws = words(phrase).map(normalizeWord);
    if (ws.length > 0) out.add(ws.join(' '));
  }
  return out;
}

/** Load balancers, gateways and clients are often named after what they front; their names say nothing of what they do. */
const NAME_BLIND_ROLES = new Set(['edge', 'client']);

function nameMatches(node: DesignNode, capabilityForms: Set<string>): boolean {
  if (NAME_BLIND_ROLES.has(getKind(node.kind).role)) return false;
  const ws = words(node.name).map(normalizeWord);
  const meaningful = ws.filter((w) => !NOISE.has(w));
  const candidates = new Set<string>([ws.join(' '), meaningful.join(' '), ...meaningful]);
  // Every two-word window too, so "Order history service" matches "order history".
  for (let i = 0; i + 1 < meaningful.length; i++) candidates.add(`${meaningful[i]} ${meaningful[i + 1]}`);
  for (const c of candidates) if (c && capabilityForms.has(c)) return true;
  return false;
}

function responsibilityMatches(node: DesignNode, capabilityForms: Set<string>): boolean {
  return node.responsibilities.some((r) => capabilityForms.has(words(r).map(normalizeWord).join(' ')));
}

/** How a node provides a capability, or null: its responsibilities when it has any, else its name. */
function provides(node: DesignNode, capabilityForms: Set<string>): MatchSource | null {
  if (node.responsibilities.length > 0) return responsibilityMatches(node, capabilityForms) ? 'responsibility' : null;
  return nameMatches(node, capabilityForms) ? 'name' : null;
}

export function matchCapabilities(design: Design, capabilities: readonly Capability[]): Map<string, CapabilityMatch[]> {
  const result = new Map<string, CapabilityMatch[]>();
  for (const capability of capabilities) {
    const f = forms(capability);
    const matches: CapabilityMatch[] = [];
    for (const node of design.nodes) {
      const source = provides(node, f);
      if (source) matches.push({ nodeId: node.id, source });
    }
    result.set(capability.id, matches);
  }
  return result;
}

/** The capabilities one node provides, for the inspector. */
export function capabilitiesOf(node: DesignNode, capabilities: readonly Capability[]): { capability: Capability; source: MatchSource }[] {
  const out: { capability: Capability; source: MatchSource }[] = [];
  for (const capability of capabilities) {
    const source = provides(node, forms(capability));
    if (source) out.push({ capability, source });
  }
  return out;
}
