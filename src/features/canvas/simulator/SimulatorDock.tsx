/** Where the simulator panel sits under the canvas (under half the height when open), and when its run ends. */
import { useEffect } from 'react';
import { useEditorStore } from '../../../stores/editor/editor-store.ts';
import { SimulatorPanel } from './SimulatorPanel.tsx';
import { useSimulationStore } from './simulation-store.ts';

export function SimulatorDock() {
  const open = useSimulationStore((s) => s.open);
  const designId = useEditorStore((s) => s.design.id);
  // A run belongs to the design it was started on: leaving the page or opening another design ends it.
  useEffect(() => () => useSimulationStore.getState().stop(), [designId]);
  return (
    <div className={`shrink-0 ${open ? 'h-[45%] min-h-48' : ''}`}>
      <SimulatorPanel />
    </div>
  );
}
