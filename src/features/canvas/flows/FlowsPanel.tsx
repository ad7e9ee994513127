/**
 * The Flows tab: in a problem, whether the design serves each operation of
 * the brief and how; the design's own flows; and the flows Skyline proposes
 * from its entry points, which "Keep" makes the design's own. Each can be
 * stepped through on the canvas. Everything here edits the design through
 * the editor store, so it is saved with it and undone with Ctrl+Z.
 */
import { Check, CircleX, Pencil, Play, Plus, Trash2 } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { keepFlow, removeFlow, sameSteps } from '../../../domain/diagram/flow-edits.ts';
import { describeFlow, describeStep } from '../../../domain/diagram/flow-words.ts';
import type { ResolvedFlow } from '../../../domain/diagram/flows.ts';
import type { Flow } from '../../../domain/diagram/schema.ts';
import { applyToDesign } from './apply-edit.ts';
import type { OperationFlow } from '../../../domain/rubric/operations.ts';
import { useEditorStore } from '../../../stores/editor/editor-store.ts';
import { usePanelStore } from '../../../stores/panel-store.ts';
import { plural } from '../../../components/ui/plural.ts';
import { useFitDesign } from '../canvas-context.tsx';
import { FlowEditor, NewFlowForm } from './FlowEditor.tsx';
import { bindingText, formatRate, PANEL_BUTTON, rateText } from './flow-text.ts';
import { useFlowsModel, type FlowsModel } from './use-flows.ts';
import { isWalked, useWalkStore, type WalkedFlow } from './walk-store.ts';


/** Steps said in words on a card; a longer flow is read step by step with Step through. */
const WORDS_UP_TO = 40;
/** Proposals listed at first; a large design proposes a hundred or more. */
const PROPOSALS_SHOWN = 20;

type Mode = { kind: 'list' } | { kind: 'new' } | { kind: 'edit'; flowId: string };

/** The steps of the flow being walked, each a button that jumps to it. */
function WalkedSteps({ flow, model }: { flow: ResolvedFlow; model: FlowsModel }) {
  const step = useWalkStore((s) => s.step);
  const go = useWalkStore((s) => s.go);
  const current = Math.min(step, flow.steps.length - 1);
  return (
    <ol aria-label={`Steps of ${flow.flow.name}`} className="mt-1.5 space-y-0.5 border-l-2 border-slate-200 pl-2 dark:border-slate-700">
      {flow.steps.map((s, i) => (
        <li key={`${s.edge.id}-${i}`}>
          <button
            type="button"
            onClick={() => go(i)}
            aria-current={i === current ? 'step' : undefined}
            className={`w-full rounded px-1 py-0.5 text-left text-xs ${i === current ? 'bg-blue-100 font-semibold text-blue-950 dark:bg-blue-950 dark:text-blue-50' : 'hover:bg-slate-100 dark:hover:bg-slate-800'}`}
          >
            {i + 1}. {describeStep(s, model.names)}
            {s.afterResponse ? <span className="ml-1 rounded border border-violet-700 px-1 text-[10px] font-semibold text-violet-900 dark:border-violet-400 dark:text-violet-200">after the response</span> : null}
          </button>
        </li>
      ))}
    </ol>
  );
}

function FlowCard({ flow, source, model, serves, onEdit, onKept, focusOnMount, onDone }: {
  flow: ResolvedFlow;
  source: 'drawn' | 'proposed';
  model: FlowsModel;
  /** The operations this flow serves, per the grader. */
  serves: OperationFlow[];
  onEdit?(): void;
  onKept?(id: string): void;
  focusOnMount?: boolean;
  onDone?: (() => void) | undefined;
}) {
  const walk = useWalkStore((s) => s.walk);
  const start = useWalkStore((s) => s.start);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusOnMount) first.current?.focus();
  }, [focusOnMount]);
  const walked = isWalked(walk, flow.flow, source);
  const name = flow.flow.name;
  const walkTarget: WalkedFlow = source === 'drawn' ? { source, flowId: flow.flow.id } : { source, flow: flow.flow };
  const keep = () => {
    const op = serves[0]?.operation;
    let id: string | null = null;
    applyToDesign((design) => {
      const kept = keepFlow(design, flow.flow, op ? { name: op.name, operation: op.id } : {});
      id = kept?.id ?? null;
      return kept?.design ?? design;
    });
    if (id) {
      useEditorStore.getState().announce(`Kept “${op?.name ?? name}” as one of your flows.`, 'success');
      onKept?.(id);
    }
  };
  const remove = () => {
    if (applyToDesign((design) => removeFlow(design, flow.flow.id))) useEditorStore.getState().announce(`Deleted the flow “${name}”. Ctrl+Z brings it back.`);
  };
  return (
    <li aria-label={name} className={`rounded-md border p-2 ${walked ? 'border-blue-600 dark:border-blue-400' : 'border-slate-200 dark:border-slate-700'}`}>
      <p className="font-medium leading-snug">{name}</p>
      <p className="text-xs text-slate-600 dark:text-slate-300">
        {source === 'drawn' ? rateText(flow.flow, model.problem) : 'proposed from an entry point'} · {plural(flow.steps.length, 'step')}
      </p>
      {serves.length > 0 && (
        <p className="text-xs text-emerald-800 dark:text-emerald-300">
          <Check aria-hidden className="mr-0.5 inline size-3" />
          Serves {serves.map((s) => `“${s.operation.name}”`).join(' and ')}
        </p>
      )}
      <p className="mt-1 text-xs leading-relaxed text-slate-800 dark:text-slate-200">{describeFlow(flow, model.names, WORDS_UP_TO)}</p>
      {walked && <WalkedSteps flow={flow} model={model} />}
      <div className="mt-1.5 flex flex-wrap gap-1">
        <button
          ref={first}
          type="button"
          className={PANEL_BUTTON}
          onClick={() => {
            start(walkTarget);
            onDone?.();
          }}
          aria-label={`Step through ${name}`}
        >
          <Play aria-hidden className="size-3" />
          Step through
        </button>
        {source === 'drawn' ? (
          <>
            <button type="button" className={PANEL_BUTTON} onClick={onEdit} aria-label={`Edit ${name}`}>
              <Pencil aria-hidden className="size-3" />
              Edit
            </button>
            <button type="button" className={PANEL_BUTTON} onClick={remove} aria-label={`Delete ${name}`}>
              <Trash2 aria-hidden className="size-3" />
              Delete
            </button>
          </>
        ) : (
          <button type="button" className={PANEL_BUTTON} onClick={keep} aria-label={`Keep ${name}${serves[0] ? ` as “${serves[0].operation.name}”` : ''}`}>
            <Plus aria-hidden className="size-3" />
            Keep
          </button>
        )}
      </div>
    </li>
  );
}

/** Selects a component and shows it, with the inspector open on it. */
function useShowComponent() {
  const fitDesign = useFitDesign();
  return (id: string) => {
    useEditorStore.getState().select([id]);
    usePanelStore.getState().setOpen('inspector', true);
    fitDesign({ ids: new Set([id]), duration: 300, padding: 96, maxZoom: 1.2 });
  };
}

function OperationRow({ op, model, onKept, onDone }: { op: OperationFlow; model: FlowsModel; onKept(id: string): void; onDone?: (() => void) | undefined }) {
  const start = useWalkStore((s) => s.start);
  const showComponent = useShowComponent();
  const show = (id: string) => {
    showComponent(id);
    onDone?.();
  };
  const { operation } = op;
  const problem = model.problem!;
  const criteria = problem.rubric.filter((c) => c.operation === operation.id);
  const serves = criteria.find((c) => c.type === 'serves');
  const drawnForIt = model.design.flows.filter((f) => f.operation === operation.id);
  const capability = problem.capabilities.find((c) => c.id === operation.servedBy);
  const server = op.server ? model.design.nodes.find((n) => n.id === op.server) : undefined;
  const binding = op.server ? model.bindings?.byNode.get(op.server)?.find((b) => b.capability.id === operation.servedBy) : undefined;
  const keep = () => {
    if (!op.flow) return;
    let id: string | null = null;
    applyToDesign((design) => {
      const kept = keepFlow(design, op.flow!.flow, { name: operation.name, operation: operation.id });
      id = kept?.id ?? null;
      return kept?.design ?? design;
    });
    if (id) {
      useEditorStore.getState().announce(`Kept “${operation.name}” as one of your flows.`, 'success');
      onKept(id);
    }
  };
  return (
    <li aria-label={`${operation.name}: ${op.flow ? 'served' : 'not served'}`} className="rounded-md border border-slate-200 p-2 dark:border-slate-700">
      <p className="flex items-start gap-1.5">
        {op.flow ? (
          <Check aria-hidden className="mt-0.5 size-4 shrink-0 text-emerald-700 dark:text-emerald-400" />
        ) : (
          <CircleX aria-hidden className="mt-0.5 size-4 shrink-0 text-slate-500 dark:text-slate-400" />
        )}
        <span>
          <span className="font-medium">{operation.name}</span>{' '}
          <span className="text-xs text-slate-600 dark:text-slate-300">
            {operation.kind} · {formatRate(operation.rateRps)} at peak
          </span>
        </span>
      </p>
      <div className="mt-1 space-y-1 pl-5 text-xs text-slate-700 dark:text-slate-300">
        {op.flow && server ? (
          <>
            <p>
              <span className="font-semibold text-emerald-800 dark:text-emerald-300">Served</span>{' '}
              {op.drawn ? <>by your flow “{op.flow.flow.name}”</> : <>by a flow Skyline proposes ({op.flow.flow.name})</>}, answered by{' '}
              <button type="button" className="text-blue-800 underline dark:text-blue-300" onClick={() => show(server.id)} aria-label={`Show ${server.name}`}>
                {server.name}
              </button>
              {capability ? <>, which does {capability.label}</> : null}
              {binding ? ` (${bindingText(binding.source)}${binding.source === 'responsibility' ? '' : ': select it to confirm in the inspector'})` : ''}.
            </p>
            {!op.drawn && drawnForIt.length > 0 && (
              <p className="text-amber-800 dark:text-amber-300">
                Your flow “{drawnForIt[0]!.name}” is bound to it but reaches no component doing {capability?.label ?? operation.servedBy} first, so the grader uses the proposed one.
              </p>
            )}
          </>
        ) : (
          <p>
            <span className="font-semibold">Not served:</span> {op.reason}
          </p>
        )}
        {serves && (
          <p className="text-slate-600 dark:text-slate-400">
            Rubric: {serves.description} ({serves.points} pts){criteria.length > 1 ? `; ${plural(criteria.length - 1, 'more item')} judged on this flow` : ''}.
          </p>
        )}
        {op.flow && (
          <div className="flex flex-wrap gap-1 pt-0.5">
            <button
              type="button"
              className={PANEL_BUTTON}
              onClick={() => {
                start(op.drawn ? { source: 'drawn', flowId: op.flow!.flow.id } : { source: 'proposed', flow: op.flow!.flow });
                onDone?.();
              }}
              aria-label={`Step through the flow serving ${operation.name}`}
            >
              <Play aria-hidden className="size-3" />
              Step through
            </button>
            {!op.drawn && (
              <button type="button" className={PANEL_BUTTON} onClick={keep} aria-label={`Keep the proposed flow as “${operation.name}”`}>
                <Plus aria-hidden className="size-3" />
                Keep as “{operation.name}”
              </button>
            )}
          </div>
        )}
      </div>
    </li>
  );
}

function servedBy(model: FlowsModel, flow: Flow, drawn: boolean): OperationFlow[] {
  if (!model.operations) return [];
  return [...model.operations.values()].filter((o) => o.flow && o.drawn === drawn && (drawn ? o.flow.flow.id === flow.id : sameSteps(o.flow.flow, flow)));
}

export function FlowsPanel({ onDone }: { onDone?: () => void }) {
  const model = useFlowsModel();
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [focusId, setFocusId] = useState<string | null>(null);
  const [allProposals, setAllProposals] = useState(false);
  const newButton = useRef<HTMLButtonElement>(null);
  const editing = mode.kind === 'edit' ? model.design.flows.find((f) => f.id === mode.flowId) : undefined;
  // A flow deleted while open (undo, or its last connection gone) closes its editor.
  useEffect(() => {
    if (mode.kind === 'edit' && !editing) setMode({ kind: 'list' });
  }, [mode, editing]);

  const backToList = (focus: string | null) => {
    setFocusId(focus);
    setMode({ kind: 'list' });
  };
  if (mode.kind === 'new') return <NewFlowForm model={model} onCreated={(id) => setMode({ kind: 'edit', flowId: id })} onCancel={() => backToList(null)} />;
  if (editing) return <FlowEditor key={editing.id} flowId={editing.id} model={model} onClose={() => backToList(editing.id)} onDone={onDone} />;

  const ops = model.operations ? [...model.operations.values()] : [];
  return (
    <div className="space-y-4 p-3 text-sm">
      <div>
        <h2 className="font-semibold">Flows</h2>
        <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-300">
          A flow is one operation your design serves, as the connections one request crosses, in order, including the work after the response. Reviews, grading and the simulator follow them.
        </p>
        <button ref={newButton} type="button" className={`${PANEL_BUTTON} mt-2`} onClick={() => setMode({ kind: 'new' })} disabled={model.design.edges.length === 0}>
          <Plus aria-hidden className="size-3.5" />
          New flow
        </button>
        {model.design.edges.length === 0 && <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">Connect some components first: a flow is made of connections.</p>}
      </div>

      {ops.length > 0 && (
        <section aria-labelledby="flows-operations">
          <h3 id="flows-operations" className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
            Operations in the brief
          </h3>
          <ul className="mt-1.5 space-y-2" aria-label="Operations in the brief">
            {ops.map((op) => (
              <OperationRow key={op.operation.id} op={op} model={model} onKept={setFocusId} onDone={onDone} />
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="flows-drawn">
        <h3 id="flows-drawn" className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
          Your flows ({model.drawn.length})
        </h3>
        {model.drawn.length === 0 ? (
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">None yet. Keep one Skyline proposes, or make a new one.</p>
        ) : (
          <ul className="mt-1.5 space-y-2" aria-label="Your flows">
            {model.drawn.map((flow) => (
              <FlowCard
                key={flow.flow.id}
                flow={flow}
                source="drawn"
                model={model}
                serves={servedBy(model, flow.flow, true)}
                onEdit={() => setMode({ kind: 'edit', flowId: flow.flow.id })}
                focusOnMount={focusId === flow.flow.id}
                onDone={onDone}
              />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="flows-proposed">
        <h3 id="flows-proposed" className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
          Proposed by Skyline ({model.proposed.length})
        </h3>
        <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-300">
          One per route from a client through gateways and load balancers to the first component that does work, then everything it calls, reads, writes and publishes.
          {model.drawn.length === 0 ? ' Until you keep or make flows, these are the ones your design is judged on.' : ''}
        </p>
        {model.proposed.length === 0 ? (
          <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
            {model.design.nodes.length === 0 ? 'Nothing to propose on an empty canvas.' : 'No client reaches a component that does work, or every route is already one of your flows.'}
          </p>
        ) : (
          <ul className="mt-1.5 space-y-2" aria-label="Proposed flows">
            {(allProposals ? model.proposed : model.proposed.slice(0, PROPOSALS_SHOWN)).map((flow) => (
              <FlowCard key={flow.flow.id} flow={flow} source="proposed" model={model} serves={servedBy(model, flow.flow, false)} onKept={setFocusId} onDone={onDone} />
            ))}
          </ul>
        )}
        {!allProposals && model.proposed.length > PROPOSALS_SHOWN && (
          <button type="button" className={`${PANEL_BUTTON} mt-2`} onClick={() => setAllProposals(true)}>
            Show {model.proposed.length - PROPOSALS_SHOWN} more proposed flows
          </button>
        )}
      </section>
    </div>
  );
}
