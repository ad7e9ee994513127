import { ReactFlowProvider, type Viewport } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { FileDown, FileImage, FileJson, FileUp, GitFork, Upload, X } from 'lucide-react';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import type { DesignStorage } from '../../storage/design-storage.ts';
import { useEditorStore } from '../../stores/editor/editor-store.ts';
import { useSettingsStore } from '../../stores/settings-store.ts';
import { CheatSheet } from './CheatSheet.tsx';
import { DesignCanvas, useComponentDrop } from './flow/DesignCanvas.tsx';
import { Inspector } from './inspector/Inspector.tsx';
import { Legend } from './Legend.tsx';
import { MessageBar } from './MessageBar.tsx';
import { Palette } from './palette/Palette.tsx';
import { Toolbar } from './Toolbar.tsx';
import { useAutosave, useSaveLoading } from './use-autosave.ts';
import { useCanvasActions } from './use-canvas-actions.ts';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts.ts';
import { FindingsProvider } from './findings/findings-context.tsx';
import { FindingsPanel } from './findings/FindingsPanel.tsx';
import { SimulatorDock } from './simulator/SimulatorDock.tsx';
import { useSimulationStore } from './simulator/simulation-store.ts';
import type { Finding } from '../../domain/rules/types.ts';
import type { Design } from '../../domain/diagram/schema.ts';
import type { Problem } from '../../domain/rubric/problem.ts';
import { ProblemContext } from './capabilities-context.ts';
import { emptyDesign } from '../../stores/editor/editor-store.ts';
import { CANVAS_OVERLAY, useFitDesign } from './canvas-context.tsx';
import { useMediaQuery } from './use-media-query.ts';
import type { MenuItem } from '../../components/ui/MenuButton.tsx';
import { readDesignFile } from '../../storage/read-design-file.ts';
import { DESIGN_FILE, useFilePicker } from '../../components/ui/file-picker.tsx';
import { MermaidDialog } from './export/MermaidDialog.tsx';
import { ShareDialog } from './export/ShareDialog.tsx';
import { useDesignExport } from './export/use-design-export.ts';
import { StorageNotice } from './StorageNotice.tsx';
import { PanelResizer } from './PanelResizer.tsx';
import { FlowsPanel } from './flows/FlowsPanel.tsx';
import { FlowWalkBar } from './flows/FlowWalkBar.tsx';
import { DEFAULT_PANEL_SIZE, usePanelStore } from '../../stores/panel-store.ts';
import { useShallow } from 'zustand/react/shallow';

const VIEWPORT_KEY = 'skyline:viewport';

function readViewport(designId: string): Viewport | null {
  try {
    const saved = JSON.parse(localStorage.getItem(VIEWPORT_KEY) ?? 'null') as { designId?: string; viewport?: Viewport } | null;
    const v = saved?.viewport;
    if (saved?.designId === designId && v && [v.x, v.y, v.zoom].every(Number.isFinite)) return v;
  } catch {
    // A damaged or missing viewport just means "fit the view".
  }
  return null;
}

function Drawer({ side, title, open, onClose, children }: { side: 'left' | 'right'; title: string; open: boolean; onClose(): void; children: ReactNode }) {
  if (!open) return null;
  return (
    <div className="fixed inset-0 z-40 flex" role="presentation">
      <button type="button" aria-label={`Close ${title}`} className="absolute inset-0 bg-slate-950/40" onClick={onClose} tabIndex={-1} />
      <aside
        aria-label={title}
        className={`relative flex h-full w-[min(22rem,88vw)] flex-col bg-white shadow-xl dark:bg-slate-900 ${side === 'right' ? 'ml-auto' : ''}`}
      >
        <div className="flex h-11 shrink-0 items-center justify-between border-b border-slate-200 px-3 dark:border-slate-800">
          <h2 className="text-sm font-semibold">{title}</h2>
          <button type="button" onClick={onClose} aria-label={`Close ${title}`} className="rounded p-1 hover:bg-slate-100 dark:hover:bg-slate-800">
            <X aria-hidden className="size-5" />
          </button>
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto">{children}</div>
      </aside>
    </div>
  );
}

/** A message to show once the design has opened (why it opened, or why the example asked for did not). */
export interface CanvasNotice {
  text: string;
  tone: 'success' | 'error';
}

export interface CanvasPageProps {
  storage: DesignStorage;
  /** Creates the design to start with when the slot is empty. */
  freshDesign?: () => Design;
  /** A panel shown beside the palette, in its own tab (e.g. a problem's brief and rubric). */
  sidePanel?: { label: string; content: ReactNode };
  /** The capabilities a problem expects; the inspector offers them as responsibilities. */
  problem?: Problem;
  notice?: CanvasNotice;
  onNoticeShown?(): void;
  /**
   * Opens `design` as a new entry of the library (an imported file, or a
   * copy of this one); resolves to an error message, or null on success.
   */
  onOpenAsNew?(design: Design, origin: 'import' | 'copy'): Promise<string | null>;
  /** A bar above the toolbar (an interview's clock); on phones it can open the side panel. */
  banner?(controls: { openSidePanel: (() => void) | null }): ReactNode;
}

function EmptyCanvasHint({ narrow, paletteTab }: { narrow: boolean; paletteTab: boolean }) {
  const empty = useEditorStore((s) => s.design.nodes.length === 0 && s.design.notes.length === 0 && s.design.groups.length === 0);
  if (!empty) return null;
  return (
    <div className="pointer-events-none absolute inset-0 flex items-center justify-center p-6">
      <div className="max-w-sm rounded-xl border border-dashed border-slate-300 bg-white/80 p-5 text-center text-sm text-slate-600 dark:border-slate-700 dark:bg-slate-900/80 dark:text-slate-300">
        <p className="font-semibold text-slate-800 dark:text-slate-100">Your canvas is empty</p>
        <p className="mt-1">
          {narrow
            ? 'Tap “Add” to pick a component; it appears here.'
            : `${paletteTab ? 'Drag a component from the Components tab on the left' : 'Drag a component from the list on the left'}, or click one to drop it here. Then drag from the dot on a box’s edge to another box to connect them.`}
        </p>
      </div>
    </div>
  );
}

type SideTab = 'side' | 'palette' | 'flows';

const LeftColumn = memo(function LeftColumn({
  sidePanel,
  onDone,
  startWith = 'side',
  showPalette = 0,
}: {
  sidePanel: CanvasPageProps['sidePanel'];
  onDone?: () => void;
  startWith?: 'side' | 'palette';
  /** Bumped to bring the Components tab forward ("/" from the canvas). */
  showPalette?: number;
}) {
  const [tab, setTab] = useState<SideTab>(sidePanel ? startWith : 'palette');
  // Before the browser paints, and within "/"'s own key press (flushSync below): the next key lands in the search.
  useLayoutEffect(() => {
    if (showPalette > 0) setTab('palette');
  }, [showPalette]);
  const tabs: [SideTab, string][] = [...(sidePanel ? [['side', sidePanel.label] as [SideTab, string]] : []), ['palette', 'Components'], ['flows', 'Flows']];
  const tabClass = (active: boolean) =>
    `flex-1 border-b-2 px-3 py-2 text-sm font-medium ${active ? 'border-blue-600 text-blue-800 dark:text-blue-300' : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100'}`;
  return (
    <div className="flex h-full flex-col">
      <div role="tablist" aria-label="Side panel" className="flex shrink-0 border-b border-slate-200 dark:border-slate-800">
        {tabs.map(([id, label]) => (
          <button key={id} type="button" role="tab" id={`tab-${id}`} aria-selected={tab === id} aria-controls={`panel-${id}`} onClick={() => setTab(id)} className={tabClass(tab === id)}>
            {label}
          </button>
        ))}
      </div>
      {sidePanel && (
        <div role="tabpanel" id="panel-side" aria-labelledby="tab-side" hidden={tab !== 'side'} className="min-h-0 flex-1 overflow-y-auto">
          {sidePanel.content}
        </div>
      )}
      <div role="tabpanel" id="panel-palette" aria-labelledby="tab-palette" hidden={tab !== 'palette'} className="min-h-0 flex-1">
        <Palette {...(onDone ? { onDone } : {})} />
      </div>
      {/* Mounted only while shown: proposing flows is work a hidden tab need not do on every edit. */}
      <div role="tabpanel" id="panel-flows" aria-labelledby="tab-flows" hidden={tab !== 'flows'} className="min-h-0 flex-1 overflow-y-auto">
        {tab === 'flows' && <FlowsPanel {...(onDone ? { onDone } : {})} />}
      </div>
    </div>
  );
});

function CanvasWorkspace({ storage, freshDesign, sidePanel, notice, onNoticeShown, onOpenAsNew, banner }: CanvasPageProps) {
  const narrow = useMediaQuery('(max-width: 767px)');
  const coarse = useMediaQuery('(pointer: coarse)');
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [drawerTab, setDrawerTab] = useState<'side' | 'palette'>('palette');
  const [inspectorOpen, setInspectorOpen] = useState(false);
  const [cheatSheetOpen, setCheatSheetOpen] = useState(false);
  const showLegend = useSettingsStore((s) => s.showLegend);
  const saveStatus = useAutosave(storage, freshDesign ?? emptyDesign);
  const loading = useSaveLoading(saveStatus);
  const designId = useEditorStore((s) => s.design.id);
  const actions = useCanvasActions();
  const openCheatSheet = useCallback(() => setCheatSheetOpen(true), []);
  const openPalette = useCallback(() => {
    setDrawerTab('palette');
    setPaletteOpen(true);
  }, []);
  const openSidePanel = useCallback(() => {
    setDrawerTab('side');
    setPaletteOpen(true);
  }, []);
  const panels = usePanelStore(useShallow((s) => ({ open: s.open, size: s.size, focus: s.focus })));
  const setPanelOpen = usePanelStore((s) => s.setOpen);
  const [reviewOpenNarrow, setReviewOpenNarrow] = useState(false);
  const openInspector = useCallback(() => (narrow ? setInspectorOpen(true) : setPanelOpen('inspector', true)), [narrow, setPanelOpen]);
  const [showPalette, setShowPalette] = useState(0);
  const showWidePalette = useCallback(() => {
    flushSync(() => {
      setPanelOpen('side', true);
      setShowPalette((n) => n + 1);
    });
  }, [setPanelOpen]);
  useKeyboardShortcuts(actions, openCheatSheet, narrow ? openPalette : showWidePalette, openInspector);

  const initialViewport = useMemo(() => (loading ? null : readViewport(designId)), [designId, loading]);
  const saveViewport = useCallback(
    (viewport: Viewport) => {
      try {
        localStorage.setItem(VIEWPORT_KEY, JSON.stringify({ designId, viewport }));
      } catch {
        // Losing the view position is harmless.
      }
    },
    [designId],
  );

  const fitDesign = useFitDesign();
  const { exportJson, exportImage } = useDesignExport();
  const [sharing, setSharing] = useState<Design | null>(null);
  const [mermaid, setMermaid] = useState<Design | null>(null);
  const [dropping, setDropping] = useState(false);
  const componentDrop = useComponentDrop();
  const importFile = useCallback(
    async (file: File) => {
      const store = useEditorStore.getState();
      const result = await readDesignFile(file);
      if (!result.ok) {
        store.announce(`“${file.name}” was not opened. ${result.message} Your current design is unchanged.`, 'error');
        return;
      }
      const problem = onOpenAsNew ? await onOpenAsNew(result.design, 'import') : 'Importing is not available here.';
      if (problem) store.announce(`“${file.name}” was not opened: ${problem}`, 'error');
      else store.announce(`Opened “${result.design.title}” from ${file.name} as a new design.`, 'success');
    },
    [onOpenAsNew],
  );
  const filePicker = useFilePicker((file) => void importFile(file), DESIGN_FILE);
  const openFilePicker = filePicker.open;
  const saveCopy = useCallback(async () => {
    const store = useEditorStore.getState();
    const problem = onOpenAsNew ? await onOpenAsNew({ ...store.design, title: `${store.design.title} (copy)`.slice(0, 120) }, 'copy') : 'Copies are not available here.';
    if (problem) store.announce(`The copy was not saved: ${problem}`, 'error');
    else store.announce('Saved your version as a new design.', 'success');
  }, [onOpenAsNew]);

  const fileItems = useMemo(
    (): MenuItem[] => [
      ...(onOpenAsNew ? [{ label: 'Import design file…', icon: Upload, onSelect: openFilePicker }] : []),
      { label: 'Export as JSON', icon: FileJson, onSelect: exportJson },
      { label: 'Export as PNG image', icon: FileImage, onSelect: () => void exportImage('png') },
      { label: 'Export as SVG image', icon: FileDown, onSelect: () => void exportImage('svg') },
      { label: 'Copy as Mermaid…', icon: GitFork, onSelect: () => setMermaid(useEditorStore.getState().design) },
      ...(onOpenAsNew ? [{ label: 'Save a copy', icon: FileUp, onSelect: () => void saveCopy() }] : []),
    ],
    [onOpenAsNew, exportJson, exportImage, saveCopy, openFilePicker],
  );
  const share = useCallback(() => setSharing(useEditorStore.getState().design), []);

  useEffect(() => {
    if (loading || !notice) return;
    useEditorStore.getState().announce(notice.text, notice.tone);
    onNoticeShown?.();
  }, [loading, notice, onNoticeShown]);
  const showFinding = useCallback(
    (finding: Finding) => {
      const store = useEditorStore.getState();
      const ids = new Set(finding.elementIds);
      const shown = new Set<string>();
      for (const n of store.design.nodes) if (ids.has(n.id)) shown.add(n.id);
      for (const e of store.design.edges) {
        if (ids.has(e.id)) {
          shown.add(e.source);
          shown.add(e.target);
        }
      }
      for (const g of store.design.groups) if (ids.has(g.id)) shown.add(g.id);
      // A finding about one connection selects just that connection, so the inspector opens it.
      const edges = store.design.edges.filter((e) => ids.has(e.id));
      const only = edges.length === 1 ? edges[0] : undefined;
      const aboutOneEdge = only !== undefined && [...ids].every((id) => id === only.id || id === only.source || id === only.target);
      store.select(aboutOneEdge ? [only.id] : ids);
      fitDesign({ ids: shown, duration: 300, padding: 64, maxZoom: 1.2 });
      if (narrow) setInspectorOpen(false);
    },
    [fitDesign, narrow],
  );

  useEffect(() => {
    if (!narrow) {
      setPaletteOpen(false);
      setInspectorOpen(false);
    }
  }, [narrow]);

  const sideLabel = sidePanel ? sidePanel.label : 'Components';
  const sideWidth = panels.size.side ?? (sidePanel ? 320 : DEFAULT_PANEL_SIZE.side);
  const inspectorWidth = panels.size.inspector ?? DEFAULT_PANEL_SIZE.inspector;
  const reviewHeight = panels.size.review ?? DEFAULT_PANEL_SIZE.review;
  const showSide = !narrow && !panels.focus && panels.open.side;
  const showInspector = !narrow && !panels.focus && panels.open.inspector;
  const reviewOpen = narrow ? reviewOpenNarrow : panels.open.review;
  const setReviewOpen = useCallback((open: boolean) => (narrow ? setReviewOpenNarrow(open) : setPanelOpen('review', open)), [narrow, setPanelOpen]);
  // Opening the simulator folds the review away, so the canvas keeps room for the run.
  const simulatorOpen = useSimulationStore((s) => s.open);
  useEffect(() => {
    if (simulatorOpen) setReviewOpen(false);
  }, [simulatorOpen, setReviewOpen]);

  return (
    // Focus mode: the site's header goes too (index.css), so the workspace has the whole window.
    <div className="flex min-h-0 flex-1 flex-col" {...(panels.focus ? { 'data-canvas-focus': '' } : {})}>
      <Toolbar
        actions={actions}
        storage={storage}
        saveStatus={saveStatus}
        narrow={narrow}
        fileItems={fileItems}
        onShare={share}
        onOpenPalette={openPalette}
        {...(narrow && sidePanel ? { sidePanelLabel: sidePanel.label, onOpenSidePanel: openSidePanel } : {})}
        sideLabel={sideLabel}
        onOpenInspector={() => setInspectorOpen(true)}
        onOpenCheatSheet={openCheatSheet}
      />
      {banner?.({ openSidePanel: narrow ? openSidePanel : null })}
      <StorageNotice storage={storage} onExport={exportJson} {...(onOpenAsNew ? { onSaveCopy: () => void saveCopy() } : {})} />
      {filePicker.input}
      <div className="flex min-h-0 flex-1">
        {showSide && (
          <>
            <aside aria-label={sideLabel} style={{ width: sideWidth }} className="canvas-side-panel shrink-0 bg-white dark:bg-slate-900">
              <LeftColumn sidePanel={sidePanel} showPalette={showPalette} />
            </aside>
            <PanelResizer panel="side" label={`Resize the ${sideLabel} panel`} size={sideWidth} grows="right" />
          </>
        )}
        <div className="flex min-w-0 flex-1 flex-col">
          <FlowWalkBar />
          <main
            aria-label="Canvas"
            className="relative min-h-0 flex-1"
            onDragOver={(e) => {
              if (componentDrop.onDragOver(e)) return;
              if (!onOpenAsNew || !e.dataTransfer.types.includes('Files')) return;
              e.preventDefault();
              e.dataTransfer.dropEffect = 'copy';
              setDropping(true);
            }}
            onDragLeave={(e) => {
              if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropping(false);
            }}
            onDrop={(e) => {
              if (componentDrop.onDrop(e)) return;
              const file = e.dataTransfer.files[0];
              setDropping(false);
              if (!onOpenAsNew || !file) return;
              e.preventDefault();
              void importFile(file);
            }}
          >
            {dropping && (
              <div className="pointer-events-none absolute inset-2 z-30 flex items-center justify-center rounded-xl border-2 border-dashed border-blue-500 bg-blue-50/80 text-sm font-medium text-blue-900 dark:bg-blue-950/80 dark:text-blue-100">
                Drop a Skyline design file (.json) to open it as a new design
              </div>
            )}
            {loading ? (
              <p className="p-6 text-sm text-slate-500">Opening your design…</p>
            ) : (
              <DesignCanvas coarsePointer={coarse || narrow} initialViewport={initialViewport} onViewportSaved={saveViewport} />
            )}
            {!loading && <EmptyCanvasHint narrow={narrow} paletteTab={sidePanel !== undefined} />}
            {showLegend && (
              <div {...{ [CANVAS_OVERLAY]: '' }} className="pointer-events-none absolute bottom-3 left-3 z-10 hidden sm:block">
                <Legend />
              </div>
            )}
            <MessageBar />
          </main>
          {/* Review keeps the size it is given, whatever the findings: the canvas never shrinks under the pointer. */}
          {!panels.focus && (
            <>
              <SimulatorDock />
              {reviewOpen && !narrow && <PanelResizer panel="review" label="Resize the Review panel" size={reviewHeight} grows="up" />}
              <div className={`shrink-0 ${reviewOpen && narrow ? 'h-[45%]' : ''}`} style={reviewOpen && !narrow ? { height: reviewHeight } : undefined}>
                <FindingsPanel onShow={showFinding} open={reviewOpen} onOpenChange={setReviewOpen} />
              </div>
            </>
          )}
        </div>
        {showInspector && (
          <>
            <PanelResizer panel="inspector" label="Resize the Inspector panel" size={inspectorWidth} grows="left" />
            <aside aria-label="Inspector" style={{ width: inspectorWidth }} className="canvas-side-panel shrink-0 overflow-y-auto bg-white dark:bg-slate-900">
              <Inspector />
            </aside>
          </>
        )}
      </div>
      {narrow && (
        <>
          <Drawer side="left" title={sidePanel ? sidePanel.label : 'Components'} open={paletteOpen} onClose={() => setPaletteOpen(false)}>
            <LeftColumn sidePanel={sidePanel} onDone={() => setPaletteOpen(false)} startWith={drawerTab} />
          </Drawer>
          <Drawer side="right" title="Inspector" open={inspectorOpen} onClose={() => setInspectorOpen(false)}>
            <Inspector />
          </Drawer>
        </>
      )}
      <CheatSheet open={cheatSheetOpen} onClose={() => setCheatSheetOpen(false)} />
      <ShareDialog design={sharing} onClose={() => setSharing(null)} />
      <MermaidDialog design={mermaid} onClose={() => setMermaid(null)} />
    </div>
  );
}

export function CanvasPage(props: CanvasPageProps) {
  const { storage } = props;
  useEffect(() => () => storage.release(), [storage]);
  return (
    <ReactFlowProvider>
      <FindingsProvider>
        <ProblemContext.Provider value={props.problem ?? null}>
          <CanvasWorkspace {...props} />
        </ProblemContext.Provider>
      </FindingsProvider>
    </ReactFlowProvider>
  );
}
