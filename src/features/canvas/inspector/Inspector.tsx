import { Copy, Group, Trash2, Ungroup } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import { GROUP_TYPES, type GroupType } from '../../../domain/diagram/schema.ts';
import { useEditorStore } from '../../../stores/editor/editor-store.ts';
import { elementById } from '../../../stores/editor/element-index.ts';
import { EdgeInspector } from './EdgeInspector.tsx';
import { BUTTON, DANGER_BUTTON, Section, SelectField, TextField } from './fields.tsx';
import { NodeInspector } from './NodeInspector.tsx';
import { plural } from '../../../components/ui/plural.ts';

const GROUP_TYPE_LABEL: Record<GroupType, string> = { 'bounded-context': 'Bounded context', team: 'Team', region: 'Region', other: 'Other boundary' };

function DesignSummary() {
  const { title, nodeCount, edgeCount } = useEditorStore(
    useShallow((s) => ({ title: s.design.title, nodeCount: s.design.nodes.length, edgeCount: s.design.edges.length })),
  );
  const setTitle = useEditorStore((s) => s.setTitle);
  return (
    <>
      <Section title="Design">
        <TextField label="Title" value={title} required max={120} onCommit={setTitle} commitKey="design:title" />
        <p className="text-sm text-slate-600 dark:text-slate-300">
          {plural(nodeCount, 'component')}, {plural(edgeCount, 'connection')}
        </p>
      </Section>
      <Section title="Getting started">
        <ul className="list-disc space-y-1.5 pl-4 text-sm text-slate-600 dark:text-slate-300">
          <li>Drag a component from the palette, or click it (Enter) to add it in the middle of the view.</li>
          <li>Connect two components by dragging from the dot on one edge of a box to another box, or with “Connect to” here.</li>
          <li>Select something to edit its properties here. Shift-click or drag a box to select several.</li>
          <li>
            Press <kbd className="rounded border px-1">?</kbd> for every keyboard shortcut; the Legend button explains the line styles.
          </li>
        </ul>
      </Section>
    </>
  );
}

function MultiInspector({ count }: { count: number }) {
  const store = useEditorStore.getState();
  return (
    <Section title={`${count} elements selected`}>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={BUTTON} onClick={() => store.groupSelection()}>
          <Group aria-hidden className="size-4" />
          Group into boundary
        </button>
        <button type="button" className={BUTTON} onClick={() => store.duplicateSelection()}>
          <Copy aria-hidden className="size-4" />
          Duplicate
        </button>
        <button type="button" className={DANGER_BUTTON} onClick={() => store.deleteSelection()}>
          <Trash2 aria-hidden className="size-4" />
          Delete
        </button>
      </div>
    </Section>
  );
}

export function Inspector() {
  const selection = useEditorStore((s) => s.selection);
  const onlyId = selection.size === 1 ? [...selection][0] : undefined;
  // Looked up by index: these selectors run on every store change, a keystroke's included.
  const element = useEditorStore(
    useShallow((s) => {
      if (onlyId === undefined) return { node: undefined, edge: undefined, group: undefined, note: undefined };
      return {
        node: elementById(s.design.nodes, onlyId),
        edge: elementById(s.design.edges, onlyId),
        group: elementById(s.design.groups, onlyId),
        note: elementById(s.design.notes, onlyId),
      };
    }),
  );
  const endpoints = useEditorStore(
    useShallow((s) => ({
      source: element.edge ? elementById(s.design.nodes, element.edge.source) : undefined,
      target: element.edge ? elementById(s.design.nodes, element.edge.target) : undefined,
    })),
  );
  const store = useEditorStore.getState();

  if (selection.size > 1) return <MultiInspector count={selection.size} />;
  if (element.node) return <NodeInspector key={element.node.id} node={element.node} />;
  if (element.edge && endpoints.source && endpoints.target)
    return <EdgeInspector key={element.edge.id} edge={element.edge} source={endpoints.source} target={endpoints.target} />;
  if (element.group) {
    const group = element.group;
    return (
      <Section title="Boundary">
        <TextField label="Name" value={group.name} required onCommit={(name) => store.updateGroup(group.id, { name })} commitKey={`${group.id}:name`} />
        <SelectField<GroupType>
          label="Type"
          value={group.type}
          options={GROUP_TYPES.map((t) => ({ value: t, label: GROUP_TYPE_LABEL[t] }))}
          onChange={(type) => store.updateGroup(group.id, { type })}
        />
        <TextField label="Notes" value={group.notes} multiline max={4000} onCommit={(notes) => store.updateGroup(group.id, { notes })} commitKey={`${group.id}:notes`} />
        <div className="flex flex-wrap gap-2">
          <button type="button" className={BUTTON} onClick={() => store.ungroupElement(group.id)}>
            <Ungroup aria-hidden className="size-4" />
            Ungroup
          </button>
          <button type="button" className={DANGER_BUTTON} onClick={() => store.deleteSelection()}>
            <Trash2 aria-hidden className="size-4" />
            Delete boundary
          </button>
        </div>
        <p className="text-xs text-slate-500 dark:text-slate-400">Deleting or ungrouping a boundary keeps the components inside it.</p>
      </Section>
    );
  }
  if (element.note) {
    const note = element.note;
    return (
      <Section title="Note">
        <TextField label="Text" value={note.text} multiline max={4000} onCommit={(text) => store.updateNote(note.id, { text })} commitKey={`${note.id}:text`} />
        <button type="button" className={DANGER_BUTTON} onClick={() => store.deleteSelection()}>
          <Trash2 aria-hidden className="size-4" />
          Delete note
        </button>
      </Section>
    );
  }
  return <DesignSummary />;
}
