import { Trash2 } from 'lucide-react';
import { allowedFamilies, asyncMode, type Family } from '../../../domain/diagram/connections.ts';
import {
  BACKOFFS,
  DATA_ACCESS,
  DELIVERY_GUARANTEES,
  PROTOCOLS,
  type AsyncEdge,
  type DataEdge,
  type DesignEdge,
  type DesignNode,
  type RetryPolicy,
  type SyncEdge,
} from '../../../domain/diagram/schema.ts';
import { useEditorStore } from '../../../stores/editor/editor-store.ts';
import { FAMILY_LABEL, PROTOCOL_LABEL } from '../edge-visuals.ts';
import { EdgeFlowSteps } from '../flows/EdgeFlowSteps.tsx';
import { CheckboxField, DANGER_BUTTON, IntegerField, Section, SelectField, TextField } from './fields.tsx';

const BACKOFF_LABEL = { none: 'None (retry at once)', fixed: 'Fixed delay', exponential: 'Exponential' } as const;
const ACCESS_LABEL = { read: 'Read', write: 'Write', 'read-write': 'Read and write', replicate: 'Replicate (copy changes)' } as const;
const DELIVERY_LABEL = { 'at-most-once': 'At most once', 'at-least-once': 'At least once', 'exactly-once': 'Exactly once (effectively)' } as const;

function RetryFields({ edge, retry, label }: { edge: DesignEdge; retry: RetryPolicy; label: string }) {
  const update = (patch: Partial<RetryPolicy>) => useEditorStore.getState().updateEdge(edge.id, { retry: { ...retry, ...patch } });
  return (
    <>
      <IntegerField
        label={label}
        value={retry.maxAttempts}
        min={1}
        max={10}
        onCommit={(v) => v !== null && update({ maxAttempts: v })}
        commitKey={`${edge.id}:attempts`}
        hint="Total attempts including the first; 1 means no retries."
      />
      {retry.maxAttempts > 1 && (
        <>
          <SelectField
            label="Backoff between attempts"
            value={retry.backoff}
            options={BACKOFFS.map((b) => ({ value: b, label: BACKOFF_LABEL[b] }))}
            onChange={(backoff) => update({ backoff })}
          />
          <CheckboxField label="Jitter (randomise the delay)" checked={retry.jitter} onChange={(jitter) => update({ jitter })} />
        </>
      )}
    </>
  );
}

function SyncFields({ edge }: { edge: SyncEdge }) {
  const update = (patch: Partial<SyncEdge>) => useEditorStore.getState().updateEdge(edge.id, patch);
  return (
    <>
      <SelectField label="Protocol" value={edge.protocol} options={PROTOCOLS.map((p) => ({ value: p, label: PROTOCOL_LABEL[p] }))} onChange={(protocol) => update({ protocol })} />
      <IntegerField
        label="Timeout"
        unit="ms"
        value={edge.timeoutMs}
        min={1}
        max={600000}
        allowEmpty
        placeholder="No timeout"
        onCommit={(timeoutMs) => update({ timeoutMs })}
        commitKey={`${edge.id}:timeout`}
        hint="How long the caller waits. Empty means it may wait forever."
      />
      <RetryFields edge={edge} retry={edge.retry} label="Attempts" />
      <CheckboxField label="Circuit breaker" checked={edge.circuitBreaker} onChange={(circuitBreaker) => update({ circuitBreaker })} hint="Stop calling for a while after repeated failures." />
      <CheckboxField label="Idempotent" checked={edge.idempotent} onChange={(idempotent) => update({ idempotent })} hint="Repeating the call has the same effect as making it once." />
      <CheckboxField
        label="One call per item (N+1)"
        checked={edge.callsPerRequest === 'per-item'}
        onChange={(perItem) => update({ callsPerRequest: perItem ? 'per-item' : 1 })}
      />
      {edge.callsPerRequest !== 'per-item' && (
        <IntegerField
          label="Calls per request"
          value={edge.callsPerRequest}
          min={1}
          max={10000}
          onCommit={(v) => v !== null && update({ callsPerRequest: v })}
          commitKey={`${edge.id}:calls`}
          hint="How many times one incoming request makes this call."
        />
      )}
    </>
  );
}

function AsyncFields({ edge, mode }: { edge: AsyncEdge; mode: 'publish' | 'consume' | 'message' }) {
  const update = (patch: Partial<AsyncEdge>) => useEditorStore.getState().updateEdge(edge.id, patch);
  return (
    <>
      <SelectField
        label="Delivery guarantee"
        value={edge.delivery}
        options={DELIVERY_GUARANTEES.map((d) => ({ value: d, label: DELIVERY_LABEL[d] }))}
        onChange={(delivery) => update({ delivery })}
      />
      {mode !== 'publish' && (
        <>
          <CheckboxField
            label="Dead-letter queue"
            checked={edge.deadLetterQueue}
            onChange={(deadLetterQueue) => update({ deadLetterQueue })}
            hint="Messages that keep failing are parked for inspection instead of blocking or vanishing."
          />
          <RetryFields edge={edge} retry={edge.retry} label="Delivery attempts" />
        </>
      )}
    </>
  );
}

function DataFields({ edge }: { edge: DataEdge }) {
  const update = (patch: Partial<DataEdge>) => useEditorStore.getState().updateEdge(edge.id, patch);
  return (
    <>
      <SelectField label="Access" value={edge.access} options={DATA_ACCESS.map((a) => ({ value: a, label: ACCESS_LABEL[a] }))} onChange={(access) => update({ access })} />
      <TextField
        label="Logical database or schema"
        value={edge.database}
        onCommit={(database) => update({ database })}
        commitKey={`${edge.id}:database`}
        hint="Name it when several logical databases share one server."
      />
    </>
  );
}

export function EdgeInspector({ edge, source, target }: { edge: DesignEdge; source: DesignNode; target: DesignNode }) {
  const store = useEditorStore.getState();
  const families = allowedFamilies(source.kind, target.kind);
  const mode = asyncMode(source.kind, target.kind);
  const title = edge.family === 'async' ? (mode === 'publish' ? 'Publish' : mode === 'consume' ? 'Consume' : 'Message') : FAMILY_LABEL[edge.family];
  return (
    <>
      <Section title="Connection">
        <p className="text-sm">
          <strong>{source.name}</strong> → <strong>{target.name}</strong>
        </p>
        {families.length > 1 ? (
          <SelectField<Family>
            label="Type"
            value={edge.family}
            options={families.map((f) => ({ value: f, label: FAMILY_LABEL[f] }))}
            onChange={(family) => {
              const result = store.setEdgeFamily(edge.id, family);
              if (!result.ok) store.announce(result.reason, 'error');
            }}
          />
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-300">
            Type: {title}
            <span className="block text-xs text-slate-500 dark:text-slate-400">The only kind of connection that fits these two components.</span>
          </p>
        )}
        <TextField label="Label" value={edge.label} onCommit={(label) => store.updateEdge(edge.id, { label })} commitKey={`${edge.id}:label`} placeholder="e.g. place order" />
      </Section>
      <EdgeFlowSteps edge={edge} />
      <Section title={title}>
        {edge.family === 'sync' && <SyncFields edge={edge} />}
        {edge.family === 'async' && <AsyncFields edge={edge} mode={mode} />}
        {edge.family === 'data' && <DataFields edge={edge} />}
      </Section>
      <Section title="More">
        <TextField label="Notes" value={edge.notes} multiline max={4000} onCommit={(notes) => store.updateEdge(edge.id, { notes })} commitKey={`${edge.id}:notes`} />
        <button type="button" className={DANGER_BUTTON} onClick={() => store.deleteSelection()}>
          <Trash2 aria-hidden className="size-4" />
          Delete connection
        </button>
      </Section>
    </>
  );
}
