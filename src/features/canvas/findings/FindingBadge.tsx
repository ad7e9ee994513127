import { SEVERITY_META } from '../../../components/ui/severity.ts';
import { useElementFindings } from './findings-context.tsx';
import { plural } from '../../../components/ui/plural.ts';

/** An icon and a count, so colour is never the only signal. */
export function FindingBadge({ id, className = '' }: { id: string; className?: string }) {
  const found = useElementFindings(id);
  if (!found) return null;
  const meta = SEVERITY_META[found.worst];
  const Icon = meta.icon;
  return (
    <span
      className={`lod-detail inline-flex items-center gap-0.5 rounded-full border px-1 text-[10px] font-semibold leading-4 ${meta.chip} ${className}`}
      title={`${plural(found.count, 'finding')}; worst: ${meta.label.toLowerCase()}`}
    >
      <Icon aria-hidden className="size-3" />
      {found.count}
      <span className="sr-only"> finding{found.count === 1 ? '' : 's'}</span>
    </span>
  );
}
