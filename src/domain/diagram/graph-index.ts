/**
 * A graph index built once per design and shared by every analysis (rules,
 * rubric scorer, simulator). Adjacency is split by edge family so an analysis
 * that cares only about synchronous calls never looks at the rest.
 */
import { getKind, type ComponentKind, type Role } from './catalog.ts';
import type { Design, DesignEdge, DesignGroup, DesignNode, EdgeFamily } from './schema.ts';

export interface Adjacency {
  readonly sync: readonly DesignEdge[];
  readonly async: readonly DesignEdge[];
  readonly data: readonly DesignEdge[];
  readonly all: readonly DesignEdge[];
}

export interface GraphIndex {
  readonly design: Design;
  readonly nodeById: ReadonlyMap<string, DesignNode>;
  readonly edgeById: ReadonlyMap<string, DesignEdge>;
  readonly groupById: ReadonlyMap<string, DesignGroup>;
  readonly nodesByRole: ReadonlyMap<Role, readonly DesignNode[]>;
  readonly nodesByGroup: ReadonlyMap<string, readonly DesignNode[]>;
  outgoing(nodeId: string, family?: EdgeFamily): readonly DesignEdge[];
  incoming(nodeId: string, family?: EdgeFamily): readonly DesignEdge[];
  kindOf(nodeId: string): ComponentKind | undefined;
  roleOf(nodeId: string): Role | undefined;
}

interface MutableAdjacency {
  sync: DesignEdge[];
  async: DesignEdge[];
  data: DesignEdge[];
  all: DesignEdge[];
}

const EMPTY: readonly DesignEdge[] = Object.freeze([]);

const newAdjacency = (): MutableAdjacency => ({ sync: [], async: [], data: [], all: [] });

export function buildGraphIndex(design: Design): GraphIndex {
  const nodeById = new Map<string, DesignNode>();
  const nodesByRole = new Map<Role, DesignNode[]>();
  const nodesByGroup = new Map<string, DesignNode[]>();
  const kindByNode = new Map<string, ComponentKind>();
  const out = new Map<string, MutableAdjacency>();
  const inc = new Map<string, MutableAdjacency>();

  for (const node of design.nodes) {
    nodeById.set(node.id, node);
    const kind = getKind(node.kind);
    kindByNode.set(node.id, kind);
    let byRole = nodesByRole.get(kind.role);
    if (!byRole) nodesByRole.set(kind.role, (byRole = []));
    byRole.push(node);
    if (node.groupId !== undefined) {
      let members = nodesByGroup.get(node.groupId);
      if (!members) nodesByGroup.set(node.groupId, (members = []));
      members.push(node);
    }
    out.set(node.id, newAdjacency());
    inc.set(node.id, newAdjacency());
  }

  const edgeById = new Map<string, DesignEdge>();
  for (const edge of design.edges) {
    edgeById.set(edge.id, edge);
    const from = out.get(edge.source);
    const to = inc.get(edge.target);
    if (!from || !to) continue; // a dangling edge is reported by the schema, not here
    from[edge.family].push(edge);
    from.all.push(edge);
    to[edge.family].push(edge);
    to.all.push(edge);
  }

  const pick = (table: Map<string, MutableAdjacency>, nodeId: string, family?: EdgeFamily) => {
    const adjacency = table.get(nodeId);
    if (!adjacency) return EMPTY;
    return family ? adjacency[family] : adjacency.all;
  };

  return {
    design,
    nodeById,
    edgeById,
    groupById: new Map(design.groups.map((g) => [g.id, g])),
    nodesByRole,
    nodesByGroup,
    outgoing: (nodeId, family) => pick(out, nodeId, family),
    incoming: (nodeId, family) => pick(inc, nodeId, family),
    kindOf: (nodeId) => kindByNode.get(nodeId),
    roleOf: (nodeId) => kindByNode.get(nodeId)?.role,
  };
}
