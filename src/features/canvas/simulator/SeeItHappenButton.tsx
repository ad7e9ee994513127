/** "See it happen" on a finding about dynamics: runs its prepared scenario in the simulator panel. */
import { Activity } from 'lucide-react';
import { hasScenario } from '../../../domain/simulator/scenarios.ts';
import type { Finding } from '../../../domain/rules/types.ts';
import { useEditorStore } from '../../../stores/editor/editor-store.ts';
import { useSimulationStore } from './simulation-store.ts';

export function SeeItHappenButton({ finding }: { finding: Finding }) {
  if (!hasScenario(finding)) return null;
  return (
    <button
      type="button"
      onClick={() => useSimulationStore.getState().seeItHappen(finding, useEditorStore.getState().design)}
      className="inline-flex items-center gap-1 rounded border border-slate-300 px-1.5 py-0.5 text-xs hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
      aria-label={`See it happen: ${finding.title}`}
    >
      <Activity aria-hidden className="size-3.5" />
      See it happen
    </button>
  );
}
