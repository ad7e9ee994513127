import { AlertTriangle, Check, Copy } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { Dialog } from '../../../components/ui/Dialog.tsx';
import type { Design } from '../../../domain/diagram/schema.ts';
import { SHARE_LINK_WARN_LENGTH, shareLink } from '../../../storage/share-link.ts';

type CopyState = 'idle' | 'copied' | 'failed';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The link to this design, copied as the dialog opens; its length, and a warning when chat tools may cut it. */
export function ShareDialog({ design, onClose }: { design: Design | null; onClose(): void }) {
  const link = useMemo(() => (design ? shareLink(window.location.origin, design) : ''), [design]);
  const [copy, setCopy] = useState<CopyState>('idle');
  useEffect(() => {
    if (!link) return;
    setCopy('idle');
    void copyText(link).then((ok) => setCopy(ok ? 'copied' : 'failed'));
  }, [link]);
  const long = link.length > SHARE_LINK_WARN_LENGTH;
  return (
    <Dialog open={design !== null} title="Share this design" onClose={onClose}>
      <div className="space-y-3 text-sm">
        <p className="text-slate-700 dark:text-slate-300">
          The whole design travels inside the link, after the “#”, which browsers never send to a server: nothing is uploaded. Whoever opens it sees a read-only copy and can save their own.
        </p>
        <label className="block">
          <span className="mb-1 block font-medium">Link</span>
          <input
            readOnly
            value={link}
            onFocus={(e) => e.currentTarget.select()}
            className="w-full rounded-md border border-slate-300 bg-slate-50 px-2 py-1.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800"
          />
        </label>
        <p className="text-slate-600 dark:text-slate-400">{link.length.toLocaleString('en-US')} characters</p>
        {long && (
          <p role="alert" className="flex gap-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
            <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" />
            <span>
              This link is longer than {SHARE_LINK_WARN_LENGTH.toLocaleString('en-US')} characters. Discord and some chat, SMS and mail tools cut or refuse links that long. If it does not
              open for the other person, send the design file instead (File → Export as JSON).
            </span>
          </p>
        )}
        <div className="flex items-center gap-3">
          <button
            type="button"
            onClick={() => void copyText(link).then((ok) => setCopy(ok ? 'copied' : 'failed'))}
            className="inline-flex items-center gap-1.5 rounded-md bg-blue-700 px-3 py-1.5 font-medium text-white hover:bg-blue-800"
          >
            <Copy aria-hidden className="size-4" /> Copy link
          </button>
          <span role="status" className="text-slate-600 dark:text-slate-400">
            {copy === 'copied' && (
              <span className="inline-flex items-center gap-1 text-emerald-700 dark:text-emerald-400">
                <Check aria-hidden className="size-4" /> Link copied
              </span>
            )}
            {copy === 'failed' && 'Copying was not allowed here: select the link and copy it (Ctrl+C).'}
          </span>
        </div>
      </div>
    </Dialog>
  );
}
