import { Search } from 'lucide-react';
import { useId, type KeyboardEvent } from 'react';

/** A labelled search box with a magnifier, used by every list that can be searched. */
export function SearchField({ label, value, onChange, placeholder, id, large, onKeyDown, onFocus, className = '' }: {
  label: string;
  value: string;
  onChange(value: string): void;
  placeholder?: string;
  id?: string;
  large?: boolean;
  onKeyDown?(event: KeyboardEvent<HTMLInputElement>): void;
  onFocus?(): void;
  className?: string;
}) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <div className={`relative ${className}`}>
      <label htmlFor={inputId} className="sr-only">
        {label}
      </label>
      <Search aria-hidden className={`pointer-events-none absolute top-1/2 size-4 -translate-y-1/2 text-slate-400 ${large ? 'left-3' : 'left-2'}`} />
      <input
        id={inputId}
        type="search"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        placeholder={placeholder}
        className={`w-full border border-slate-300 bg-white dark:border-slate-700 dark:bg-slate-900 ${large ? 'rounded-lg py-2 pl-9 pr-3' : 'rounded-md py-1.5 pl-8 pr-2 text-sm'}`}
      />
    </div>
  );
}
