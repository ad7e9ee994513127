/** Canvas commands shared by the toolbar, the keyboard and the inspector. */
import { useReactFlow } from '@xyflow/react';
import { useCallback, useMemo } from 'react';
import { useEditorStore } from '../../stores/editor/editor-store.ts';
import { redo, undo } from '../../stores/editor/history.ts';
import { canvasGeometry, useFitDesign, useViewCenter } from './canvas-context.tsx';
import { layoutDesign } from './layout.ts';
import { plural } from '../../components/ui/plural.ts';

export function useCanvasActions() {
  const { zoomIn, zoomOut } = useReactFlow();
  const viewCenter = useViewCenter();
  const fitDesign = useFitDesign();
  const fit = useCallback(() => fitDesign(), [fitDesign]);

  const autoLayout = useCallback(async () => {
    const store = useEditorStore.getState();
    if (store.design.nodes.length === 0) {
      store.announce('Nothing to lay out yet: add some components first.');
      return;
    }
    // Laid out for this canvas, as it is now: its shape, and where the minimap and buttons sit.
    const geometry = canvasGeometry();
    const { positions, groups, direction, wrapped } = await layoutDesign(store.design, geometry ? { viewport: geometry.size, obstacles: geometry.obstacles } : {});
    store.applyLayout(positions, groups);
    const reads = direction === 'down' ? `from top to bottom${wrapped ? ', column after column' : ''}` : `from left to right${wrapped ? ', row after row' : ''}`;
    store.announce(`Laid out the design ${reads}. Undo restores the previous layout.`, 'success');
    setTimeout(fit, 50);
  }, [fit]);

  return useMemo(
    () => ({
      undo,
      redo,
      fit,
      zoomIn: () => void zoomIn({ duration: 150 }),
      zoomOut: () => void zoomOut({ duration: 150 }),
      autoLayout,
      addNote: () => {
        const store = useEditorStore.getState();
        store.addNote(viewCenter());
        store.announce('Added a note. Type its text in the inspector.', 'success');
      },
      group: () => {
        const store = useEditorStore.getState();
        if (!store.groupSelection()) store.announce('Select the components to put in a boundary first.');
      },
      selectAll: () => {
        const d = useEditorStore.getState().design;
        useEditorStore.getState().select([...d.nodes.map((n) => n.id), ...d.edges.map((e) => e.id), ...d.notes.map((n) => n.id), ...d.groups.map((g) => g.id)]);
      },
      deleteSelection: () => {
        const count = useEditorStore.getState().deleteSelection();
        if (count > 0) useEditorStore.getState().announce(`Deleted ${plural(count, 'element')}. Ctrl+Z brings ${count === 1 ? 'it' : 'them'} back.`);
      },
      copy: () => {
        const count = useEditorStore.getState().copySelection();
        if (count > 0) useEditorStore.getState().announce(`Copied ${plural(count, 'element')}.`);
      },
      paste: () => {
        const count = useEditorStore.getState().paste();
        if (count > 0) useEditorStore.getState().announce(`Pasted ${plural(count, 'element')}.`, 'success');
      },
      duplicate: () => {
        const count = useEditorStore.getState().duplicateSelection();
        if (count > 0) useEditorStore.getState().announce(`Duplicated ${count} element${count === 1 ? '' : 's'}.`, 'success');
      },
    }),
    [autoLayout, fit, viewCenter, zoomIn, zoomOut],
  );
}

export type CanvasActions = ReturnType<typeof useCanvasActions>;
