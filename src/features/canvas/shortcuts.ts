/** Every keyboard shortcut of the canvas, defined once for the handler and the cheat sheet. */
export interface Shortcut {
  keys: string;
  action: string;
}

export const SHORTCUT_GROUPS: readonly { title: string; shortcuts: readonly Shortcut[] }[] = [
  {
    title: 'Add and connect',
    shortcuts: [
      { keys: '/', action: 'Search the component palette; Enter adds the first match and moves to it, Esc goes back to the canvas' },
      { keys: 'Enter (on a palette item)', action: 'Add that component in the middle of the view' },
      { keys: 'N', action: 'Add a text note' },
      { keys: 'C', action: 'Connect the focused or selected component: pick the other end, then Enter' },
    ],
  },
  {
    title: 'Select and edit',
    shortcuts: [
      { keys: 'Tab, then Enter', action: 'Move between components and connections; select one' },
      { keys: 'Shift + click, or drag on empty canvas', action: 'Select several' },
      { keys: 'Ctrl/⌘ + A', action: 'Select everything' },
      { keys: 'Esc', action: 'Clear the selection' },
      { keys: 'Arrow keys (Shift: larger steps)', action: 'Move the selection' },
      { keys: 'Delete or Backspace', action: 'Delete the selection' },
      { keys: 'Ctrl/⌘ + C, Ctrl/⌘ + V', action: 'Copy and paste' },
      { keys: 'Ctrl/⌘ + D', action: 'Duplicate' },
      { keys: 'Ctrl/⌘ + G', action: 'Group the selection into a boundary' },
      { keys: 'Ctrl/⌘ + Z', action: 'Undo' },
      { keys: 'Ctrl/⌘ + Shift + Z, or Ctrl + Y', action: 'Redo' },
    ],
  },
  {
    title: 'Step through a flow (Flows tab, “Step through”)',
    shortcuts: [
      { keys: '→ / ←', action: 'Next and previous step' },
      { keys: 'Esc', action: 'Stop stepping through' },
    ],
  },
  {
    title: 'View',
    shortcuts: [
      { keys: 'Shift + 1', action: 'Fit the whole design in view' },
      { keys: 'Shift + L', action: 'Tidy up with auto-layout' },
      { keys: 'F', action: 'Focus mode: hide the panels and the header, and bring them back' },
      { keys: '+ / −', action: 'Zoom in and out' },
      { keys: 'Scroll, or Space + drag', action: 'Pan' },
      { keys: 'Ctrl/⌘ + scroll, or pinch', action: 'Zoom' },
      { keys: '?', action: 'Show this list' },
    ],
  },
];
