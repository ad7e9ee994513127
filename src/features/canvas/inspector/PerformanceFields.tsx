/**
 * A component's figures for the simulator. Every field may be left empty:
 * the placeholder shows the default the simulator uses for this kind.
 */
import { getKind } from '../../../domain/diagram/catalog.ts';
import type { DesignNode, Performance, ServiceTimeDistribution } from '../../../domain/diagram/schema.ts';
import { kindFigures, DEFAULT_HIT_RATIO } from '../../../domain/simulator/figures.ts';
import { useEditorStore } from '../../../stores/editor/editor-store.ts';
import { Section, SelectField, ValidatedField } from './fields.tsx';

function NumberField({ label, value, onCommit, commitKey, min, max, placeholder, hint, whole, percent }: {
  label: string;
  value: number | undefined;
  onCommit(value: number | undefined): void;
  commitKey: string;
  min: number;
  max: number;
  placeholder: string;
  hint?: string;
  whole?: boolean;
  percent?: boolean;
}) {
  const scale = percent ? 100 : 1;
  return (
    <ValidatedField<number | undefined>
      label={label}
      value={value}
      commitKey={commitKey}
      onCommit={onCommit}
      inputMode="numeric"
      placeholder={placeholder}
      {...(hint !== undefined ? { hint } : {})}
      format={(v) => (v === undefined ? '' : String(Number((v * scale).toPrecision(6))))}
      parse={(text) => {
        const trimmed = text.trim();
        if (trimmed === '') return { ok: true, value: undefined };
        if (!/^\d+(\.\d+)?$/.test(trimmed)) return { ok: false, error: `${label} must be a number.` };
        const n = Number(trimmed);
        if (whole && !Number.isInteger(n)) return { ok: false, error: `${label} must be a whole number.` };
        if (n < min) return { ok: false, error: `${label} must be at least ${min}.` };
        if (n > max) return { ok: false, error: `${label} must be at most ${max}.` };
        return { ok: true, value: n / scale };
      }}
    />
  );
}

const DISTRIBUTIONS: { value: ServiceTimeDistribution | ''; label: string }[] = [
  { value: '', label: 'Default (log-normal)' },
  { value: 'log-normal', label: 'Log-normal (median and p99)' },
  { value: 'exponential', label: 'Exponential (mean)' },
  { value: 'constant', label: 'Constant' },
];

export function PerformanceFields({ node }: { node: DesignNode }) {
  const role = getKind(node.kind).role;
  if (role === 'client') return null;
  const defaults = kindFigures(node.kind);
  const p: Performance = node.performance ?? {};
  const commit = (patch: Partial<Performance>) => {
    const next: Record<string, unknown> = { ...p, ...patch };
    for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
    useEditorStore.getState().updateNode(node.id, { performance: Object.keys(next).length > 0 ? (next as Performance) : undefined });
  };
  const key = (field: string) => `${node.id}:performance.${field}`;
  const distribution = p.distribution ?? 'log-normal';
  return (
    <Section title="Performance (simulator)">
      <NumberField
        label={distribution === 'exponential' ? 'Mean time (ms)' : distribution === 'constant' ? 'Time per request (ms)' : 'Median time (ms)'}
        value={p.latencyMs}
        min={0}
        max={600_000}
        placeholder={String(defaults.latencyMs)}
        onCommit={(latencyMs) => commit({ latencyMs })}
        commitKey={key('latencyMs')}
      />
      {distribution === 'log-normal' && (
        <NumberField label="p99 time (ms)" value={p.p99Ms} min={0} max={600_000} placeholder={String(defaults.p99Ms)} onCommit={(p99Ms) => commit({ p99Ms })} commitKey={key('p99Ms')} />
      )}
      <SelectField<ServiceTimeDistribution | ''>
        label="Time distribution"
        value={p.distribution ?? ''}
        options={DISTRIBUTIONS}
        onChange={(value) => commit({ distribution: value === '' ? undefined : value })}
      />
      <NumberField
        label="Concurrency per instance"
        value={p.concurrency}
        min={1}
        max={1_000_000}
        whole
        placeholder={String(defaults.concurrency)}
        hint="Requests one instance works on at once (threads, connections); more wait in a queue."
        onCommit={(concurrency) => commit({ concurrency })}
        commitKey={key('concurrency')}
      />
      <NumberField label="Errors (%)" value={p.errorRate} min={0} max={100} percent placeholder="0" onCommit={(errorRate) => commit({ errorRate })} commitKey={key('errorRate')} />
      {node.kind === 'cache' && (
        <NumberField label="Hit ratio (%)" value={p.hitRatio} min={0} max={100} percent placeholder={String(DEFAULT_HIT_RATIO * 100)} onCommit={(hitRatio) => commit({ hitRatio })} commitKey={key('hitRatio')} />
      )}
      {role === 'broker' && (
        <>
          <NumberField
            label="Consumers at once"
            value={p.consumers}
            min={1}
            max={1_000_000}
            whole
            placeholder="the consumer's capacity"
            onCommit={(consumers) => commit({ consumers })}
            commitKey={key('consumers')}
          />
          <NumberField label="Time per message (ms)" value={p.messageMs} min={0} max={600_000} placeholder="the consumer's time" onCommit={(messageMs) => commit({ messageMs })} commitKey={key('messageMs')} />
        </>
      )}
    </Section>
  );
}
