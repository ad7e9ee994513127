/**
 * Small problems and designs for the interview tests (imported by tests only).
 * Times are plain numbers: a fake clock starting at T0.
 */
import { Problem } from '../rubric/problem.ts';
import { sketch } from '../rules/sketch.ts';

export const T0 = 1_700_000_000_000;
export const MINUTE = 60_000;

const base = {
  id: 'shop',
  title: 'Shop',
  difficulty: 'easy',
  category: 'commerce',
  order: 1,
  summary: 'A shop.',
  statement: 'Build a shop.',
  functional: ['Order things', 'Pay for them'],
  scale: { users: '10 million daily users', requestsPerSecond: '2,000', readWriteRatio: '10:1', storage: '5 TB', latency: '200 ms', availability: '99.9%' },
  capabilities: [
    { id: 'checkout', label: 'Checkout', synonyms: ['order', 'orders'] },
    { id: 'payments', label: 'Payments', synonyms: ['payment', 'billing'] },
    { id: 'search', label: 'Product search', synonyms: ['search'] },
  ],
  rubric: [
    { id: 'has-checkout', type: 'capability', capability: 'checkout', points: 10, description: 'Checkout exists', hint: 'Add a checkout service.' },
    { id: 'has-search', type: 'capability', capability: 'search', points: 10, description: 'Search exists', hint: 'Add a search index.' },
    {
      id: 'payments-redundant',
      type: 'instances',
      capability: 'payments',
      min: 2,
      points: 10,
      description: 'Payments runs at least two instances',
      hint: 'Run two Payment instances behind a load balancer.',
    },
    {
      id: 'checkout-pays',
      type: 'reaches',
      from: 'checkout',
      to: 'payments',
      via: 'sync',
      points: 10,
      description: 'Checkout calls Payments',
      hint: 'Connect Checkout to Payments.',
      question: 'How does a shopper’s payment get taken during checkout?',
    },
    { id: 'no-errors', type: 'no-finding', severity: 'error', points: 10, description: 'No errors', hint: 'Fix the errors.' },
  ],
  hints: ['a', 'b', 'c'],
  reference: { explanation: 'x', design: { nodes: {}, links: [] } },
  tradeOffs: ['a', 'b'],
  followUps: [
    'What happens when Payment is down for ten minutes?',
    'The payment provider is down on Black Friday. Walk through what shoppers see.',
    'How do you keep stock counts right under load?',
  ],
  relatedTerms: ['saga'],
};

/** A problem without an interview script. */
export const shopProblem = Problem.parse(base);

/** The same problem with an interview script. */
export const scriptedShopProblem = Problem.parse({
  ...base,
  interview: {
    requirements: ['Who buys from the shop?', 'Which payment methods matter?'],
    estimation: ['How many orders per second at peak?'],
    api: ['What does the checkout call take?', 'How are orders keyed?'],
    highLevel: ['Where does an order go after checkout?'],
    wrapUp: ['What would you build next?'],
  },
});

/** Checkout calls Payment with no timeout; Payment runs one instance and keeps its data in one database. */
export const checkoutDesign = sketch({
  id: 'checkout',
  title: 'Checkout',
  nodes: {
    web: ['web-client', 'Web app'],
    gw: ['api-gateway', 'API gateway'],
    checkout: ['service', 'Checkout'],
    payment: ['service', 'Payment', { instances: 1 }],
    db: ['relational-database', 'Payments DB'],
    events: ['message-queue', 'Order events'],
    mailer: ['worker', 'Mailer', { instances: 2 }],
  },
  links: [
    ['web', 'gw'],
    ['gw', 'checkout'],
    ['checkout', 'payment', { timeoutMs: null }],
    ['payment', 'db'],
    ['checkout', 'events'],
    ['events', 'mailer', { retry: { maxAttempts: 3, backoff: 'exponential', jitter: true }, deadLetterQueue: true }],
  ],
});
