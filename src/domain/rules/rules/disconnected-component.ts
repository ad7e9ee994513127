import { removeNodes } from '../analysis/edits.ts';
import { DATASTORE, factsOf, PLATFORM, UNKNOWN } from '../analysis/facts.ts';
import { makeFinding, quickFix } from '../analysis/finding.ts';
import { sketch } from '../sketch.ts';
import type { Finding, QuickFix, RuleDefinition } from '../types.ts';
import type { DesignNode } from '../../diagram/schema.ts';

const LONE_WHY =
  'A component with no connections takes no part in any flow, so the design does not say what it is for. It is often a leftover, or a sign that a link was forgotten, and it will confuse the next reader.';
const LONE_FIX = 'Connect it to the components it serves or uses, or remove it.';
const UNUSED_WHY =
  'A datastore that no component reads or writes holds no data anyone can use, yet it still costs money, backups and patching. Usually a link is missing and the design hides which service really owns the data.';
const UNUSED_FIX = 'Draw the data edges from the service that owns this datastore, or remove it.';

function removeFix(node: DesignNode): QuickFix {
  return quickFix('remove', `Remove ${node.name}`, (d) => removeNodes(d, [node.id]));
}

export const disconnectedComponent: RuleDefinition<Record<string, never>> = {
  id: 'disconnected-component',
  title: 'Disconnected component',
  severity: 'info',
  glossaryTerm: 'sync-async-communication',
  summary: 'Flags a component connected to nothing, and a datastore that nothing reads or writes.',
  condition:
    'A datastore with no incoming data edge (nobody reads, writes or replicates into it) and no incoming async edge (no sink from a broker) is a warning. Any other node with no edges at all is info. Platform components (registry, mesh, config, identity, telemetry) are skipped: they usually work through agents and sidecars that are not drawn.',
  thresholds: {},
  check({ index }) {
    const facts = factsOf(index);
    const findings: Finding[] = [];
    const [outSync, outAsync, outData] = facts.out;
    const [inSync, inAsync, inData] = facts.in;
    for (let i = 0; i < facts.n; i++) {
      const role = facts.role[i];
      if (role === PLATFORM || role === UNKNOWN) continue;
      const fed = inData.start[i] !== inData.start[i + 1] || inAsync.start[i] !== inAsync.start[i + 1];
      const lone =
        !fed &&
        inSync.start[i] === inSync.start[i + 1] &&
        outSync.start[i] === outSync.start[i + 1] &&
        outAsync.start[i] === outAsync.start[i + 1] &&
        outData.start[i] === outData.start[i + 1];
      const node = facts.nodes[i]!;
      if (role === DATASTORE && !fed) {
        findings.push(
          makeFinding(disconnectedComponent, {
            severity: 'warning',
            title: 'Unused datastore',
            glossaryTerm: 'database-per-service',
            message: `Nothing reads or writes ${node.name}.`,
            why: UNUSED_WHY,
            fix: UNUSED_FIX,
            elementIds: [node.id],
            quickFixes: lone ? [removeFix(node)] : [],
          }),
        );
      } else if (lone) {
        findings.push(
          makeFinding(disconnectedComponent, {
            message: `${node.name} is not connected to anything.`,
            why: LONE_WHY,
            fix: LONE_FIX,
            elementIds: [node.id],
            quickFixes: [removeFix(node)],
          }),
        );
      }
    }
    return findings;
  },
  examples: {
    failing: sketch({
      id: 'example-disconnected-component-failing',
      title: 'A search index nobody feeds',
      nodes: { web: ['web-client', 'Web app'], catalog: ['service', 'Catalog'], db: ['relational-database', 'Catalog DB'], search: ['search-index', 'Search'] },
      links: [['web', 'catalog'], ['catalog', 'db']],
    }),
    passing: sketch({
      id: 'example-disconnected-component-passing',
      title: 'Catalog writes the search index',
      nodes: { web: ['web-client', 'Web app'], catalog: ['service', 'Catalog'], db: ['relational-database', 'Catalog DB'], search: ['search-index', 'Search'] },
      links: [['web', 'catalog'], ['catalog', 'db'], ['catalog', 'search']],
    }),
  },
};
