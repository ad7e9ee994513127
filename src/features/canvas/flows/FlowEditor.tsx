/**
 * Making and editing a flow: its name, rate at peak and operation, and its
 * steps, one connection at a time. Only connections that start where the
 * flow has already been are offered, so a flow is valid at every moment;
 * each change is one undo step.
 */
import { ArrowLeft, Play, Plus, Trash2, Undo2 } from 'lucide-react';
import { useEffect, useId, useMemo, useState } from 'react';
import { addFlow, addStep, nextStepCandidates, removeFlow, removeLastStep, updateFlow, updateStep } from '../../../domain/diagram/flow-edits.ts';
import { describeStep } from '../../../domain/diagram/flow-words.ts';
import type { ResolvedStep } from '../../../domain/diagram/flows.ts';
import { useEditorStore } from '../../../stores/editor/editor-store.ts';
import { CheckboxField, IntegerField, SelectField, TextField } from '../inspector/fields.tsx';
import { connectionAsStep, formatRate, PANEL_BUTTON, PRIMARY_BUTTON } from './flow-text.ts';
import { applyToDesign } from './apply-edit.ts';
import { resolverFor, type FlowsModel } from './use-flows.ts';
import { useWalkStore } from './walk-store.ts';

const SELECT =
  'w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900';

function OperationField({ model, value, onChange }: { model: FlowsModel; value: string; onChange(value: string): void }) {
  if (!model.problem || model.problem.operations.length === 0) return null;
  const ops = model.problem.operations;
  return (
    <SelectField<string>
      label="Serves the operation"
      value={value}
      options={[{ value: '', label: 'None of the brief’s operations' }, ...ops.map((o) => ({ value: o.id, label: `${o.name} (${formatRate(o.rateRps)} at peak)` }))]}
      onChange={onChange}
      hint="The grader judges this operation on this flow."
    />
  );
}

/** The first connection and a name: a flow has at least one step, so it is made with one. */
export function NewFlowForm({ model, onCreated, onCancel }: { model: FlowsModel; onCreated(id: string): void; onCancel(): void }) {
  const unserved = model.problem?.operations.find((o) => !model.design.flows.some((f) => f.operation === o.id));
  const [name, setName] = useState(unserved?.name ?? 'New flow');
  const [operation, setOperation] = useState(unserved?.id ?? '');
  const candidates = useMemo(() => nextStepCandidates(model.design, []), [model.design]);
  const [first, setFirst] = useState(candidates[0]?.id ?? '');
  const nameId = useId();
  const firstId = useId();
  const create = () => {
    let id: string | null = null;
    applyToDesign((design) => {
      const made = addFlow(design, { name, firstEdge: first, operation: operation || undefined });
      id = made?.id ?? null;
      return made?.design ?? design;
    });
    if (id) {
      useEditorStore.getState().announce(`Made the flow “${name.trim()}”. Add its next steps.`, 'success');
      onCreated(id);
    }
  };
  return (
    <form
      aria-label="New flow"
      className="space-y-3 p-3 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        create();
      }}
    >
      <h2 className="font-semibold">New flow</h2>
      <div className="space-y-1">
        <label htmlFor={nameId} className="block text-xs font-medium text-slate-600 dark:text-slate-300">
          Name
        </label>
        <input id={nameId} value={name} maxLength={80} onChange={(e) => setName(e.target.value)} className={SELECT} required />
      </div>
      <OperationField model={model} value={operation} onChange={(id) => {
        setOperation(id);
        const op = model.problem?.operations.find((o) => o.id === id);
        if (op) setName(op.name);
      }} />
      <div className="space-y-1">
        <label htmlFor={firstId} className="block text-xs font-medium text-slate-600 dark:text-slate-300">
          First step
        </label>
        <select id={firstId} value={first} onChange={(e) => setFirst(e.target.value)} className={SELECT} aria-describedby={`${firstId}-hint`}>
          {candidates.map((edge) => (
            <option key={edge.id} value={edge.id}>
              {connectionAsStep(edge, model.names)}
            </option>
          ))}
        </select>
        <p id={`${firstId}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
          Where the request enters, usually from a client. Connections from components nothing calls come first.
        </p>
      </div>
      <div className="flex gap-2">
        <button type="submit" className={PRIMARY_BUTTON} disabled={!name.trim() || !first}>
          Create flow
        </button>
        <button type="button" className={PANEL_BUTTON} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function StepOptions({ flowId, step }: { flowId: string; step: ResolvedStep }) {
  const n = step.index + 1;
  const set = (patch: Parameters<typeof updateStep>[3]) => applyToDesign((design) => updateStep(design, flowId, step.index, patch));
  const marks = [step.step.when === 'on-miss' ? 'on a miss' : '', step.step.parallel ? 'at the same time' : '', step.step.share < 1 ? `${Math.round(step.step.share * 100)}%` : '']
    .filter(Boolean)
    .join(', ');
  return (
    <details className="mt-0.5 text-xs">
      <summary className="cursor-pointer text-blue-800 underline dark:text-blue-300">
        Step {n} options{marks ? ` (${marks})` : ''}
      </summary>
      <div className="mt-1 space-y-2 rounded-md bg-slate-50 p-2 dark:bg-slate-800/60">
        <CheckboxField
          label={`Step ${n} only on a cache miss`}
          checked={step.step.when === 'on-miss'}
          onChange={(on) => set({ when: on ? 'on-miss' : 'always' })}
          hint="Taken only when the cache read just before it, from the same component, missed."
        />
        <CheckboxField
          label={`Step ${n} at the same time as the one before`}
          checked={step.step.parallel}
          onChange={(parallel) => set({ parallel })}
          hint="Made in parallel with the previous step from the same component, not after it."
        />
        <IntegerField
          label={`Share of requests taking step ${n}`}
          unit="%"
          value={Math.round(step.step.share * 100)}
          min={1}
          max={100}
          onCommit={(v) => v !== null && set({ share: v / 100 })}
          commitKey={`flow:${flowId}:${step.index}:share`}
        />
      </div>
    </details>
  );
}

export function FlowEditor({ flowId, model, onClose, onDone }: { flowId: string; model: FlowsModel; onClose(): void; onDone?: (() => void) | undefined }) {
  const flow = model.design.flows.find((f) => f.id === flowId)!;
  const resolved = useMemo(() => resolverFor(model.design)(flow), [model.design, flow]);
  const candidates = useMemo(() => nextStepCandidates(model.design, flow.steps), [model.design, flow.steps]);
  const [chosen, setChosen] = useState('');
  const next = candidates.find((e) => e.id === chosen) ?? candidates[0];
  const start = useWalkStore((s) => s.start);
  const walk = useWalkStore((s) => s.walk);
  const walkStep = useWalkStore((s) => s.step);
  const nextId = useId();
  const op = model.problem?.operations.find((o) => o.id === flow.operation);
  const announce = useEditorStore.getState().announce;
  const walking = walk?.source === 'drawn' && walk.flowId === flowId;
  // The canvas shows the flow being edited, and the inspector offers a selected connection as its next step.
  const setEditing = useWalkStore((s) => s.setEditing);
  useEffect(() => {
    setEditing(flowId);
    return () => setEditing(null);
  }, [flowId, setEditing]);

  const add = () => {
    if (!next) return;
    if (applyToDesign((design) => addStep(design, flowId, next.id))) {
      announce(`Step ${flow.steps.length + 1}: ${connectionAsStep(next, model.names)}.`, 'success');
      setChosen('');
    }
  };
  const removeLast = () => {
    if (applyToDesign((design) => removeLastStep(design, flowId))) announce(`Removed step ${flow.steps.length} of “${flow.name}”.`);
  };
  const remove = () => {
    if (applyToDesign((design) => removeFlow(design, flowId))) {
      announce(`Deleted the flow “${flow.name}”. Ctrl+Z brings it back.`);
      onClose();
    }
  };

  return (
    <section aria-label={`Edit flow ${flow.name}`} className="space-y-3 p-3 text-sm">
      <button type="button" className="inline-flex items-center gap-1 text-xs text-blue-800 underline dark:text-blue-300" onClick={onClose}>
        <ArrowLeft aria-hidden className="size-3.5" />
        All flows
      </button>
      <h2 className="font-semibold">Edit flow</h2>
      <TextField label="Flow name" value={flow.name} required max={80} onCommit={(name) => applyToDesign((d) => updateFlow(d, flowId, { name }))} commitKey={`flow:${flowId}:name`} />
      <OperationField model={model} value={flow.operation ?? ''} onChange={(id) => applyToDesign((d) => updateFlow(d, flowId, { operation: id || null }))} />
      <IntegerField
        label="Rate at peak"
        unit="requests/s"
        value={flow.rateRps === undefined ? null : Math.round(flow.rateRps)}
        min={1}
        max={10_000_000}
        allowEmpty
        placeholder={op ? String(op.rateRps) : ''}
        hint={op ? `Empty: the brief’s ${formatRate(op.rateRps)}.` : 'Empty: the simulator’s default.'}
        onCommit={(v) => applyToDesign((d) => updateFlow(d, flowId, { rateRps: v }))}
        commitKey={`flow:${flowId}:rate`}
      />

      <TextField
        label="Notes"
        value={flow.notes}
        multiline
        max={4000}
        onCommit={(notes) => applyToDesign((d) => updateFlow(d, flowId, { notes }))}
        commitKey={`flow:${flowId}:notes`}
        placeholder="e.g. what the client sees, what may fail"
      />

      <div>
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Steps</h3>
        <ol aria-label={`Steps of ${flow.name}`} className="mt-1 space-y-1.5">
          {resolved?.steps.map((step) => (
            <li
              key={`${step.edge.id}-${step.index}`}
              aria-current={walking && Math.min(walkStep, flow.steps.length - 1) === step.index ? 'step' : undefined}
              className="rounded-md border border-slate-200 px-2 py-1 aria-[current=step]:border-blue-600 dark:border-slate-700 dark:aria-[current=step]:border-blue-400"
            >
              <p className="text-xs">
                <span className="font-semibold tabular-nums">{step.index + 1}.</span> {describeStep(step, model.names)}
                {step.afterResponse ? (
                  <span className="ml-1 rounded border border-violet-700 px-1 text-[10px] font-semibold text-violet-900 dark:border-violet-400 dark:text-violet-200">after the response</span>
                ) : null}
              </p>
              {step.index > 0 && <StepOptions flowId={flowId} step={step} />}
            </li>
          ))}
        </ol>
      </div>

      <div className="space-y-1">
        <label htmlFor={nextId} className="block text-xs font-medium text-slate-600 dark:text-slate-300">
          Next step
        </label>
        {next ? (
          <>
            <div className="flex gap-1">
              <select
                id={nextId}
                value={next.id}
                onChange={(e) => setChosen(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    add();
                  }
                }}
                className={SELECT}
                aria-describedby={`${nextId}-hint`}
              >
                {candidates.map((edge) => (
                  <option key={edge.id} value={edge.id}>
                    {connectionAsStep(edge, model.names)}
                  </option>
                ))}
              </select>
              <button type="button" className={`${PANEL_BUTTON} shrink-0 whitespace-nowrap`} onClick={add}>
                <Plus aria-hidden className="size-3.5" />
                Add step
              </button>
            </div>
            <p id={`${nextId}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
              Only connections leaving a component this flow has reached. Enter adds.
            </p>
          </>
        ) : (
          <p id={nextId} className="text-xs text-slate-600 dark:text-slate-300">
            No connection leaves the components this flow has reached that it does not already cross.
          </p>
        )}
      </div>

      <div className="flex flex-wrap gap-1.5">
        <button type="button" className={PANEL_BUTTON} onClick={removeLast} disabled={flow.steps.length <= 1} title={flow.steps.length <= 1 ? 'A flow keeps at least one step; delete the flow instead.' : undefined}>
          <Undo2 aria-hidden className="size-3.5" />
          Remove last step
        </button>
        <button
          type="button"
          className={PANEL_BUTTON}
          onClick={() => {
            start({ source: 'drawn', flowId });
            onDone?.();
          }}
          aria-label={`Step through ${flow.name}`}
        >
          <Play aria-hidden className="size-3.5" />
          Step through
        </button>
        <button type="button" className={PANEL_BUTTON} onClick={remove} aria-label={`Delete flow ${flow.name}`}>
          <Trash2 aria-hidden className="size-3.5" />
          Delete flow
        </button>
      </div>
    </section>
  );
}
