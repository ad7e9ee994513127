/**
 * A compact way to write the small designs each rule carries as examples:
 * nodes by id with a kind (and optionally a name and properties), links with
 * optional edge properties, and boundary groups. Edges get the family the
 * connection rules suggest; synchronous calls get a 1,000 ms timeout unless the
 * link says otherwise, so an example shows one problem, not every problem.
 */
import type { KindId } from '../diagram/catalog.ts';
import { createDefaultEdge, createDesign, createNode } from '../diagram/factory.ts';
import type { AsyncEdge, DataEdge, Design, DesignEdge, DesignGroup, DesignNode, GroupType, SyncEdge } from '../diagram/schema.ts';

export interface NodePatch {
  instances?: number;
  owner?: string;
  /** Id of a group declared in `groups`. */
  group?: string;
  responsibilities?: string[];
  technology?: string;
  saga?: boolean;
}

type Fields<T> = Partial<Omit<T, 'id' | 'source' | 'target' | 'family'>>;
export type EdgePatch = Fields<SyncEdge> & Fields<AsyncEdge> & Fields<DataEdge>;

export type NodeSpec = KindId | readonly [KindId, string] | readonly [KindId, string, NodePatch];
export type LinkSpec = readonly [string, string] | readonly [string, string, EdgePatch];

export interface SketchSpec {
  id: string;
  title: string;
  nodes: Record<string, NodeSpec>;
  links?: readonly LinkSpec[];
  /** Group id -> name (a bounded context), or name and type. */
  groups?: Record<string, string | { name: string; type: GroupType }>;
}

const COLUMNS = 4;

export function sketch(spec: SketchSpec): Design {
  const groupIds = Object.keys(spec.groups ?? {});
  const entries = Object.entries(spec.nodes).map(([id, node]) => {
    const [kind, name, patch] = typeof node === 'string' ? [node, undefined, undefined] : [node[0], node[1], node[2]];
    return { id, kind, name, patch: patch ?? {} };
  });
  const ungrouped = entries.filter((e) => e.patch.group === undefined);
  const rows = Math.ceil(ungrouped.length / COLUMNS);
  const groupTop = rows * 140 + 60;
  const membersOf = new Map<string, number>();

  const nodes: DesignNode[] = [];
  let loose = 0;
  for (const entry of entries) {
    const group = entry.patch.group;
    let position;
    if (group === undefined) {
      position = { x: (loose % COLUMNS) * 220, y: Math.floor(loose / COLUMNS) * 140 };
      loose++;
    } else {
      const k = membersOf.get(group) ?? 0;
      membersOf.set(group, k + 1);
      position = { x: 20 + (k % 2) * 200, y: 50 + Math.floor(k / 2) * 120 };
    }
    const base = createNode(entry.kind, entry.id, position, entry.name ?? entry.id);
    const { group: _group, ...rest } = entry.patch;
    nodes.push({ ...base, ...rest, ...(group === undefined ? {} : { groupId: group }) });
  }

  const groups: DesignGroup[] = groupIds.map((id, i) => {
    const members = membersOf.get(id) ?? 0;
    const group = spec.groups?.[id] ?? id;
    return {
      id,
      name: typeof group === 'string' ? group : group.name,
      type: typeof group === 'string' ? 'bounded-context' : group.type,
      position: { x: i * 480, y: groupTop },
      size: { width: 440, height: 80 + Math.max(1, Math.ceil(members / 2)) * 120 },
      notes: '',
    };
  });

  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges: DesignEdge[] = (spec.links ?? []).map((link, i) => {
    const [s, t, patch] = link;
    const source = byId.get(s);
    const target = byId.get(t);
    if (!source || !target) throw new Error(`sketch ${spec.id}: unknown node in link ${s} -> ${t}`);
    const edge = createDefaultEdge(`e${i + 1}`, source, target);
    if (!edge) throw new Error(`sketch ${spec.id}: connection ${s} -> ${t} is refused`);
    const withTimeout = edge.family === 'sync' ? { ...edge, timeoutMs: 1000 } : edge;
    return { ...withTimeout, ...patch } as DesignEdge;
  });

  return {
    ...createDesign({ id: spec.id, title: spec.title, now: '2026-01-01T00:00:00.000Z' }),
    nodes,
    edges,
    groups,
  };
}
