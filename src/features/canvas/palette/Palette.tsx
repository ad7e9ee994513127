import { SearchField } from '../../../components/ui/SearchField.tsx';
import { useId, useMemo, useState, type DragEvent } from 'react';
import { CATEGORIES, getKind, searchKinds, type ComponentKind, type KindId } from '../../../domain/diagram/catalog.ts';
import { useEditorStore } from '../../../stores/editor/editor-store.ts';
import { focusCanvasElement, useViewCenter } from '../canvas-context.tsx';
import { KIND_DRAG_TYPE } from '../flow/DesignCanvas.tsx';
import { CATEGORY_TILE, FallbackIcon, ICONS } from '../kind-visuals.ts';

export const PALETTE_SEARCH_ID = 'palette-search';

function PaletteItem({ kind, onAdd }: { kind: ComponentKind; onAdd(kind: KindId): void }) {
  const Icon = ICONS[kind.icon] ?? FallbackIcon;
  const onDragStart = (event: DragEvent) => {
    event.dataTransfer.setData(KIND_DRAG_TYPE, kind.id);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <li>
      <button
        type="button"
        draggable
        onDragStart={onDragStart}
        onClick={() => onAdd(kind.id as KindId)}
        aria-label={`Add ${kind.label}`}
        title={`${kind.description} — click or press Enter to add; drag onto the canvas to place.`}
        className="flex w-full items-center gap-2.5 rounded-md px-2 py-1.5 text-left hover:bg-slate-100 dark:hover:bg-slate-800"
      >
        <span className={`flex size-7 shrink-0 items-center justify-center rounded ${CATEGORY_TILE[kind.category]}`}>
          <Icon aria-hidden className="size-4" />
        </span>
        <span className="min-w-0">
          <span className="block truncate text-sm font-medium">{kind.label}</span>
          {/* Drawn by CSS, so the button's visible text is its label alone (WCAG 2.5.3); the title describes it. */}
          <span data-description={kind.description} className="block truncate text-xs text-slate-500 after:content-[attr(data-description)] dark:text-slate-400" />
        </span>
      </button>
    </li>
  );
}

/** The component palette; `onDone` runs once a component is added or the search is left (a drawer closes). */
export function Palette({ onDone }: { onDone?(): void }) {
  const [query, setQuery] = useState('');
  const results = useMemo(() => searchKinds(query), [query]);
  const viewCenter = useViewCenter();
  const headingPrefix = useId();

  const add = (kind: KindId) => {
    const store = useEditorStore.getState();
    const id = store.addNode(kind, viewCenter());
    store.announce(`Added ${getKind(kind).label}. It is selected: edit it in the inspector, or press C to connect it.`, 'success');
    onDone?.();
    // The keyboard goes on from the new component: arrows move it, C connects it.
    focusCanvasElement(id);
  };

  return (
    <div className="flex h-full flex-col">
      <div className="border-b border-slate-200 p-2 dark:border-slate-800">
        <SearchField
          id={PALETTE_SEARCH_ID}
          label="Search components"
          value={query}
          onChange={setQuery}
          onKeyDown={(e) => {
            const first = results[0];
            if (e.key === 'Enter' && first) {
              e.preventDefault();
              add(first.id as KindId);
            } else if (e.key === 'Escape') {
              // Leave the search for the canvas: the selected component, else the first one.
              e.preventDefault();
              setQuery('');
              const store = useEditorStore.getState();
              const target = store.design.nodes.find((n) => store.selection.has(n.id)) ?? store.design.nodes[0];
              if (target) focusCanvasElement(target.id);
              else (e.target as HTMLElement).blur();
              onDone?.();
            }
          }}
          placeholder="Search components (/)"
        />
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto p-2">
        {results.length === 0 && <p className="px-2 py-4 text-sm text-slate-500">No component matches “{query}”.</p>}
        {query.trim() ? (
          <section aria-label="Matching components">
            <p className="px-2 pb-1 text-xs text-slate-500 dark:text-slate-400" aria-live="polite">
              {results.length} match{results.length === 1 ? '' : 'es'}
              {results[0] ? ` — Enter adds ${results[0].label}` : ''}
            </p>
            <ul>
              {results.map((kind) => (
                <PaletteItem key={kind.id} kind={kind} onAdd={add} />
              ))}
            </ul>
          </section>
        ) : (
          CATEGORIES.map((category) => {
            const kinds = results.filter((k) => k.category === category.id);
            const headingId = `${headingPrefix}-${category.id}`;
            return (
              <section key={category.id} aria-labelledby={headingId} className="mb-3">
                <h3 id={headingId} className="px-2 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
                  {category.label}
                </h3>
                <ul>
                  {kinds.map((kind) => (
                    <PaletteItem key={kind.id} kind={kind} onAdd={add} />
                  ))}
                </ul>
              </section>
            );
          })
        )}
      </div>
    </div>
  );
}
