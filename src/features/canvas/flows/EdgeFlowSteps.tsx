/**
 * In the inspector of a connection: which flows cross it, at which step,
 * and, while a flow is open in the Flows tab's editor, whether this
 * connection can be its next step (and adds it in one click) or why not.
 */
import { Plus } from 'lucide-react';
import { useMemo } from 'react';
import { addStep, nextStepCandidates, reachedBy } from '../../../domain/diagram/flow-edits.ts';
import type { DesignEdge } from '../../../domain/diagram/schema.ts';
import { useEditorStore } from '../../../stores/editor/editor-store.ts';
import { useStructuralDesign } from '../../../stores/editor/structural-design.ts';
import { Section } from '../inspector/fields.tsx';
import { applyToDesign } from './apply-edit.ts';
import { PANEL_BUTTON } from './flow-text.ts';
import { useWalkStore } from './walk-store.ts';

export function EdgeFlowSteps({ edge }: { edge: DesignEdge }) {
  const design = useStructuralDesign();
  const editingId = useWalkStore((s) => s.editing);
  const crossing = useMemo(
    () => design.flows.flatMap((f) => f.steps.flatMap((s, i) => (s.edge === edge.id ? [{ flow: f, step: i + 1 }] : []))),
    [design, edge.id],
  );
  const editing = editingId ? design.flows.find((f) => f.id === editingId) : undefined;
  const canCome = useMemo(() => (editing ? nextStepCandidates(design, editing.steps).some((e) => e.id === edge.id) : false), [design, editing, edge.id]);
  if (crossing.length === 0 && !editing) return null;
  const name = (id: string) => design.nodes.find((n) => n.id === id)?.name ?? id;
  const add = () => {
    if (!editing) return;
    if (applyToDesign((d) => addStep(d, editing.id, edge.id))) {
      useEditorStore.getState().announce(`Added as step ${editing.steps.length + 1} of “${editing.name}”.`, 'success');
    }
  };
  const inEditing = editing ? crossing.some((c) => c.flow.id === editing.id) : false;
  let why = '';
  if (editing && !canCome && !inEditing) {
    const reached = reachedBy(editing.steps, new Map(design.edges.map((e) => [e.id, e])));
    why = reached.has(edge.source) ? '' : `It cannot come next in “${editing.name}”: it starts at ${name(edge.source)}, which the flow has not reached.`;
  }
  return (
    <Section title="Flows">
      {crossing.length > 0 ? (
        <ul className="space-y-0.5 text-sm" aria-label="Flows crossing this connection">
          {crossing.map((c) => (
            <li key={`${c.flow.id}-${c.step}`}>
              Step {c.step} of “{c.flow.name}”
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-300">No flow crosses this connection.</p>
      )}
      {editing && canCome && (
        <button type="button" className={PANEL_BUTTON} onClick={add}>
          <Plus aria-hidden className="size-3.5" />
          Add as step {editing.steps.length + 1} of “{editing.name}”
        </button>
      )}
      {why && <p className="text-xs text-slate-600 dark:text-slate-300">{why}</p>}
    </Section>
  );
}
