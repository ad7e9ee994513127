import { Copy, Download } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Dialog } from '../../../components/ui/Dialog.tsx';
import type { Design } from '../../../domain/diagram/schema.ts';
import { toMermaid } from '../../../domain/persistence/mermaid.ts';
import { downloadFile, fileNameFor } from '../../../components/ui/download.ts';

/** The design as Mermaid flowchart text, to paste into Markdown docs that render Mermaid. */
export function MermaidDialog({ design, onClose }: { design: Design | null; onClose(): void }) {
  const text = useMemo(() => (design ? toMermaid(design) : ''), [design]);
  const [copied, setCopied] = useState(false);
  return (
    <Dialog open={design !== null} title="Mermaid flowchart" onClose={onClose} wide>
      <div className="space-y-3 text-sm">
        <p className="text-slate-700 dark:text-slate-300">
          Paste this into a <code>```mermaid</code> block in GitHub, GitLab or any Markdown that renders Mermaid. Solid arrows are synchronous requests, dotted arrows asynchronous messages and thick arrows
          data access.
        </p>
        <label className="block">
          <span className="sr-only">Mermaid text</span>
          <textarea readOnly value={text} rows={14} className="w-full rounded-md border border-slate-300 bg-slate-50 p-2 font-mono text-xs dark:border-slate-600 dark:bg-slate-800" />
        </label>
        <div className="flex items-center gap-2">
          <button
            type="button"
            onClick={() =>
              void navigator.clipboard.writeText(text).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
            className="inline-flex items-center gap-1.5 rounded-md bg-blue-700 px-3 py-1.5 font-medium text-white hover:bg-blue-800"
          >
            <Copy aria-hidden className="size-4" /> Copy text
          </button>
          <button
            type="button"
            onClick={() => design && downloadFile(fileNameFor(design.title, 'mmd'), text, 'text/plain')}
            className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 px-3 py-1.5 font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
          >
            <Download aria-hidden className="size-4" /> Download .mmd
          </button>
          <span role="status">{copied ? 'Copied' : ''}</span>
        </div>
      </div>
    </Dialog>
  );
}
