import { CanvasPage } from '../../features/canvas/CanvasPage.tsx';
import { createLocalDesignStorage } from '../../storage/design-storage.ts';

const storage = createLocalDesignStorage();

export function CanvasRoute() {
  return <CanvasPage storage={storage} />;
}
