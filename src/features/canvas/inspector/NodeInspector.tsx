import { Link2, Trash2, X } from 'lucide-react';
import { memo, useContext, useId, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { bindCapabilities, describeBindingIssue } from '../../../domain/rubric/bindings.ts';
import { operationFlows, type OperationFlow } from '../../../domain/rubric/operations.ts';
import { ProblemContext } from '../capabilities-context.ts';
import { COMPONENT_KINDS, getKind, type KindId } from '../../../domain/diagram/catalog.ts';
import { allowedFamilies, describeFamily } from '../../../domain/diagram/connections.ts';
import type { DesignNode } from '../../../domain/diagram/schema.ts';
import { useEditorStore } from '../../../stores/editor/editor-store.ts';
import { elementById } from '../../../stores/editor/element-index.ts';
import { useStructuralDesign } from '../../../stores/editor/structural-design.ts';
import { describeEdge } from '../edge-visuals.ts';
import { focusCanvasElement } from '../canvas-context.tsx';
import { BUTTON, DANGER_BUTTON, IntegerField, Section, SelectField, TextField } from './fields.tsx';
import { PerformanceFields } from './PerformanceFields.tsx';

function ResponsibilitiesField({ node }: { node: DesignNode }) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const updateNode = useEditorStore((s) => s.updateNode);
  const add = () => {
    const tags = draft.split(',').map((t) => t.trim()).filter(Boolean);
    const next = [...node.responsibilities];
    for (const tag of tags) if (!next.includes(tag) && tag.length <= 60) next.push(tag);
    if (next.length !== node.responsibilities.length) updateNode(node.id, { responsibilities: next.slice(0, 30) });
    setDraft('');
  };
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-600 dark:text-slate-300">
        Responsibilities
      </label>
      {node.responsibilities.length > 0 && (
        <ul className="flex flex-wrap gap-1" aria-label="Responsibilities">
          {node.responsibilities.map((tag) => (
            <li key={tag} className="inline-flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pl-2 pr-1 text-xs dark:bg-slate-800">
              {tag}
              <button
                type="button"
                aria-label={`Remove responsibility ${tag}`}
                onClick={() => updateNode(node.id, { responsibilities: node.responsibilities.filter((t) => t !== tag) })}
                className="rounded-full p-0.5 hover:bg-slate-200 dark:hover:bg-slate-700"
              >
                <X aria-hidden className="size-3" />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="flex gap-1">
        <input
          id={id}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
          placeholder="e.g. orders, payments"
          aria-describedby={`${id}-hint`}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900"
        />
        <button type="button" className={BUTTON} onClick={add} disabled={!draft.trim()}>
          Add
        </button>
      </div>
      <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
        What this component is responsible for. Press Enter to add; separate several with commas.
      </p>
      <ProblemCapabilities node={node} />
    </div>
  );
}

/** In a problem: which parts of it this box plays, why a part does not count, and one-click ways to confirm or assign. */
function ProblemCapabilities({ node }: { node: DesignNode }) {
  const problem = useContext(ProblemContext);
  const design = useStructuralDesign();
  const updateNode = useEditorStore((s) => s.updateNode);
  const bindings = useMemo(() => (problem ? bindCapabilities(design, problem) : null), [design, problem]);
  const operations = useMemo(() => (problem && bindings ? operationFlows(design, problem, bindings) : null), [design, problem, bindings]);
  if (!problem || !bindings) return null;
  const current = design.nodes.find((n) => n.id === node.id) ?? node;
  const mine = bindings.byNode.get(node.id) ?? [];
  const assign = (capabilityId: string) => updateNode(node.id, { responsibilities: [...node.responsibilities, capabilityId] });
  const unused = problem.capabilities.filter((c) => !node.responsibilities.includes(c.id) && !mine.some((m) => m.capability.id === c.id && m.source !== 'responsibility'));
  const how = (source: string) => (source === 'name' ? 'suggested by its name' : source === 'kind' ? 'suggested by its kind' : 'confirmed');
  return (
    <div className="mt-2 space-y-1.5 rounded-md bg-slate-50 p-2 text-xs dark:bg-slate-800/60">
      {mine.length === 0 ? (
        <p>Plays none of this problem’s parts yet.</p>
      ) : (
        <ul className="space-y-1" aria-label="Parts this component plays">
          {mine.map((m) => (
            <li key={m.capability.id}>
              <span className="font-medium">{m.capability.label}</span> ({how(m.source)})
              {m.issue ? <span className="block text-amber-800 dark:text-amber-300">Does not count: {describeBindingIssue(m.issue, current, m.capability, problem)}</span> : null}
              {m.source !== 'responsibility' && !m.issue ? (
                <button type="button" className="ml-1 underline" onClick={() => assign(m.capability.id)} aria-label={`Confirm ${current.name} does ${m.capability.label}`}>
                  Confirm
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <OperationsAnswered nodeId={node.id} parts={mine.filter((m) => !m.issue).map((m) => m.capability.id)} operations={operations} />
      {unused.length > 0 && (
        <div>
          <p className="mb-1 text-slate-500 dark:text-slate-400">This problem’s parts (click to assign; once you assign any, only assigned parts count for this box):</p>
          <ul className="flex flex-wrap gap-1" aria-label="Problem capabilities">
            {unused.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  onClick={() => assign(c.id)}
                  className="rounded-full border border-slate-300 bg-white px-2 py-0.5 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-900 dark:hover:bg-slate-700"
                  aria-label={`Assign capability ${c.label}`}
                >
                  + {c.label}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** The brief's operations this box's parts answer, and on which flow, in the Flows tab's words. */
function OperationsAnswered({ nodeId, parts, operations }: { nodeId: string; parts: string[]; operations: Map<string, OperationFlow> | null }) {
  const mine = [...(operations?.values() ?? [])].filter((o) => parts.includes(o.operation.servedBy));
  if (mine.length === 0) return null;
  return (
    <ul className="space-y-0.5" aria-label="Operations it answers">
      {mine.map((o) => (
        <li key={o.operation.id}>
          {o.server === nodeId ? (
            <>
              Answers “{o.operation.name}” on {o.drawn ? `your flow “${o.flow!.flow.name}”` : 'a flow Skyline proposes'} (Flows tab).
            </>
          ) : o.flow ? (
            <>“{o.operation.name}” is answered by another component on its flow (Flows tab).</>
          ) : (
            <span className="text-amber-800 dark:text-amber-300">“{o.operation.name}” is not served: {o.reason}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

type NodeSummary = Pick<DesignNode, 'id' | 'name' | 'kind'>;

const sameSummaries = (a: readonly NodeSummary[], b: readonly NodeSummary[]) =>
  a.length === b.length && a.every((n, i) => n.id === b[i]!.id && n.name === b[i]!.name && n.kind === b[i]!.kind);

/**
 * The components `node` can start a connection to, as id, name and kind. The
 * same array while none of them changes, so renaming the selected component
 * (every keystroke in its Name field) does not redraw a list of 1,000.
 */
function useConnectCandidates(node: DesignNode): readonly NodeSummary[] {
  const design = useStructuralDesign();
  const last = useRef<readonly NodeSummary[]>([]);
  return useMemo(() => {
    const next = design.nodes.filter((n) => n.id !== node.id && allowedFamilies(node.kind, n.kind).length > 0).map((n) => ({ id: n.id, name: n.name, kind: n.kind }));
    if (!sameSummaries(last.current, next)) last.current = next;
    return last.current;
  }, [design, node.id, node.kind]);
}

const CandidateOptions = memo(function CandidateOptions({ candidates }: { candidates: readonly NodeSummary[] }) {
  return candidates.map((n) => (
    <option key={n.id} value={n.id}>
      {n.name} ({getKind(n.kind).label})
    </option>
  ));
});

/** The "Connect … to" list, which the C shortcut focuses. */
export const CONNECT_TARGET_ID = 'inspector-connect-to';

function ConnectTo({ node }: { node: DesignNode }) {
  const id = CONNECT_TARGET_ID;
  const candidates = useConnectCandidates(node);
  const componentCount = useEditorStore((s) => s.design.nodes.length);
  const [target, setTarget] = useState('');
  const chosen = candidates.find((n) => n.id === target) ?? candidates[0];
  const connect = () => {
    if (!chosen) return;
    const store = useEditorStore.getState();
    const result = store.connect(node.id, chosen.id);
    if (result.ok) {
      store.announce(`Connected ${node.name} to ${chosen.name}. The connection is selected.`, 'success');
      focusCanvasElement(result.id);
    } else store.announce(result.reason, 'error');
  };
  if (candidates.length === 0) {
    return (
      <p className="text-sm text-slate-500 dark:text-slate-400">
        {componentCount < 2
          ? `Add another component to connect ${node.name} to it.`
          : `${node.name} does not start connections to any component here. Connect other components to it instead.`}
      </p>
    );
  }
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-600 dark:text-slate-300">
        Connect {node.name} to
      </label>
      <div className="flex gap-1">
        <select
          id={id}
          value={chosen?.id ?? ''}
          onChange={(e) => setTarget(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              connect();
            }
          }}
          aria-describedby={`${id}-hint`}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900"
        >
          <CandidateOptions candidates={candidates} />
        </select>
        <button type="button" className={BUTTON} onClick={connect}>
          <Link2 aria-hidden className="size-4" />
          Connect
        </button>
      </div>
      {chosen && (
        <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
          Enter connects. Creates {describeFamily(allowedFamilies(node.kind, chosen.kind)[0] ?? 'sync')}; you can change it afterwards.
        </p>
      )}
    </div>
  );
}

function Connections({ node }: { node: DesignNode }) {
  const edges = useEditorStore((s) => s.design.edges);
  const select = useEditorStore((s) => s.select);
  // A rename leaves the connections as they are: found again only when they change.
  const mine = useMemo(() => edges.filter((e) => e.source === node.id || e.target === node.id), [edges, node.id]);
  // The components at the far ends, by index: this runs on every store change.
  const ends = useEditorStore(useShallow((s) => mine.flatMap((e) => [elementById(s.design.nodes, e.source), elementById(s.design.nodes, e.target)])));
  if (mine.length === 0) return null;
  return (
    <ul className="space-y-1" aria-label={`Connections of ${node.name}`}>
      {mine.map((edge, i) => (
        <li key={edge.id}>
          <button
            type="button"
            onClick={() => select([edge.id])}
            className="w-full rounded px-1.5 py-1 text-left text-sm text-blue-800 hover:bg-slate-100 dark:text-blue-300 dark:hover:bg-slate-800"
          >
            {describeEdge(edge, ends[2 * i], ends[2 * i + 1])}
          </button>
        </li>
      ))}
    </ul>
  );
}

function NodeInspectorView({ node }: { node: DesignNode }) {
  const kind = getKind(node.kind);
  const store = useEditorStore.getState();
  const group = useEditorStore((s) => (node.groupId ? elementById(s.design.groups, node.groupId) : undefined));
  const sameRole = COMPONENT_KINDS.filter((k) => k.role === kind.role);
  const commit = (key: string) => `${node.id}:${key}`;
  return (
    <>
      <Section title="Component">
        <TextField label="Name" value={node.name} required onCommit={(name) => store.updateNode(node.id, { name })} commitKey={commit('name')} />
        <SelectField<KindId>
          label="Kind"
          value={node.kind}
          options={sameRole.map((k) => ({ value: k.id as KindId, label: k.label }))}
          onChange={(kindId) => store.updateNode(node.id, { kind: kindId })}
          hint={kind.description}
        />
        <IntegerField
          label="Instances"
          value={node.instances}
          min={1}
          max={10000}
          onCommit={(v) => v !== null && store.updateNode(node.id, { instances: v })}
          commitKey={commit('instances')}
          hint="How many copies run. One instance means no failover."
        />
        <TextField label="Technology" value={node.technology} onCommit={(technology) => store.updateNode(node.id, { technology })} commitKey={commit('technology')} placeholder={kind.keywords[1] ?? ''} />
        <TextField label="Owner (team or boundary)" value={node.owner} onCommit={(owner) => store.updateNode(node.id, { owner })} commitKey={commit('owner')} />
        <ResponsibilitiesField node={node} />
        <TextField label="Notes" value={node.notes} multiline max={4000} onCommit={(notes) => store.updateNode(node.id, { notes })} commitKey={commit('notes')} />
      </Section>
      <PerformanceFields node={node} />
      <Section title="Connections">
        <ConnectTo node={node} />
        <Connections node={node} />
      </Section>
      <Section title="Actions">
        {group && (
          <p className="text-sm">
            In boundary <strong>{group.name}</strong>.{' '}
            <button type="button" className="text-blue-800 underline dark:text-blue-300" onClick={() => store.removeFromGroup(node.id)}>
              Remove from boundary
            </button>
          </p>
        )}
        <button type="button" className={DANGER_BUTTON} onClick={() => store.deleteSelection()}>
          <Trash2 aria-hidden className="size-4" />
          Delete component
        </button>
      </Section>
    </>
  );
}

/** Whether two versions of a component differ in anything but position, which the inspector does not show. */
function sameExceptPosition(a: DesignNode, b: DesignNode): boolean {
  if (a === b) return true;
  const keys = Object.keys(a) as (keyof DesignNode)[];
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => key === 'position' || a[key] === b[key]);
}

/** The selected component's properties; dragging it does not re-render them on every step. */
export const NodeInspector = memo(NodeInspectorView, (previous, next) => sameExceptPosition(previous.node, next.node));
