/**
 * Exports of the open design: the JSON file in the documented format, PNG
 * and SVG images of the drawing (html-to-image, loaded on first use) and
 * Mermaid text.
 */
import { getNodesBounds, getViewportForBounds, useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { serializeDesign } from '../../../domain/persistence/parse-design.ts';
import { useEditorStore } from '../../../stores/editor/editor-store.ts';
import { LARGE_DESIGN } from '../flow/DesignCanvas.tsx';
import { useFullDetail } from '../flow/detail.ts';
import { downloadFile, fileNameFor } from '../../../components/ui/download.ts';
import { bytesOfBase64 } from '../../../storage/base64.ts';

const MAX_IMAGE_SIDE = 4096;
const PADDING = 48;

/** Without fetch(), which the Content-Security-Policy keeps to this site. */
function dataUrlToBlob(url: string): Blob {
  const comma = url.indexOf(',');
  const header = url.slice(5, comma);
  const body = url.slice(comma + 1);
  const type = header.split(';')[0] ?? 'application/octet-stream';
  if (header.endsWith(';base64')) {
    return new Blob([bytesOfBase64(body)], { type });
  }
  return new Blob([decodeURIComponent(body)], { type });
}

export function useDesignExport() {
  const { getNodes, fitView } = useReactFlow();

  const exportJson = useCallback(() => {
    const design = useEditorStore.getState().design;
    downloadFile(fileNameFor(design.title, 'skyline.json'), serializeDesign(design), 'application/json');
  }, []);

  const exportImage = useCallback(
    async (format: 'png' | 'svg') => {
      const store = useEditorStore.getState();
      const nodes = getNodes();
      if (nodes.length === 0) {
        store.announce('There is nothing to export yet: add a component first.', 'error');
        return;
      }
      // Large designs render only what is on screen; bring everything into view first.
      if (nodes.length > LARGE_DESIGN) {
        await fitView({ duration: 0 });
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      }
      const canvasElement = document.querySelector<HTMLElement>('.design-canvas');
      const viewportElement = canvasElement?.querySelector<HTMLElement>('.react-flow__viewport');
      if (!canvasElement || !viewportElement) return;
      const bounds = getNodesBounds(nodes);
      const scale = Math.min(1, MAX_IMAGE_SIDE / (bounds.width + 2 * PADDING), MAX_IMAGE_SIDE / (bounds.height + 2 * PADDING));
      const width = Math.ceil((bounds.width + 2 * PADDING) * scale);
      const height = Math.ceil((bounds.height + 2 * PADDING) * scale);
      const viewport = getViewportForBounds(bounds, width, height, scale, scale, 0);
      const dark = document.documentElement.classList.contains('dark');
      const options = {
        backgroundColor: dark ? '#0f172a' : '#ffffff',
        width,
        height,
        skipFonts: true,
        style: { width: `${width}px`, height: `${height}px`, transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})` },
      };
      // Labels and icons hidden at a small zoom on screen belong in the image.
      canvasElement.dataset.exporting = 'true';
      useFullDetail.setState({ full: true });
      try {
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const { toPng, toSvg } = await import('html-to-image');
        const url = format === 'png' ? await toPng(viewportElement, options) : await toSvg(viewportElement, options);
        const blob = dataUrlToBlob(url);
        downloadFile(fileNameFor(store.design.title, format), blob);
        store.announce(`Exported ${width} × ${height} ${format.toUpperCase()} image.`, 'success');
      } catch (error) {
        store.announce(`The image could not be made (${error instanceof Error ? error.message : 'unknown error'}). Try the JSON or Mermaid export instead.`, 'error');
      } finally {
        delete canvasElement.dataset.exporting;
        useFullDetail.setState({ full: false });
      }
    },
    [getNodes, fitView],
  );

  return { exportJson, exportImage };
}
