import type { CategoryId } from '../../domain/diagram/catalog.ts';

/** One solid colour per component category: minimap dots and design thumbnails. */
export const CATEGORY_COLOUR: Record<CategoryId, string> = {
  clients: '#0ea5e9',
  edge: '#8b5cf6',
  compute: '#3b82f6',
  data: '#10b981',
  messaging: '#f59e0b',
  platform: '#f43f5e',
};
