/**
 * The component catalog: every kind of box a design can contain, defined once.
 *
 * The canvas palette, the inspector, the connection rules, the rules engine and
 * the documentation all read this list. To add a kind, add one entry here (and
 * an icon mapping in the canvas feature); nothing else needs to change.
 */

export const CATEGORIES = [
  { id: 'clients', label: 'Clients and external' },
  { id: 'edge', label: 'Edge and networking' },
  { id: 'compute', label: 'Compute' },
  { id: 'data', label: 'Data' },
  { id: 'messaging', label: 'Messaging' },
  { id: 'platform', label: 'Platform and observability' },
] as const;

export type CategoryId = (typeof CATEGORIES)[number]['id'];

/**
 * A kind's role decides how it may connect and how analyses treat it.
 * Categories are for people; roles are for the graph.
 */
export type Role = 'client' | 'external' | 'edge' | 'compute' | 'datastore' | 'broker' | 'platform';

/** Names of icons; the canvas maps each to a bundled SVG icon. */
export type IconName =
  | 'globe'
  | 'smartphone'
  | 'plug'
  | 'signpost'
  | 'cloud'
  | 'split'
  | 'door'
  | 'gauge'
  | 'repeat'
  | 'shield'
  | 'box'
  | 'cog'
  | 'zap'
  | 'clock'
  | 'radio'
  | 'waves'
  | 'database'
  | 'file-stack'
  | 'memory'
  | 'archive'
  | 'search'
  | 'warehouse'
  | 'chart'
  | 'copy'
  | 'inbox'
  | 'megaphone'
  | 'alert-box'
  | 'book'
  | 'network'
  | 'sliders'
  | 'key'
  | 'route'
  | 'scroll'
  | 'bell';

export interface KindDefaults {
  instances: number;
  technology: string;
}

export interface ComponentKind {
  id: string;
  label: string;
  category: CategoryId;
  role: Role;
  icon: IconName;
  description: string;
  /** Id of the glossary entry that explains this kind. */
  glossaryTerm: string;
  /** Extra words the palette search matches. */
  keywords: readonly string[];
  defaults: KindDefaults;
}

const kind = (
  id: string,
  label: string,
  category: CategoryId,
  role: Role,
  icon: IconName,
  glossaryTerm: string,
  description: string,
  keywords: readonly string[] = [],
  defaults: Partial<KindDefaults> = {},
): ComponentKind => ({
  id,
  label,
  category,
  role,
  icon,
  glossaryTerm,
  description,
  keywords,
  defaults: { instances: 1, technology: '', ...defaults },
});

export const COMPONENT_KINDS = [
  // Clients and external
  kind('web-client', 'Web client', 'clients', 'client', 'globe', 'client-server',
    'A browser application used by people; it starts requests.', ['browser', 'spa', 'frontend', 'user']),
  kind('mobile-client', 'Mobile client', 'clients', 'client', 'smartphone', 'client-server',
    'An iOS or Android app; often on slow or flaky networks.', ['ios', 'android', 'app', 'phone', 'user']),
  kind('third-party-api', 'Third-party API', 'clients', 'external', 'plug', 'third-party-dependency',
    'A service run by someone else, such as payments, email or maps.', ['external', 'vendor', 'stripe', 'saas', 'webhook']),

  // Edge and networking
  kind('dns', 'DNS', 'edge', 'edge', 'signpost', 'dns',
    'Turns names into addresses; can steer users to the nearest region.', ['domain', 'route53', 'geo']),
  kind('cdn', 'CDN', 'edge', 'edge', 'cloud', 'cdn',
    'Caches static and media content at edge locations near users.', ['edge cache', 'cloudfront', 'akamai', 'static']),
  kind('load-balancer', 'Load balancer', 'edge', 'edge', 'split', 'load-balancer',
    'Spreads requests across healthy instances of a service.', ['lb', 'alb', 'nlb', 'haproxy', 'balancer'], { instances: 2 }),
  kind('api-gateway', 'API gateway', 'edge', 'edge', 'door', 'api-gateway',
    'One entry point for clients: routing, authentication, quotas.', ['gateway', 'bff', 'kong', 'ingress', 'edge'], { instances: 2 }),
  kind('rate-limiter', 'Rate limiter', 'edge', 'edge', 'gauge', 'rate-limiting',
    'Caps how many requests a caller may make per time window.', ['throttle', 'quota', 'token bucket']),
  kind('reverse-proxy', 'Reverse proxy', 'edge', 'edge', 'repeat', 'reverse-proxy',
    'Terminates connections and forwards them to backends.', ['nginx', 'envoy', 'proxy', 'tls']),
  kind('waf', 'Web application firewall', 'edge', 'edge', 'shield', 'web-application-firewall',
    'Filters malicious HTTP traffic before it reaches the app.', ['firewall', 'security', 'ddos']),

  // Compute
  kind('service', 'Service', 'compute', 'compute', 'box', 'microservices',
    'A deployable unit that owns one business capability and its data.', ['microservice', 'api', 'backend', 'server', 'app'], { instances: 2 }),
  kind('worker', 'Worker', 'compute', 'compute', 'cog', 'message-queue',
    'Processes background jobs, usually taken from a queue.', ['job', 'consumer', 'background', 'batch']),
  kind('serverless-function', 'Serverless function', 'compute', 'compute', 'zap', 'serverless',
    'Code run on demand per event, scaled by the platform.', ['lambda', 'faas', 'cloud function']),
  kind('scheduler', 'Scheduler', 'compute', 'compute', 'clock', 'job-scheduling',
    'Starts work at set times or intervals.', ['cron', 'timer', 'batch']),
  kind('websocket-server', 'WebSocket server', 'compute', 'compute', 'radio', 'websocket',
    'Holds long-lived connections and pushes updates to clients.', ['realtime', 'push', 'socket', 'presence', 'chat'], { instances: 2 }),
  kind('stream-processor', 'Stream processor', 'compute', 'compute', 'waves', 'event-streaming',
    'Transforms or aggregates events continuously as they arrive.', ['flink', 'spark', 'kafka streams', 'analytics']),

  // Data
  kind('relational-database', 'Relational database', 'data', 'datastore', 'database', 'acid',
    'Tables with SQL queries and transactions.', ['sql', 'postgres', 'mysql', 'rdbms', 'db'], { technology: 'PostgreSQL' }),
  kind('document-store', 'Key-value / document store', 'data', 'datastore', 'file-stack', 'polyglot-persistence',
    'Schemaless records looked up by key; scales out easily.', ['nosql', 'dynamodb', 'mongodb', 'cassandra', 'key-value', 'kv']),
  kind('cache', 'Cache', 'data', 'datastore', 'memory', 'caching',
    'Keeps hot data in memory to cut latency and load.', ['redis', 'memcached', 'in-memory']),
  kind('object-storage', 'Object storage', 'data', 'datastore', 'archive', 'object-storage',
    'Stores large files and blobs cheaply and durably.', ['s3', 'blob', 'files', 'bucket', 'media']),
  kind('search-index', 'Search index', 'data', 'datastore', 'search', 'search-index',
    'Full-text and faceted search over copied data.', ['elasticsearch', 'opensearch', 'lucene', 'full-text']),
  kind('data-warehouse', 'Data warehouse', 'data', 'datastore', 'warehouse', 'data-warehouse',
    'Columnar store for analytics and reporting queries.', ['olap', 'bigquery', 'snowflake', 'redshift', 'analytics']),
  kind('time-series-database', 'Time-series database', 'data', 'datastore', 'chart', 'time-series-database',
    'Stores timestamped measurements for fast range queries.', ['tsdb', 'prometheus', 'influxdb', 'metrics']),
  kind('read-replica', 'Read replica', 'data', 'datastore', 'copy', 'replication',
    'A read-only copy of a database that serves reads.', ['replica', 'follower', 'secondary']),

  // Messaging
  kind('message-queue', 'Message queue', 'messaging', 'broker', 'inbox', 'message-queue',
    'Holds tasks until one consumer takes each; smooths bursts.', ['queue', 'sqs', 'rabbitmq', 'amqp', 'buffer']),
  kind('event-stream', 'Event stream / topic', 'messaging', 'broker', 'megaphone', 'publish-subscribe',
    'An ordered log of events that many subscribers read.', ['kafka', 'topic', 'pub/sub', 'pubsub', 'kinesis', 'sns', 'event bus']),
  kind('dead-letter-queue', 'Dead-letter queue', 'messaging', 'broker', 'alert-box', 'dead-letter-queue',
    'Parks messages that keep failing so they can be inspected.', ['dlq', 'poison', 'failed messages']),

  // Platform and observability
  kind('service-registry', 'Service registry', 'platform', 'platform', 'book', 'service-registry',
    'Tracks which instances of each service are alive and where.', ['discovery', 'consul', 'eureka', 'etcd']),
  kind('service-mesh', 'Service mesh', 'platform', 'platform', 'network', 'service-mesh',
    'Sidecar proxies that add retries, mTLS and telemetry to calls.', ['istio', 'linkerd', 'sidecar', 'envoy']),
  kind('config-service', 'Config service', 'platform', 'platform', 'sliders', 'configuration-management',
    'Central settings and feature flags read by services.', ['config', 'feature flags', 'settings']),
  kind('identity-provider', 'Identity provider', 'platform', 'platform', 'key', 'authentication',
    'Signs users in and issues tokens (OAuth 2.0 / OpenID Connect).', ['auth', 'login', 'oauth', 'sso', 'idp', 'jwt']),
  kind('tracing-collector', 'Tracing collector', 'platform', 'platform', 'route', 'distributed-tracing',
    'Gathers spans so one request can be followed across services.', ['tracing', 'jaeger', 'opentelemetry', 'zipkin', 'spans']),
  kind('log-aggregator', 'Log aggregator', 'platform', 'platform', 'scroll', 'centralized-logging',
    'Collects logs from every instance into one searchable place.', ['logs', 'logging', 'elk', 'loki', 'splunk']),
  kind('metrics-alerting', 'Metrics and alerting', 'platform', 'platform', 'bell', 'metrics-and-monitoring',
    'Scrapes metrics, draws dashboards and pages on-call people.', ['metrics', 'monitoring', 'alerts', 'grafana', 'prometheus']),
] as const satisfies readonly ComponentKind[];

export type KindId = (typeof COMPONENT_KINDS)[number]['id'];

export const KIND_IDS = COMPONENT_KINDS.map((k) => k.id) as unknown as readonly [KindId, ...KindId[]];

const kindById: ReadonlyMap<string, ComponentKind> = new Map(COMPONENT_KINDS.map((k) => [k.id, k]));

export function isKindId(id: string): id is KindId {
  return kindById.has(id);
}

export function getKind(id: KindId): ComponentKind {
  const found = kindById.get(id);
  if (!found) throw new Error(`Unknown component kind "${id}"`);
  return found;
}

export function kindsInCategory(category: CategoryId): ComponentKind[] {
  return COMPONENT_KINDS.filter((k) => k.category === category);
}

export function roleOf(kindId: KindId): Role {
  return getKind(kindId).role;
}

/**
 * Case-insensitive palette search over label, id, keywords and description,
 * best match first: label matches outrank keyword matches, which outrank
 * description matches. An empty query returns every kind in catalog order.
 */
export function searchKinds(query: string): ComponentKind[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...COMPONENT_KINDS];
  const phrase = words.join(' ');
  const scored: { kind: ComponentKind; score: number; order: number }[] = [];
  COMPONENT_KINDS.forEach((k, order) => {
    const label = k.label.toLowerCase();
    const keywords = k.keywords.map((w) => w.toLowerCase());
    const haystack = [label, k.id, k.description.toLowerCase(), ...keywords].join(' ');
    if (!words.every((w) => haystack.includes(w))) return;
    let score = 0;
    if (label === phrase) score = 100;
    else if (label.startsWith(phrase)) score = 80;
    else if (keywords.includes(phrase)) score = 70;
    else if (label.includes(phrase)) score = 60;
    else if (keywords.some((w) => w.startsWith(phrase))) score = 50;
    else if (words.every((w) => label.includes(w) || keywords.some((kw) => kw.includes(w)))) score = 40;
    else score = 10;
    scored.push({ kind: k, score, order });
  });
  return scored.sort((a, b) => b.score - a.score || a.order - b.order).map((s) => s.kind);
}
