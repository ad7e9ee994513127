/**
 * Inspector inputs that validate as they are typed. Each keeps the text being
 * typed locally, shows an inline message while it is invalid, and commits
 * only valid values; quick successive edits of one field are one undo step.
 */
import { useEffect, useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { coalesced } from '../../../stores/editor/history.ts';
import { cleanDisplayName, onlyInvisible } from '../../../domain/diagram/display-name.ts';

const INPUT =
  'w-full rounded-md border bg-white px-2 py-1.5 text-sm dark:bg-slate-900 aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600 border-slate-300 dark:border-slate-700';

function FieldShell({ id, label, hint, error, children }: { id: string; label: string; hint?: string | undefined; error?: string | null | undefined; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-600 dark:text-slate-300">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="flex items-start gap-1 text-xs text-red-700 dark:text-red-400">
          <span aria-hidden>⚠</span>
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

interface ValidatedProps<T> {
  label: string;
  value: T;
  /** Returns the parsed value, or an error message. */
  parse(text: string): { ok: true; value: T } | { ok: false; error: string };
  format(value: T): string;
  onCommit(value: T): void;
  commitKey: string;
  hint?: string;
  placeholder?: string;
  inputMode?: 'numeric' | 'text';
  multiline?: boolean;
}

export function ValidatedField<T>({ label, value, parse, format, onCommit, commitKey, hint, placeholder, inputMode, multiline }: ValidatedProps<T>) {
  const id = useId();
  const [text, setText] = useState(() => format(value));
  const [error, setError] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);

  // Follow outside changes (undo, another field) unless the user is typing here.
  useEffect(() => {
    if (!focused) {
      setText(format(value));
      setError(null);
    }
  }, [value, format, focused]);

  const onChange = (next: string) => {
    setText(next);
    const result = parse(next);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    if (format(result.value) !== format(value)) coalesced(commitKey, () => onCommit(result.value));
  };

  const common = {
    id,
    value: text,
    placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : hint ? `${id}-hint` : undefined,
    onFocus: () => setFocused(true),
    onKeyDown: (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.currentTarget.blur();
      }
    },
    onBlur: () => {
      setFocused(false);
      if (error) {
        setText(format(value));
        setError(null);
      }
    },
    className: INPUT,
  };
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" inputMode={inputMode} onChange={(e) => onChange(e.target.value)} />
      )}
    </FieldShell>
  );
}

const identity = (s: string) => s;

export function TextField({ label, value, onCommit, commitKey, required, max = 80, hint, multiline, placeholder }: {
  label: string;
  value: string;
  onCommit(value: string): void;
  commitKey: string;
  required?: boolean;
  max?: number;
  hint?: string;
  multiline?: boolean;
  placeholder?: string;
}) {
  return (
    <ValidatedField<string>
      label={label}
      value={value}
      commitKey={commitKey}
      onCommit={onCommit}
      format={identity}
      {...(hint !== undefined ? { hint } : {})}
      {...(placeholder !== undefined ? { placeholder } : {})}
      {...(multiline ? { multiline } : {})}
      parse={(text) => {
        if (required && text.trim() === '') return { ok: false, error: `${label} must not be empty.` };
        if (required && onlyInvisible(text)) return { ok: false, error: `${label} must contain a visible character.` };
        if (text.length > max) return { ok: false, error: `${label} must be at most ${max} characters.` };
        return { ok: true, value: required ? cleanDisplayName(text) : text };
      }}
    />
  );
}

export function IntegerField({ label, value, onCommit, commitKey, min, max, hint, unit, allowEmpty, placeholder }: {
  label: string;
  value: number | null;
  onCommit(value: number | null): void;
  commitKey: string;
  min: number;
  max: number;
  hint?: string;
  unit?: string;
  allowEmpty?: boolean;
  placeholder?: string;
}) {
  return (
    <ValidatedField<number | null>
      label={unit ? `${label} (${unit})` : label}
      value={value}
      commitKey={commitKey}
      onCommit={onCommit}
      inputMode="numeric"
      {...(hint !== undefined ? { hint } : {})}
      {...(placeholder !== undefined ? { placeholder } : {})}
      format={(v) => (v === null ? '' : String(v))}
      parse={(text) => {
        const trimmed = text.trim();
        if (trimmed === '') return allowEmpty ? { ok: true, value: null } : { ok: false, error: `${label} is required.` };
        if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return { ok: false, error: `${label} must be a number.` };
        const n = Number(trimmed);
        if (!Number.isInteger(n)) return { ok: false, error: `${label} must be a whole number.` };
        if (n < min) return { ok: false, error: min === 1 && allowEmpty ? `${label} must be a positive number.` : `${label} must be at least ${min}.` };
        if (n > max) return { ok: false, error: `${label} must be at most ${max}.` };
        return { ok: true, value: n };
      }}
    />
  );
}

export function SelectField<T extends string>({ label, value, options, onChange, hint }: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange(value: T): void;
  hint?: string;
}) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint}>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value as T)}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className={INPUT}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxField({ label, checked, onChange, hint }: { label: string; checked: boolean; onChange(value: boolean): void; hint?: string }) {
  const id = useId();
  return (
    <div className="flex items-start gap-2">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className="mt-0.5 size-4 rounded border-slate-300 accent-blue-700"
      />
      <div>
        <label htmlFor={id} className="text-sm">
          {label}
        </label>
        {hint && (
          <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-3 border-t border-slate-200 px-3 py-3 first:border-t-0 dark:border-slate-800" aria-label={title}>
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{title}</h3>
      {children}
    </section>
  );
}

export const BUTTON =
  'inline-flex items-center justify-center gap-1.5 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800';
export const DANGER_BUTTON =
  'inline-flex items-center justify-center gap-1.5 rounded-md border border-red-300 bg-white px-2.5 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 dark:border-red-900 dark:bg-slate-900 dark:text-red-400 dark:hover:bg-red-950';
