/**
 * A design as Mermaid flowchart text, for pasting into docs and READMEs.
 * Synchronous requests are solid arrows, asynchronous messages dotted arrows
 * and data access thick arrows, each labelled, so the meaning survives
 * without colour. Every piece of user text is escaped: a label can never
 * close a string or inject markup.
 */
import { getKind, roleOf } from '../diagram/catalog.ts';
import type { Design, DesignEdge, DesignNode } from '../diagram/schema.ts';

const PROTOCOL_LABEL = { http: 'HTTP', grpc: 'gRPC', graphql: 'GraphQL', websocket: 'WebSocket' } as const;
const ACCESS_LABEL = { read: 'reads', write: 'writes', 'read-write': 'reads and writes', replicate: 'replicates' } as const;

/** Text safe inside a quoted Mermaid label: no quotes, markup or line breaks. */
export function mermaidText(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/&/g, '#amp;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/[|`]/g, (c) => `#${c.charCodeAt(0)};`)
    .trim();
}

function shape(node: DesignNode, id: string): string {
  const label = `"${mermaidText(node.name)}<br/><small>${mermaidText(getKind(node.kind).label)}</small>"`;
  switch (roleOf(node.kind)) {
    case 'datastore':
      return `${id}[(${label})]`;
    case 'broker':
      return `${id}[[${label}]]`;
    case 'client':
    case 'external':
      return `${id}([${label}])`;
    default:
      return `${id}[${label}]`;
  }
}

function edgeLabel(edge: DesignEdge): string {
  const parts: string[] = [];
  if (edge.family === 'sync') {
    parts.push(PROTOCOL_LABEL[edge.protocol], edge.timeoutMs === null ? 'no timeout' : `${edge.timeoutMs} ms timeout`);
    if (edge.retry.maxAttempts > 1) parts.push(`${edge.retry.maxAttempts} attempts`);
    if (edge.circuitBreaker) parts.push('breaker');
  } else if (edge.family === 'async') {
    parts.push(edge.delivery);
    if (edge.deadLetterQueue) parts.push('DLQ');
  } else {
    parts.push(ACCESS_LABEL[edge.access]);
  }
  if (edge.label.trim()) parts.unshift(edge.label);
  return mermaidText(parts.join(', '));
}

const ARROW = { sync: '-->', async: '-.->', data: '==>' } as const;

export function toMermaid(design: Design): string {
  const ids = new Map<string, string>();
  design.nodes.forEach((n, i) => ids.set(n.id, `n${i + 1}`));
  const lines = [
    `%% Design: ${mermaidText(design.title)}, exported from Skyline`,
    '%% Solid arrows: synchronous requests. Dotted arrows: asynchronous messages. Thick arrows: data access.',
    'flowchart LR',
  ];
  const ungrouped = design.nodes.filter((n) => !n.groupId || !design.groups.some((g) => g.id === n.groupId));
  for (const node of ungrouped) lines.push(`  ${shape(node, ids.get(node.id) ?? '')}`);
  design.groups.forEach((group, i) => {
    lines.push(`  subgraph g${i + 1}["${mermaidText(group.name)}"]`);
    for (const node of design.nodes) if (node.groupId === group.id) lines.push(`    ${shape(node, ids.get(node.id) ?? '')}`);
    lines.push('  end');
  });
  for (const edge of design.edges) {
    const from = ids.get(edge.source);
    const to = ids.get(edge.target);
    if (from && to) lines.push(`  ${from} ${ARROW[edge.family]}|"${edgeLabel(edge)}"| ${to}`);
  }
  for (const note of design.notes) {
    const text = mermaidText(note.text);
    if (text) lines.push(`  %% Note: ${text}`);
  }
  return `${lines.join('\n')}\n`;
}
