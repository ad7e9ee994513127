import { useCallback, useRef, type ReactElement } from 'react';

/**
 * A hidden file input, opened from any button or menu item. The chosen file
 * is handed to `onFile`; the input is then cleared, so choosing the same file
 * again (after fixing it, say) is noticed too.
 */
export function useFilePicker(onFile: (file: File) => void, { accept, label }: { accept: string; label: string }): { open(): void; input: ReactElement } {
  const ref = useRef<HTMLInputElement>(null);
  const open = useCallback(() => ref.current?.click(), []);
  const input = (
    <input
      ref={ref}
      type="file"
      accept={accept}
      aria-label={label}
      className="hidden"
      onChange={(e) => {
        const file = e.currentTarget.files?.[0];
        e.currentTarget.value = '';
        if (file) onFile(file);
      }}
    />
  );
  return { open, input };
}

/** What the design importers accept. */
export const DESIGN_FILE = { accept: '.json,application/json', label: 'Design file to import' };
