import { writeFileSync } from 'node:fs';
import { RULES } from './src/domain/rules/registry.ts';

const QUICK_FIXES: Record<string, string> = {
  'shared-database': 'None: splitting data needs a design decision.',
  'foreign-data-access': 'None.',
  'sync-cycle': 'None: which call to turn into an event is a design decision.',
  'missing-timeout': '“Set a timeout”: `defaultTimeoutMs`, or ⌊tightest incoming timeout of the caller ÷ attempts⌋ when that is smaller.',
  'timeout-budget': '“Lower the timeout”: ⌊budget ÷ attempts⌋ (and fewer attempts when even 1 ms each would not fit).',
  'retry-amplification': '“Retry only at the last hop” (sets the other hops of the chain to 1 attempt); “Use exponential backoff with jitter”.',
  'unsafe-retry': '“Mark the call idempotent”; “Stop retrying this call”.',
  'missing-circuit-breaker': '“Add a circuit breaker” to every unprotected call named.',
  'deep-sync-chain': 'None.',
  'sync-fan-out': '“Batch into one call per request” for chatty calls (sets `callsPerRequest` to 1).',
  'no-api-gateway': '“Insert an API gateway”: a new gateway placed halfway between the clients and the services (or the design’s existing gateway), client → gateway and gateway → service edges that keep each call’s settings, direct calls removed.',
  'exposed-datastore': '“Put a service in front”: a new service between the client and the datastore.',
  'single-point-of-failure': '“Run 2 instances”; for datastores other than caches also “Add a replica” (a read replica fed by replication).',
  'sync-side-effect': '“Put a queue between caller and service”: the sync call is replaced by caller → queue (publish) and queue → service (consume, 3 attempts with exponential backoff and jitter); a queue that already feeds the service is reused.',
  'distributed-write-without-saga': 'None.',
  'consumer-without-dlq': '“Retry 3 times, then dead-letter”; “Add a dead-letter queue” node fed by the broker.',
  'missing-observability': '“Add tracing, logs and metrics”: three platform nodes below the design.',
  'missing-service-discovery': '“Add a service registry”.',
  'disconnected-component': '“Remove” a component that has no edges at all.',
  'nanoservice': 'None.',
  'broker-without-consumer': 'None.',
  'broker-without-publisher': 'None.',
  'cache-without-backing-store': 'None.',
};

const sections = RULES.map((rule) => {
  const thresholds = Object.entries(rule.thresholds);
  return [
    `## \`${rule.id}\``,
    '',
    `**${rule.title}** · **Severity:** ${rule.severity} · **Glossary:** \`${rule.glossaryTerm}\``,
    '',
    `**Checks:** ${rule.summary}`,
    '',
    `**Graph condition:** ${rule.condition}`,
    '',
    `**Thresholds:** ${thresholds.length === 0 ? 'none.' : thresholds.map(([k, v]) => `\`${k}\` = ${v}`).join(', ')}`,
    '',
    `**Quick fixes:** ${QUICK_FIXES[rule.id] ?? 'None.'}`,
    '',
    `**Examples:** fails on “${rule.examples.failing.title}”; passes on “${rule.examples.passing.title}”.`,
    '',
  ].join('\n');
});
writeFileSync('/tmp/rules-sections.md', sections.join('\n'));
const table = RULES.map((r) => `| \`${r.id}\` | ${r.severity} | ${r.summary} |`).join('\n');
writeFileSync('/tmp/rules-table.md', table);
