import { describe, expect, it } from 'vitest';
import { allQuickFixProblems, checkRule } from '../rule-harness.ts';
import { sketch } from '../sketch.ts';
import { withFlows } from '../../../testing/flows.ts';
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

  describe('reasons on structure, not only on words', () => {
    // e1 web>gw, e2 gw>orders, e3 orders>callee, plus the callee's own connections from e4
    const callee = (name: string, nodes: Parameters<typeof sketch>[0]['nodes'], links: Parameters<typeof sketch>[0]['links'] = [], call = {}) =>
      sketch({
        id: 'd',
        title: 'Callee',
        nodes: { web: ['web-client', 'Web'], gw: ['api-gateway', 'Gateway'], orders: ['service', 'Orders'], callee: ['service', name], ...nodes },
        links: [['web', 'gw'], ['gw', 'orders'], ['orders', 'callee', call], ...(links ?? [])],
      });

    it('a service that only records what it is sent is side work, whatever its name', () => {
      const recorder = callee('Activity', { trail: ['document-store', 'Activity trail'] }, [['callee', 'trail', { access: 'write' }]]);
      expect(checkRule(rule, recorder).map((f) => f.message)).toEqual([
        'Orders calls Activity synchronously while the user waits; that work could happen after the response. Activity only records what it is sent.',
      ]);
      // Once something reads the trail back, recording it is the point, not a side effect.
      const readBack = callee('Activity', { trail: ['document-store', 'Activity trail'], feed: ['service', 'Feed'] }, [
        ['callee', 'trail', { access: 'write' }],
        ['feed', 'trail', { access: 'read' }],
      ]);
      expect(checkRule(rule, readBack)).toEqual([]);
    });

    it('a side-work name is not enough when the callee only answers queries, or the call is marked read-only', () => {
      const preferences = callee('Notification preferences', { prefs: ['relational-database', 'Preferences DB'] }, [['callee', 'prefs', { access: 'read' }]]);
      expect(checkRule(rule, preferences)).toEqual([]);
      expect(checkRule(rule, callee('Email sender', {}, [], { readOnly: true }))).toEqual([]);
      expect(checkRule(rule, callee('Email sender', {}))).toHaveLength(1);
    });

    it('with flows, reports side work before the response of a flow a user waits for, and not work after it', () => {
      const design = sketch({
        id: 'd',
        title: 'Signup',
        nodes: {
          web: ['web-client', 'Web'],
          gw: ['api-gateway', 'Gateway'],
          signup: ['service', 'Signup'],
          queue: ['message-queue', 'Welcome queue'],
          worker: ['worker', 'Welcome worker'],
          email: ['service', 'Email sender'],
        },
        // e1 web>gw, e2 gw>signup, e3 signup>queue, e4 queue>worker, e5 worker>email, e6 signup>email
        links: [['web', 'gw'], ['gw', 'signup'], ['signup', 'queue'], ['queue', 'worker', { deadLetterQueue: true }], ['worker', 'email'], ['signup', 'email']],
      });
      expect(checkRule(rule, withFlows(design, { 'Sign up': ['e1', 'e2', 'e3', 'e4', 'e5'] }))).toEqual([]);
      expect(checkRule(rule, withFlows(design, { 'Sign up': ['e1', 'e2', 'e6'] })).map((f) => f.message)).toEqual([
        'In “Sign up”, Signup calls Email sender synchronously while the user waits; that work could happen after the response.',
      ]);
    });
  });
});
