/**
 * The one library of this browser tab, opened on first use. Designs saved by
 * earlier versions of Skyline in localStorage are moved into it once, so an
 * upgrade loses nothing.
 */
import { queryOptions } from '@tanstack/react-query';
import { createDesign } from '../domain/diagram/factory.ts';
import type { Design } from '../domain/diagram/schema.ts';
import { parseDesignText } from '../domain/persistence/parse-design.ts';
import { openIndexedDbLibrary, type DesignLibrary } from './design-library.ts';

let opening: Promise<DesignLibrary> | null = null;

export function getLibrary(): Promise<DesignLibrary> {
  opening ??= openIndexedDbLibrary().then(async (library) => {
    if (library.persistent) await moveLegacyDesigns(library);
    return library;
  });
  return opening;
}

const LEGACY_DESIGN_KEYS = /^skyline:(current-design|design:problem:.+)$/;
const LEGACY_PROGRESS_KEY = 'skyline:problem-progress';

async function moveLegacyDesigns(library: DesignLibrary): Promise<void> {
  let storage: Storage;
  try {
    storage = globalThis.localStorage;
  } catch {
    return;
  }
  for (const key of Object.keys(storage)) {
    if (!LEGACY_DESIGN_KEYS.test(key)) continue;
    const parsed = parseDesignText(storage.getItem(key) ?? '');
    // A damaged legacy record stays where it is: nothing is deleted that was not moved.
    if (!parsed.ok) continue;
    const existing = await library.get(parsed.design.id);
    if (existing.status !== 'missing' || (await library.save(parsed.design, null)).ok) storage.removeItem(key);
  }
  try {
    const progress = JSON.parse(storage.getItem(LEGACY_PROGRESS_KEY) ?? 'null') as Record<string, { best?: unknown; attempts?: unknown }> | null;
    if (progress && typeof progress === 'object') {
      for (const [problemId, entry] of Object.entries(progress)) {
        if (typeof entry?.best === 'number') await library.noteScore(problemId, entry.best);
        if (Array.isArray(entry?.attempts)) {
          for (const attempt of entry.attempts as { score?: unknown }[]) {
            if (typeof attempt?.score === 'number') await library.noteScore(problemId, attempt.score, true);
          }
        }
      }
    }
    storage.removeItem(LEGACY_PROGRESS_KEY);
  } catch {
    // Unreadable legacy progress is left in place.
  }
}

export const libraryQuery = () =>
  queryOptions({
    queryKey: ['library'],
    queryFn: async () => {
      const library = await getLibrary();
      return { ...(await library.list()), persistent: library.persistent, warning: library.warning };
    },
    staleTime: 0,
  });

export const progressQuery = () =>
  queryOptions({ queryKey: ['library', 'progress'], queryFn: async () => (await getLibrary()).progress(), staleTime: 0 });

/** A new id for a design: unique enough across tabs and devices that a shared or imported copy never collides. */
export function newDesignId(): string {
  return `d-${Date.now().toString(36)}-${crypto.getRandomValues(new Uint32Array(2)).reduce((s, n) => s + n.toString(36), '')}`;
}

/** Starts an empty design in the library, free or for a problem. */
export function saveNewDesign(title: string, problemId: string | null = null) {
  return saveAsNew(createDesign({ id: 'new', title, now: new Date().toISOString(), problemId }));
}

/** Stores `design` as a new library entry under a fresh id and returns the stored copy. */
export async function saveAsNew(design: Design, changes: Partial<Pick<Design, 'title' | 'problemId'>> = {}): Promise<{ ok: true; design: Design } | { ok: false; message: string }> {
  const library = await getLibrary();
  const now = new Date().toISOString();
  const copy: Design = { ...design, ...changes, id: newDesignId(), createdAt: now, updatedAt: now };
  const saved = await library.save(copy, null);
  return saved.ok ? { ok: true, design: copy } : { ok: false, message: saved.message };
}
