/**
 * Faults for the simulator: before a run they are planned with a time window;
 * during a run they are injected at once and last until lifted.
 */
import { Plus, X, Zap } from 'lucide-react';
import { memo, useId, useMemo, useState, type ReactNode } from 'react';
import { getKind } from '../../../domain/diagram/catalog.ts';
import type { Design } from '../../../domain/diagram/schema.ts';
import type { FaultInput } from '../../../domain/simulator/options.ts';
import { useStructuralDesign } from '../../../stores/editor/structural-design.ts';
import { useSimulationStore, type PlannedFault } from './simulation-store.ts';

type Kind = FaultInput['kind'];

const KINDS: { value: Kind; label: string }[] = [
  { value: 'slow', label: 'Slow' },
  { value: 'down', label: 'Down' },
  { value: 'flaky', label: 'Flaky' },
  { value: 'partition', label: 'Connection cut' },
  { value: 'group-down', label: 'Boundary down' },
];

const INPUT = 'w-full min-w-0 rounded border border-slate-300 bg-white px-1.5 py-1 text-xs dark:border-slate-700 dark:bg-slate-900';
const BUTTON =
  'inline-flex items-center gap-1 rounded border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800';

export function describeFault(fault: FaultInput, design: Design): string {
  const node = (id: string) => design.nodes.find((n) => n.id === id)?.name ?? id;
  const when =
    fault.endS !== undefined ? `, ${fault.startS ?? 0}–${fault.endS} s` : fault.startS ? `, from ${fault.startS} s` : '';
  switch (fault.kind) {
    case 'slow':
      return `${node(fault.node)} ${fault.factor}× slower${when}`;
    case 'down':
      return `${node(fault.node)} down${fault.instances ? ` (${fault.instances} instance${fault.instances === 1 ? '' : 's'})` : ''}${when}`;
    case 'flaky':
      return `${node(fault.node)} fails ${Math.round(fault.errorRate * 100)}% of requests${when}`;
    case 'partition': {
      const edge = design.edges.find((e) => e.id === fault.edge);
      return `${edge ? `${node(edge.source)} → ${node(edge.target)}` : fault.edge} cut${when}`;
    }
    case 'group-down':
      return `${design.groups.find((g) => g.id === fault.group)?.name ?? fault.group} down${when}`;
  }
}

function Field({ label, children, id }: { label: string; children: ReactNode; id: string }) {
  return (
    <div className="min-w-0 space-y-0.5">
      <label htmlFor={id} className="block text-xs font-medium text-slate-600 dark:text-slate-300">
        {label}
      </label>
      {children}
    </div>
  );
}

export const FaultForm = memo(function FaultForm({ live }: { live: boolean }) {
  const design = useStructuralDesign();
  const planned = useSimulationStore((s) => s.planned);
  const injected = useSimulationStore((s) => s.live);
  const addFault = useSimulationStore((s) => s.addFault);
  const removeFault = useSimulationStore((s) => s.removeFault);
  const [kind, setKind] = useState<Kind>('slow');
  const [target, setTarget] = useState('');
  const [amount, setAmount] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const base = useId();
  const components = useMemo(() => design.nodes.filter((n) => getKind(n.kind).role !== 'client'), [design]);
  const names = useMemo(() => new Map(design.nodes.map((n) => [n.id, n.name])), [design]);
  const targets =
    kind === 'partition'
      ? design.edges.map((e) => ({ id: e.id, name: `${names.get(e.source)} → ${names.get(e.target)}` }))
      : kind === 'group-down'
        ? design.groups.map((g) => ({ id: g.id, name: g.name }))
        : components.map((n) => ({ id: n.id, name: n.name }));
  const chosen = targets.some((t) => t.id === target) ? target : (targets[0]?.id ?? '');
  const amountLabel = kind === 'slow' ? 'Times slower' : kind === 'down' ? 'Instances down (empty: all)' : kind === 'flaky' ? 'Requests failing (%)' : null;
  const kinds = KINDS.filter((k) => k.value !== 'group-down' || design.groups.length > 0);

  const submit = () => {
    const window = live ? { startS: 0 } : { startS: from.trim() === '' ? 0 : Number(from), ...(to.trim() === '' ? {} : { endS: Number(to) }) };
    const value = amount.trim() === '' ? NaN : Number(amount);
    let fault: FaultInput;
    if (kind === 'slow') fault = { kind, node: chosen, factor: Number.isNaN(value) ? 10 : value, ...window };
    else if (kind === 'down') fault = { kind, node: chosen, ...(Number.isNaN(value) ? {} : { instances: value }), ...window };
    else if (kind === 'flaky') fault = { kind, node: chosen, errorRate: (Number.isNaN(value) ? 50 : value) / 100, ...window };
    else if (kind === 'partition') fault = { kind, edge: chosen, ...window };
    else fault = { kind, group: chosen, ...window };
    if ([window.startS, window.endS ?? 0].some((t) => !Number.isFinite(t) || t < 0)) {
      setProblem('Times must be seconds of 0 or more.');
      return;
    }
    const refused = addFault(fault, design);
    setProblem(refused ? `That fault cannot be used: ${refused}` : null);
  };

  const list: (PlannedFault & { live: boolean })[] = [...planned.map((f) => ({ ...f, live: false })), ...injected.map((f) => ({ ...f, live: true }))];
  return (
    <section aria-label="Faults" className="space-y-2">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Faults</h3>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
        <Field label="Fault" id={`${base}-kind`}>
          <select id={`${base}-kind`} value={kind} onChange={(e) => setKind(e.target.value as Kind)} className={INPUT}>
            {kinds.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label={kind === 'partition' ? 'Connection' : kind === 'group-down' ? 'Boundary' : 'Component'} id={`${base}-target`}>
          <select id={`${base}-target`} value={chosen} onChange={(e) => setTarget(e.target.value)} className={INPUT}>
            {targets.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </Field>
        {amountLabel && (
          <Field label={amountLabel} id={`${base}-amount`}>
            <input id={`${base}-amount`} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} placeholder={kind === 'slow' ? '10' : kind === 'flaky' ? '50' : ''} className={INPUT} />
          </Field>
        )}
        {!live && (
          <>
            <Field label="From (s)" id={`${base}-from`}>
              <input id={`${base}-from`} inputMode="decimal" value={from} onChange={(e) => setFrom(e.target.value)} placeholder="0" className={INPUT} />
            </Field>
            <Field label="To (s, empty: end)" id={`${base}-to`}>
              <input id={`${base}-to`} inputMode="decimal" value={to} onChange={(e) => setTo(e.target.value)} className={INPUT} />
            </Field>
          </>
        )}
      </div>
      <button type="button" className={BUTTON} onClick={submit} disabled={chosen === ''}>
        {live ? <Zap aria-hidden className="size-3.5" /> : <Plus aria-hidden className="size-3.5" />}
        {live ? 'Inject now' : 'Add fault'}
      </button>
      {problem && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {problem}
        </p>
      )}
      {list.length > 0 && (
        <ul aria-label="Faults in this run" className="space-y-1">
          {list.map((f) => (
            <li key={f.id} className="flex items-center gap-2 text-xs">
              <span className="min-w-0 flex-1">
                {describeFault(f.fault, design)}
                {f.live ? ' (now)' : ''}
              </span>
              <button type="button" className={BUTTON} onClick={() => removeFault(f.id)} aria-label={`${f.live ? 'Lift' : 'Remove'} fault: ${describeFault(f.fault, design)}`}>
                <X aria-hidden className="size-3.5" />
                {f.live ? 'Lift' : 'Remove'}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
