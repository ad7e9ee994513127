import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, COMPONENT_KINDS, KIND_IDS, searchKinds } from './catalog.ts';
import { allowedFamilies, asyncMode, checkConnection, defaultFamily } from './connections.ts';

describe('component catalog', () => {
  it('offers at least 30 kinds with unique ids, each in a known category with every field filled', () => {
    expect(COMPONENT_KINDS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(KIND_IDS).size).toBe(KIND_IDS.length);
    const categories = new Set(CATEGORIES.map((c) => c.id));
    for (const kind of COMPONENT_KINDS) {
      expect(categories.has(kind.category)).toBe(true);
      expect(kind.label.length).toBeGreaterThan(0);
      expect(kind.description.length).toBeGreaterThan(10);
      expect(kind.glossaryTerm).toMatch(/^[a-z0-9-]+$/);
      expect(kind.defaults.instances).toBeGreaterThanOrEqual(1);
    }
    for (const category of categories) {
      expect(COMPONENT_KINDS.some((k) => k.category === category)).toBe(true);
    }
  });

  it('finds kinds by keyword as well as label', () => {
    expect(searchKinds('kafka')[0]?.id).toBe('event-stream');
    expect(searchKinds('service')[0]?.id).toBe('service');
    expect(searchKinds('postgres')[0]?.id).toBe('relational-database');
    expect(searchKinds('gateway')[0]?.id).toBe('api-gateway');
    expect(searchKinds('REDIS').map((k) => k.id)).toEqual(['cache']);
    expect(searchKinds('  ').length).toBe(COMPONENT_KINDS.length);
    expect(searchKinds('no such thing')).toEqual([]);
  });
});

describe('connection rules', () => {
  it('defaults the edge family from the endpoints', () => {
    expect(defaultFamily('service', 'relational-database')).toBe('data');
    expect(defaultFamily('service', 'message-queue')).toBe('async');
    expect(defaultFamily('message-queue', 'worker')).toBe('async');
    expect(defaultFamily('api-gateway', 'service')).toBe('sync');
    expect(defaultFamily('service', 'service')).toBe('sync');
    expect(asyncMode('service', 'message-queue')).toBe('publish');
    expect(asyncMode('message-queue', 'worker')).toBe('consume');
  });

  it('lets learners draw the bad designs the rules teach about', () => {
    expect(checkConnection('service', 'relational-database', 'data').ok).toBe(true);
    expect(checkConnection('web-client', 'service', 'sync').ok).toBe(true);
    expect(checkConnection('web-client', 'relational-database', 'data').ok).toBe(true);
    expect(checkConnection('service', 'service', 'async').ok).toBe(true);
  });

  it('refuses nonsense with a reason', () => {
    const verdict = checkConnection('relational-database', 'web-client', null);
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.reason).toMatch(/nothing calls a client/);
    expect(checkConnection('service', 'service', 'sync', true).ok).toBe(false);
    const wrongFamily = checkConnection('service', 'relational-database', 'sync');
    expect(!wrongFamily.ok && wrongFamily.reason).toMatch(/can only be data access/);
  });

  it('never calls into a client and keeps the default among the allowed families', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KIND_IDS), fc.constantFrom(...KIND_IDS), (a, b) => {
        const families = allowedFamilies(a, b);
        if (b === 'web-client' || b === 'mobile-client') expect(families).toEqual([]);
        const first = defaultFamily(a, b);
        expect(first === null ? families.length === 0 : families.includes(first)).toBe(true);
      }),
    );
  });
});
