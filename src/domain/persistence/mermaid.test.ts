import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryDesign } from '../../testing/arbitraries.ts';
import { designOf } from '../../testing/designs.ts';
import { mermaidText, toMermaid } from './mermaid.ts';

describe('Mermaid export', () => {
  it('writes a flowchart with one shape per component and a labelled arrow per connection, by family', () => {
    const design = designOf({ web: 'web-client', api: 'service', q: 'message-queue', db: 'relational-database' }, [['web', 'api'], ['api', 'q'], ['api', 'db']]);
    const text = toMermaid(design);
    expect(text).toContain('flowchart LR');
    expect(text).toMatch(/n1\(\["web<br\/><small>Web client<\/small>"\]\)/);
    expect(text).toMatch(/n4\[\("db<br\/><small>Relational database<\/small>"\)\]/);
    expect(text).toContain('n1 -->|"HTTP, no timeout"| n2');
    expect(text).toMatch(/n2 -\.->\|"at-least-once"\| n3/);
    expect(text).toMatch(/n2 ==>\|"reads and writes"\| n4/);
  });

  it('puts grouped components in a subgraph', () => {
    const design = designOf({ a: 'service', b: 'service' });
    const grouped = {
      ...design,
      groups: [{ id: 'g', name: 'Billing', type: 'team' as const, position: { x: 0, y: 0 }, size: { width: 400, height: 300 }, notes: '' }],
      nodes: design.nodes.map((n) => (n.id === 'a' ? { ...n, groupId: 'g' } : n)),
    };
    expect(toMermaid(grouped)).toMatch(/subgraph g1\["Billing"\]\n {4}n1\[[^\n]+\n {2}end/);
  });

  it('escapes quotes, markup and line breaks in any user text', () => {
    expect(mermaidText('a "b" <script>x</script>\n|c|')).toBe('a #quot;b#quot; #lt;script#gt;x#lt;/script#gt; #124;c#124;');
    fc.assert(
      fc.property(arbitraryDesign({ maxNodes: 10 }), (design) => {
        const body = toMermaid(design).split('\n').filter((l) => !l.trimStart().startsWith('%%'));
        for (const line of body) {
          // Quotes only open and close labels; no raw markup from names survives.
          expect((line.match(/"/g) ?? []).length % 2).toBe(0);
          expect(line.replace(/<br\/>|<\/?small>/g, '')).not.toMatch(/[<>](?![|\])])/);
        }
      }),
      { numRuns: 100 },
    );
  });
});
