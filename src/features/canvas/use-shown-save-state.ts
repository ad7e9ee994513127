/**
 * What the toolbar says about saving: the autosave's state, except while the
 * design is held by another tab (or otherwise in conflict), when this tab's
 * changes are not being saved whatever the last save did, as the banner says.
 */
import { useEffect, useState } from 'react';
import type { Conflict, DesignStorage } from '../../storage/design-storage.ts';
import type { SaveState } from './use-autosave.ts';

export const NOT_SAVED_ELSEWHERE = 'Not saved: open in another tab';
const NOT_SAVED_DELETED = 'Not saved: deleted';

export function useShownSaveState(storage: DesignStorage, saveState: SaveState): SaveState {
  const [conflict, setConflict] = useState<Conflict | null>(null);
  useEffect(() => storage.watchConflict(setConflict), [storage]);
  if (!conflict || saveState.status === 'loading') return saveState;
  return { status: 'failed', message: conflict.kind === 'deleted' ? NOT_SAVED_DELETED : NOT_SAVED_ELSEWHERE };
}
