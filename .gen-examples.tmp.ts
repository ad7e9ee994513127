import { writeFileSync } from 'node:fs';
import { sketch, type SketchSpec, type EdgePatch } from './src/domain/rules/sketch.ts';
import { analyzeDesign } from './src/domain/rules/engine.ts';
import { serializeDesign } from './src/domain/persistence/parse-design.ts';

const consume: EdgePatch = { deadLetterQueue: true, retry: { maxAttempts: 3, backoff: 'exponential', jitter: true } };
const base = (): SketchSpec => ({
  id: 'shop-checkout',
  title: 'Online shop: browse and checkout',
  groups: { catalogCtx: 'Catalog', orderingCtx: 'Ordering', paymentsCtx: 'Payments' },
  nodes: {
    web: ['web-client', 'Web shop'],
    mobile: ['mobile-client', 'Shop app'],
    cdn: ['cdn', 'CDN'],
    assets: ['object-storage', 'Product images'],
    gw: ['api-gateway', 'API gateway', { instances: 2 }],
    idp: ['identity-provider', 'Identity provider', { instances: 2 }],
    orderEvents: ['event-stream', 'Order events'],
    paymentEvents: ['event-stream', 'Payment events'],
    dlq: ['dead-letter-queue', 'Dead letters'],
    notifier: ['worker', 'Notifications', { instances: 2, responsibilities: ['send order emails'] }],
    mailer: ['third-party-api', 'Email provider'],
    psp: ['third-party-api', 'Payment provider'],
    tracing: ['tracing-collector', 'Tracing'],
    logs: ['log-aggregator', 'Logs'],
    metrics: ['metrics-alerting', 'Metrics and alerts'],
    catalog: ['service', 'Catalog', { instances: 3, group: 'catalogCtx', owner: 'Catalog', responsibilities: ['browse products', 'search products'] }],
    catalogDb: ['document-store', 'Catalog DB', { instances: 3, group: 'catalogCtx', owner: 'Catalog' }],
    catalogCache: ['cache', 'Catalog cache', { instances: 2, group: 'catalogCtx', owner: 'Catalog' }],
    orders: ['service', 'Orders', { instances: 3, group: 'orderingCtx', owner: 'Orders', responsibilities: ['place orders', 'track order status'] }],
    ordersDb: ['relational-database', 'Orders DB', { group: 'orderingCtx', owner: 'Orders' }],
    ordersReplica: ['read-replica', 'Orders DB replica', { group: 'orderingCtx' }],
    payments: ['service', 'Payments', { instances: 2, group: 'paymentsCtx', owner: 'Payments', responsibilities: ['charge cards', 'refund payments'] }],
    paymentsDb: ['relational-database', 'Payments DB', { group: 'paymentsCtx', owner: 'Payments' }],
    paymentsReplica: ['read-replica', 'Payments DB replica', { group: 'paymentsCtx' }],
  },
  links: [
    ['web', 'cdn', { timeoutMs: 10000, label: 'static files' }],
    ['cdn', 'assets', { access: 'read' }],
    ['web', 'gw', { timeoutMs: 10000 }],
    ['mobile', 'gw', { timeoutMs: 10000 }],
    ['gw', 'idp', { timeoutMs: 500, label: 'verify token' }],
    ['gw', 'catalog', { timeoutMs: 1000, label: 'GET /products' }],
    ['gw', 'orders', { timeoutMs: 3000, label: 'POST /orders' }],
    ['catalog', 'catalogCache', { access: 'read-write' }],
    ['catalog', 'catalogDb', { access: 'read' }],
    ['orders', 'ordersDb'],
    ['ordersDb', 'ordersReplica'],
    ['orders', 'ordersReplica', { access: 'read' }],
    ['orders', 'orderEvents', { label: 'OrderPlaced (outbox)' }],
    ['orderEvents', 'payments', consume],
    ['payments', 'paymentsDb'],
    ['paymentsDb', 'paymentsReplica'],
    ['payments', 'psp', { timeoutMs: 2000, circuitBreaker: true, idempotent: true, retry: { maxAttempts: 2, backoff: 'exponential', jitter: true } }],
    ['payments', 'paymentEvents', { label: 'PaymentCaptured / PaymentFailed' }],
    ['paymentEvents', 'orders', consume],
    ['paymentEvents', 'notifier', consume],
    ['orderEvents', 'dlq'],
    ['paymentEvents', 'dlq'],
    ['notifier', 'mailer', { timeoutMs: 3000, circuitBreaker: true }],
  ],
});

const write = (name: string, spec: SketchSpec) => {
  const design = sketch(spec);
  writeFileSync(`docs/examples/${name}.json`, `${serializeDesign(design)}\n`);
  const findings = analyzeDesign(design);
  console.log(name, findings.length, findings.map((f) => `${f.severity}:${f.ruleId}`).join(', '));
};

write('good-shop-checkout', base());

{
  const spec = base();
  spec.id = 'shop-shared-database';
  spec.title = 'Online shop: one database for Orders and Payments';
  spec.links = spec.links!.filter((l) => !(l[0] === 'payments' && l[1] === 'paymentsDb') && !(l[0] === 'paymentsDb'));
  const nodes = { ...spec.nodes };
  delete nodes.paymentsDb;
  delete nodes.paymentsReplica;
  nodes.ordersDb = ['relational-database', 'Shop DB', { group: 'orderingCtx' }];
  spec.nodes = nodes;
  spec.links = [...spec.links, ['payments', 'ordersDb']];
  write('bad-shared-database', spec);
}
{
  const spec = base();
  spec.id = 'shop-sync-cycle';
  spec.title = 'Online shop: Orders and Payments call each other';
  spec.links = [
    ...spec.links!.filter((l) => !(l[0] === 'orders' && l[1] === 'orderEvents') && !(l[0] === 'orderEvents' && l[1] === 'payments')),
    ['orders', 'payments', { timeoutMs: 2500, label: 'POST /payments' }],
    ['payments', 'orders', { timeoutMs: 1000, label: 'GET /orders/{id}' }],
  ];
  spec.nodes = { ...spec.nodes, registry: ['service-registry', 'Service registry', { instances: 2 }] };
  write('bad-sync-cycle', spec);
}
{
  const spec = base();
  spec.id = 'shop-exposed-datastore';
  spec.title = 'Online shop: the app reads the catalog database directly';
  spec.links = [...spec.links!, ['mobile', 'catalogDb', { access: 'read' }]];
  write('bad-exposed-datastore', spec);
}
{
  const spec = base();
  spec.id = 'shop-unsafe-retry';
  spec.title = 'Online shop: charges retried without idempotency';
  spec.links = spec.links!.map((l) =>
    l[0] === 'payments' && l[1] === 'psp'
      ? (['payments', 'psp', { timeoutMs: 2000, circuitBreaker: true, idempotent: false, retry: { maxAttempts: 3, backoff: 'exponential', jitter: true } }] as const)
      : l,
  );
  write('bad-unsafe-retry', spec);
}
{
  const spec = base();
  spec.id = 'shop-deep-chain';
  spec.title = 'Online shop: checkout through five services in a row';
  spec.nodes = {
    ...spec.nodes,
    cart: ['service', 'Cart', { instances: 2 }],
    pricing: ['service', 'Pricing', { instances: 2 }],
    tax: ['service', 'Tax', { instances: 2 }],
    rates: ['service', 'Tax rates', { instances: 2 }],
    ratesDb: ['relational-database', 'Rates DB', { instances: 2 }],
    registry: ['service-registry', 'Service registry', { instances: 2 }],
  };
  spec.links = [
    ...spec.links!,
    ['gw', 'cart', { timeoutMs: 4000 }],
    ['cart', 'pricing', { timeoutMs: 3000 }],
    ['pricing', 'tax', { timeoutMs: 2000 }],
    ['tax', 'rates', { timeoutMs: 1500 }],
    ['rates', 'orders', { timeoutMs: 1000 }],
    ['rates', 'ratesDb', { access: 'read' }],
  ];
  write('bad-deep-sync-chain', spec);
}
