/**
 * What changed between two versions of a design, small enough to send on
 * every keystroke. Edits never change an element in place: they replace it
 * with a new object (and an unchanged element stays the very same object),
 * so comparing the element lists by identity finds the changes without
 * looking inside them. A rename sends one component; an added component sends
 * it and the list's ids; only the design's own fields (title, dates) are
 * always sent.
 */
import type { Design } from './schema.ts';

const LISTS = ['nodes', 'edges', 'groups', 'notes', 'flows'] as const;
type ListName = (typeof LISTS)[number];
type Element = Design[ListName][number];

/** How one list changed: elements replaced at the same places, or (when elements came, went or moved) the new order of ids and the elements that are new or changed. */
export type ListDelta = { at: [number, Element][] } | { ids: string[]; changed: Element[] };

export interface DesignDelta {
  /** The design without its lists. */
  fields: Omit<Design, ListName>;
  lists: Partial<Record<ListName, ListDelta>>;
}

const idOf = (element: Element): string => element.id;

function listDelta(before: readonly Element[], after: readonly Element[]): ListDelta | null {
  if (before === after) return null;
  if (before.length === after.length) {
    const at: [number, Element][] = [];
    let sameIds = true;
    for (let i = 0; i < after.length; i++) {
      const element = after[i]!;
      if (element === before[i]) continue;
      if (element.id !== before[i]!.id) {
        sameIds = false;
        break;
      }
      at.push([i, element]);
    }
    if (sameIds) return at.length > 0 ? { at } : null;
  }
  const known = new Set(before);
  return { ids: after.map(idOf), changed: after.filter((element) => !known.has(element)) };
}

/** What `apply(before, delta)` needs to give `after`. */
export function diffDesign(before: Design, after: Design): DesignDelta {
  const { nodes: _n, edges: _e, groups: _g, notes: _t, flows: _f, ...fields } = after;
  const lists: DesignDelta['lists'] = {};
  for (const name of LISTS) {
    const delta = listDelta(before[name], after[name]);
    if (delta) lists[name] = delta;
  }
  return { fields, lists };
}

/** The whole design as a delta from nothing (the first message, or a design that replaced another). */
export function fullDelta(design: Design): DesignDelta {
  const { nodes: _n, edges: _e, groups: _g, notes: _t, flows: _f, ...fields } = design;
  const lists: DesignDelta['lists'] = {};
  for (const name of LISTS) lists[name] = { ids: design[name].map(idOf), changed: [...design[name]] };
  return { fields, lists };
}

function applyList(before: readonly Element[], delta: ListDelta | undefined): Element[] {
  if (!delta) return before as Element[];
  if ('at' in delta) {
    const next = [...before];
    for (const [i, element] of delta.at) next[i] = element;
    return next;
  }
  const byId = new Map<string, Element>();
  for (const element of before) byId.set(element.id, element);
  for (const element of delta.changed) byId.set(element.id, element);
  return delta.ids.map((id) => byId.get(id)!);
}

/** The design `delta` describes, on top of `before` (which is not changed; unchanged elements are shared). */
export function applyDelta(before: Design | null, delta: DesignDelta): Design {
  const base = before ?? ({ nodes: [], edges: [], groups: [], notes: [], flows: [] } as unknown as Design);
  return {
    ...delta.fields,
    nodes: applyList(base.nodes, delta.lists.nodes),
    edges: applyList(base.edges, delta.lists.edges),
    groups: applyList(base.groups, delta.lists.groups),
    notes: applyList(base.notes, delta.lists.notes),
    flows: applyList(base.flows, delta.lists.flows),
  } as Design;
}
