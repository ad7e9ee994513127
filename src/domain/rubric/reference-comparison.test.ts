import { describe, expect, it } from 'vitest';
import { sketch } from '../rules/sketch.ts';
import { compareWithReference } from './reference-comparison.ts';
import type { Capability } from './problem.ts';

const capabilities: Capability[] = [
  { id: 'redirect', label: 'Redirect', synonyms: ['redirects'], kinds: [] },
  { id: 'link-store', label: 'Link storage', synonyms: ['links'], kinds: [] },
];

const reference = sketch({
  id: 'ref',
  title: 'Reference',
  nodes: {
    web: ['web-client', 'Browser'],
    redirect: ['service', 'Redirect service', { responsibilities: ['redirect'] }],
    cache: ['cache', 'Link cache'],
    links: ['relational-database', 'Links DB', { responsibilities: ['link-store'] }],
  },
  links: [['web', 'redirect'], ['redirect', 'cache'], ['redirect', 'links']],
});

describe('comparing a design with the reference', () => {
  it('names what the reference has that yours lacks: a component by its kind, a connection by your own names', () => {
    const mine = sketch({
      id: 'mine',
      title: 'Mine',
      nodes: { app: ['mobile-client', 'App'], svc: ['service', 'Redirects'], store: ['document-store', 'Link storage'] },
      links: [['app', 'svc']],
    });
    const result = compareWithReference(mine, reference, capabilities);
    // The service doing the redirect job pairs with the reference's; a document store holding links stands in for the database.
    expect(result.pairs.get('redirect')?.name).toBe('Redirects');
    expect(result.pairs.get('links')?.name).toBe('Link storage');
    expect(result.substitutes.map((s) => [s.reference.name, s.yours.name])).toEqual([['Links DB', 'Link storage']]);
    // No web client (a mobile client is another kind with no shared job), and no cache.
    expect(result.missingComponents.map((m) => m.node.name)).toEqual(['Browser', 'Link cache']);
    expect(result.missingComponents[1]!.connectedTo).toEqual(['Redirects']);
    // Redirects -> Link storage is drawn in the reference between the paired components, not in yours.
    expect(result.missingConnections.map((c) => `${c.from.name} -> ${c.to.name}`)).toEqual(['Redirects -> Link storage']);
  });

  it('finds nothing missing in the reference itself, and everything missing in an empty design', () => {
    expect(compareWithReference(reference, reference, capabilities)).toMatchObject({ missingComponents: [], missingConnections: [], substitutes: [] });
    const empty = { ...reference, nodes: [], edges: [] };
    const result = compareWithReference(empty, reference, capabilities);
    expect(result.missingComponents).toHaveLength(4);
    expect(result.missingConnections).toEqual([]);
  });
});
