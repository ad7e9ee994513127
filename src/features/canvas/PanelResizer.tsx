import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { PANEL_LIMITS, usePanelStore, type PanelId } from '../../stores/panel-store.ts';

/**
 * The border between a panel and the canvas, as a window splitter (WAI-ARIA):
 * drag it, or focus it and use the arrow keys (Shift for larger steps), Home
 * and End; Enter closes the panel. `grows` says which way makes the panel
 * larger: a left panel grows to the right, the Review panel upwards.
 */
export function PanelResizer({ panel, label, size, grows }: { panel: PanelId; label: string; size: number; grows: 'right' | 'left' | 'up' }) {
  const resize = usePanelStore((s) => s.resize);
  const setOpen = usePanelStore((s) => s.setOpen);
  const drag = useRef<{ start: number; size: number } | null>(null);
  const vertical = grows !== 'up';
  const limits = PANEL_LIMITS[panel];
  const sign = grows === 'left' || grows === 'up' ? -1 : 1;
  const along = (event: PointerEvent) => (vertical ? event.clientX : event.clientY);

  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.shiftKey ? 64 : 16;
    const more = vertical ? (grows === 'right' ? 'ArrowRight' : 'ArrowLeft') : 'ArrowUp';
    const less = vertical ? (grows === 'right' ? 'ArrowLeft' : 'ArrowRight') : 'ArrowDown';
    const next = event.key === more ? size + step : event.key === less ? size - step : event.key === 'Home' ? limits.min : event.key === 'End' ? limits.max : null;
    if (next !== null) {
      event.preventDefault();
      resize(panel, next);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      setOpen(panel, false);
    }
  };

  return (
    <div
      role="separator"
      tabIndex={0}
      aria-label={label}
      aria-orientation={vertical ? 'vertical' : 'horizontal'}
      aria-valuenow={size}
      aria-valuemin={limits.min}
      aria-valuemax={limits.max}
      onKeyDown={onKeyDown}
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        event.preventDefault();
        event.currentTarget.setPointerCapture(event.pointerId);
        drag.current = { start: along(event), size };
      }}
      onPointerMove={(event) => {
        if (drag.current) resize(panel, drag.current.size + sign * (along(event) - drag.current.start));
      }}
      onPointerUp={() => (drag.current = null)}
      onPointerCancel={() => (drag.current = null)}
      title={`${label}: drag, or use the arrow keys; Enter closes the panel`}
      className={`group relative z-20 shrink-0 touch-none bg-slate-200 outline-offset-0 hover:bg-blue-400 focus-visible:bg-blue-500 dark:bg-slate-800 dark:hover:bg-blue-500 ${
        vertical ? 'w-px cursor-col-resize' : 'h-px cursor-row-resize'
      }`}
    >
      {/* A wider grip than the one-pixel line, for the pointer. */}
      <span aria-hidden className={`absolute ${vertical ? '-left-1 -right-1 inset-y-0' : '-top-1 -bottom-1 inset-x-0'}`} />
    </div>
  );
}
