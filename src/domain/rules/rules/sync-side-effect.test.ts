import { describe, expect, it } from 'vitest';
import { allQuickFixProblems, checkRule } from '../rule-harness.ts';
import { sketch } from '../sketch.ts';
import { putQueueBetween, syncSideEffect as rule } from './sync-side-effect.ts';

describe('sync-side-effect', () => {
  it('flags its failing example and not its passing one', () => {
    expect(checkRule(rule, rule.examples.failing).map((f) => f.message)).toEqual([
      'Checkout calls Email sender synchronously while the user waits; that work could happen after the response.',
    ]);
    expect(checkRule(rule, rule.examples.passing)).toEqual([]);
  });

  it('recognises side work by responsibilities, and ignores gateways and calls off the request path', () => {
    const design = sketch({
      id: 'd',
      title: 'Side work',
      nodes: {
        web: ['web-client', 'Web'],
        gw: ['api-gateway', 'Gateway'],
        orders: ['service', 'Orders'],
        events: ['service', 'Events', { responsibilities: ['Analytics ingestion'] }],
        tracking: ['service', 'Parcel tracking'],
        nightly: ['scheduler', 'Nightly'],
        audit: ['service', 'Audit log'],
      },
      links: [['web', 'gw'], ['gw', 'orders'], ['gw', 'tracking'], ['orders', 'events'], ['nightly', 'audit']],
    });
    expect(checkRule(rule, design).map((f) => f.elementIds)).toEqual([['orders', 'events', 'e4']]);
  });

  it('puts a queue between caller and service, reusing a queue that already feeds the service', () => {
    expect(allQuickFixProblems(rule, rule.examples.failing)).toEqual([]);
    const design = sketch({
      id: 'd',
      title: 'Existing queue',
      nodes: {
        web: ['web-client', 'Web'],
        checkout: ['service', 'Checkout'],
        signup: ['service', 'Signup'],
        queue: ['message-queue', 'Mail queue'],
        email: ['service', 'Email sender'],
      },
      links: [['web', 'checkout'], ['web', 'signup'], ['signup', 'queue'], ['queue', 'email'], ['checkout', 'email']],
    });
    const fixed = putQueueBetween(design, 'e5');
    expect(fixed.nodes).toHaveLength(5);
    expect(fixed.edges.map((e) => `${e.source}>${e.target}:${e.family}`).sort()).toEqual([
      'checkout>queue:async',
      'queue>email:async',
      'signup>queue:async',
      'web>checkout:sync',
      'web>signup:sync',
    ]);
  });
});
