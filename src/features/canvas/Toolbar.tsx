import {
  Grid3x3, Group, Keyboard, LayoutDashboard, Map as MapIcon, Maximize, Plus, Redo2, SlidersHorizontal, StickyNote, Undo2,
  BookOpen, Check, CloudAlert, Ellipsis, FileText, Focus, PanelBottom, PanelLeft, PanelRight, Share2, type LucideIcon,
} from 'lucide-react';
import { usePanelStore } from '../../stores/panel-store.ts';
import { useShallow } from 'zustand/react/shallow';
import { MenuButton, type MenuItem } from '../../components/ui/MenuButton.tsx';
import { useStore } from 'zustand';
import { useEditorStore } from '../../stores/editor/editor-store.ts';
import { useSettingsStore } from '../../stores/settings-store.ts';
import type { DesignStorage } from '../../storage/design-storage.ts';
import { useSaveState, type SaveStatus } from './use-autosave.ts';
import { useShownSaveState } from './use-shown-save-state.ts';
import type { CanvasActions } from './use-canvas-actions.ts';

function ToolButton({ icon: Icon, label, shortcut, onClick, disabled, pressed, showLabel, cramped }: {
  icon?: LucideIcon | undefined;
  label: string;
  shortcut?: string;
  onClick(): void;
  disabled?: boolean;
  pressed?: boolean;
  showLabel?: boolean;
  /** On the narrowest phones (under 380 px) the label gives way to the icon alone. */
  cramped?: boolean;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      aria-label={label}
      aria-pressed={pressed}
      aria-keyshortcuts={shortcut}
      title={shortcut ? `${label} (${shortcut})` : label}
      className="inline-flex shrink-0 items-center gap-1.5 rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100 disabled:opacity-40 disabled:hover:bg-transparent aria-pressed:bg-blue-100 aria-pressed:text-blue-900 dark:text-slate-200 dark:hover:bg-slate-800 dark:aria-pressed:bg-blue-900/60 dark:aria-pressed:text-blue-100"
    >
      {Icon && <Icon aria-hidden className="size-4" />}
      {showLabel && <span className={cramped ? 'max-[379px]:sr-only' : undefined}>{label}</span>}
    </button>
  );
}

const Divider = () => <span aria-hidden className="mx-1 h-5 w-px shrink-0 bg-slate-200 dark:bg-slate-700" />;

/** Subscribes to the save state itself, so a save starting or ending re-renders this and not the toolbar. */
function SaveIndicator({ storage, status, compact }: { storage: DesignStorage; status: SaveStatus; compact: boolean }) {
  const state = useShownSaveState(storage, useSaveState(status));
  const text =
    state.status === 'loading' ? 'Loading…' : state.status === 'pending' ? 'Saving…' : state.status === 'saved' ? 'Saved in this browser' : state.message;
  const failed = state.status === 'failed';
  return (
    <span role="status" title={text} className={`flex min-w-0 items-center gap-1 text-xs ${failed ? 'font-medium text-red-700 dark:text-red-400' : 'text-slate-500 dark:text-slate-400'}`}>
      {failed ? <CloudAlert aria-hidden className="size-4 shrink-0" /> : <Check aria-hidden className={`size-4 shrink-0 ${state.status === 'saved' ? '' : 'opacity-30'}`} />}
      <span className={compact && !failed ? 'sr-only' : 'max-w-[14rem] truncate'}>{text}</span>
    </span>
  );
}

/** Show or hide each panel, and focus mode (F), which hides them all and the site's header. */
function PanelToggles({ sideLabel }: { sideLabel: string }) {
  const { open, focus, toggle, setFocus } = usePanelStore(useShallow((s) => ({ open: s.open, focus: s.focus, toggle: s.toggle, setFocus: s.setFocus })));
  return (
    <>
      <ToolButton icon={PanelLeft} label={`${sideLabel} panel`} onClick={() => toggle('side')} pressed={open.side && !focus} />
      <ToolButton icon={PanelBottom} label="Review panel" onClick={() => toggle('review')} pressed={open.review && !focus} />
      <ToolButton icon={PanelRight} label="Inspector panel" onClick={() => toggle('inspector')} pressed={open.inspector && !focus} />
      <ToolButton icon={Focus} label="Focus on the drawing" shortcut="F" onClick={() => setFocus(!focus)} pressed={focus} />
    </>
  );
}

export function Toolbar({ actions, storage, saveStatus, narrow, fileItems, onShare, onOpenPalette, sidePanelLabel, onOpenSidePanel, sideLabel, onOpenInspector, onOpenCheatSheet }: {
  actions: CanvasActions;
  storage: DesignStorage;
  saveStatus: SaveStatus;
  narrow: boolean;
  fileItems: readonly MenuItem[];
  onShare(): void;
  onOpenPalette(): void;
  sidePanelLabel?: string;
  onOpenSidePanel?(): void;
  /** What the left panel is called: Components, or a side panel's label. */
  sideLabel: string;
  onOpenInspector(): void;
  onOpenCheatSheet(): void;
}) {
  const canUndo = useStore(useEditorStore.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(useEditorStore.temporal, (s) => s.futureStates.length > 0);
  const hasSelection = useEditorStore((s) => s.selection.size > 0);
  const title = useEditorStore((s) => s.design.title);
  const settings = useSettingsStore();
  const focus = usePanelStore((s) => s.focus);
  const setFocus = usePanelStore((s) => s.setFocus);
  return (
    <div role="toolbar" aria-label="Canvas tools" className="flex h-11 shrink-0 items-center gap-0.5 border-b border-slate-200 bg-white px-2 dark:border-slate-800 dark:bg-slate-900">
      {narrow && <ToolButton icon={Plus} label="Add" onClick={onOpenPalette} showLabel cramped />}
      {sidePanelLabel && onOpenSidePanel && <ToolButton icon={narrow ? undefined : PanelLeft} label={sidePanelLabel} onClick={onOpenSidePanel} showLabel />}
      <h1 className="mx-2 hidden max-w-[16rem] shrink truncate text-sm font-semibold md:block" title={title}>
        {title}
      </h1>
      <div className={`flex min-w-0 flex-1 items-center gap-0.5 ${narrow ? '' : 'overflow-x-auto'}`}>
        <ToolButton icon={Undo2} label="Undo" shortcut="Control+Z" onClick={actions.undo} disabled={!canUndo} />
        {narrow ? (
          <MenuButton
            label="More tools"
            icon={Ellipsis}
            showLabel={false}
            align="left"
            items={[
              { label: 'Redo', icon: Redo2, onSelect: actions.redo, disabled: !canRedo },
              { label: 'Auto-layout', icon: LayoutDashboard, onSelect: () => void actions.autoLayout() },
              { label: 'Fit view', icon: Maximize, onSelect: actions.fit },
              { label: 'Group into boundary', icon: Group, onSelect: actions.group, disabled: !hasSelection },
              { label: 'Add note', icon: StickyNote, onSelect: actions.addNote },
              { label: 'Snap to grid', icon: Grid3x3, onSelect: settings.toggleSnap, checked: settings.snapToGrid },
              { label: 'Focus on the drawing', icon: Focus, onSelect: () => setFocus(!focus), checked: focus },
              { label: 'Keyboard shortcuts', icon: Keyboard, onSelect: onOpenCheatSheet },
            ]}
          />
        ) : (
          <>
            <ToolButton icon={Redo2} label="Redo" shortcut="Control+Shift+Z" onClick={actions.redo} disabled={!canRedo} />
            <Divider />
            <ToolButton icon={LayoutDashboard} label="Auto-layout" shortcut="Shift+L" onClick={() => void actions.autoLayout()} showLabel />
            <ToolButton icon={Maximize} label="Fit view" shortcut="Shift+1" onClick={actions.fit} />
            <ToolButton icon={Group} label="Group into boundary" shortcut="Control+G" onClick={actions.group} disabled={!hasSelection} />
            <ToolButton icon={StickyNote} label="Add note" shortcut="N" onClick={actions.addNote} />
            <Divider />
            <ToolButton icon={Grid3x3} label="Snap to grid" onClick={settings.toggleSnap} pressed={settings.snapToGrid} />
            <ToolButton icon={MapIcon} label="Minimap" onClick={settings.toggleMinimap} pressed={settings.showMinimap} />
            <ToolButton icon={BookOpen} label="Legend" onClick={settings.toggleLegend} pressed={settings.showLegend} />
            <ToolButton icon={Keyboard} label="Keyboard shortcuts" shortcut="?" onClick={onOpenCheatSheet} />
            <Divider />
            <PanelToggles sideLabel={sideLabel} />
          </>
        )}
      </div>
      <div className="flex min-w-0 shrink-0 items-center gap-2 pl-2">
        <SaveIndicator storage={storage} status={saveStatus} compact={narrow} />
        <MenuButton label="File" icon={FileText} items={narrow ? [...fileItems, { label: 'Share a link…', icon: Share2, onSelect: onShare }] : fileItems} showLabel={!narrow} />
        {!narrow && <ToolButton icon={Share2} label="Share" onClick={onShare} showLabel />}
        {narrow && <ToolButton icon={SlidersHorizontal} label="Edit" onClick={onOpenInspector} showLabel cramped />}
      </div>
    </div>
  );
}
