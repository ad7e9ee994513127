import { describe, expect, it } from 'vitest';
import { allQuickFixProblems, checkRule } from '../rule-harness.ts';
import { sketch } from '../sketch.ts';
import { sharedDatabase as rule } from './shared-database.ts';

const two = (links: Parameters<typeof sketch>[0]['links'], extra: Parameters<typeof sketch>[0]['nodes'] = {}) =>
  sketch({
    id: 'd',
    title: 'Shared database test',
    nodes: { orders: ['service', 'Orders'], billing: ['service', 'Billing'], db: ['relational-database', 'Main DB'], ...extra },
    links,
  });

describe('shared-database', () => {
  it('flags its failing example as an error and not its passing one', () => {
    const [finding, ...rest] = checkRule(rule, rule.examples.failing);
    expect(rest).toEqual([]);
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toBe('Orders and Billing both write to Main DB.');
    expect(checkRule(rule, rule.examples.passing)).toEqual([]);
  });

  it('treats two logical databases on one server as separate, and one logical database as shared', () => {
    expect(checkRule(rule, two([['orders', 'db', { database: 'orders' }], ['billing', 'db', { database: 'billing' }]]))).toEqual([]);
    const shared = checkRule(rule, two([['orders', 'db', { database: 'sales' }], ['billing', 'db', { database: 'sales' }]]));
    expect(shared.map((f) => f.message)).toEqual(['Orders and Billing both write to the "sales" database on Main DB.']);
  });

  it('is a warning with one writer and readers, and info with readers only', () => {
    const oneWriter = checkRule(rule, two([['orders', 'db'], ['billing', 'db', { access: 'read' }]]));
    expect(oneWriter.map((f) => [f.severity, f.message])).toEqual([['warning', 'Orders writes to Main DB, and Billing reads it directly.']]);
    const readers = checkRule(rule, two([['orders', 'db', { access: 'read' }], ['billing', 'db', { access: 'read' }]]));
    expect(readers.map((f) => f.severity)).toEqual(['info']);
  });

  it('counts a read replica as part of its primary’s owner', () => {
    const own = two([['orders', 'db'], ['db', 'replica'], ['orders', 'replica', { access: 'read' }]], { replica: ['read-replica', 'Replica'] });
    expect(checkRule(rule, own)).toEqual([]);
    const foreign = two([['orders', 'db'], ['db', 'replica'], ['billing', 'replica', { access: 'read' }]], { replica: ['read-replica', 'Replica'] });
    const [finding] = checkRule(rule, foreign);
    expect(finding?.severity).toBe('warning');
    expect(finding?.elementIds).toEqual(expect.arrayContaining(['db', 'replica', 'orders', 'billing']));
  });

  it('accepts a service’s own cache and its own worker (same owner), but not a cache two services share', () => {
    const design = sketch({
      id: 'd',
      title: 'Own cache and worker',
      nodes: {
        orders: ['service', 'Orders', { owner: 'orders-team' }],
        worker: ['worker', 'Order worker', { owner: 'Orders-Team ' }],
        db: ['relational-database', 'Orders DB'],
        cache: ['cache', 'Orders cache'],
      },
      links: [['orders', 'db'], ['worker', 'db'], ['orders', 'cache']],
    });
    expect(checkRule(rule, design)).toEqual([]);
    const sharedCache = two([['orders', 'cache'], ['billing', 'cache']], { cache: ['cache', 'Session cache'] });
    expect(checkRule(rule, sharedCache).map((f) => f.message)).toEqual(['Orders and Billing both write to Session cache.']);
  });

  it('leaves data warehouses alone', () => {
    expect(checkRule(rule, two([['orders', 'dw'], ['billing', 'dw']], { dw: ['data-warehouse', 'Warehouse'] }))).toEqual([]);
  });

  it('has no quick fixes that misbehave', () => {
    expect(allQuickFixProblems(rule, rule.examples.failing)).toEqual([]);
  });
});
