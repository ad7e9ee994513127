/** Glue between the library and the routes that open designs from it. */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useLoaded } from '../../components/ui/use-loaded.ts';
import { useNavigate } from 'react-router';
import type { Design } from '../../domain/diagram/schema.ts';
import { getLibrary } from '../../storage/library.ts';
import type { DesignLibrary, GetResult } from '../../storage/design-library.ts';
import { saveAsNew } from '../../storage/library.ts';
import { distinctTitle, libraryTitles } from '../../storage/distinct-title.ts';

export const designPath = (design: Pick<Design, 'id'>) => `/canvas/${encodeURIComponent(design.id)}`;

/** Saves a design as a new library entry and opens it; resolves to an error message or null. */
export function useOpenAsNew() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return useCallback(
    async (design: Design): Promise<string | null> => {
      // A copy saved from here ("Title (copy)") or a file or link whose title is taken gets a title of its own.
      const saved = await saveAsNew(design, { title: distinctTitle(design.title, await libraryTitles()) });
      if (!saved.ok) return saved.message;
      void queryClient.invalidateQueries({ queryKey: ['library'] });
      await navigate(designPath(saved.design));
      return null;
    },
    [navigate, queryClient],
  );
}

export type OpenedDesign = { status: 'loading' } | ({ library: DesignLibrary } & GetResult);

const openFromLibrary = async (designId: string): Promise<OpenedDesign> => {
  const library = await getLibrary();
  return { library, ...(await library.get(designId)) };
};

/** Reads one design of the library, once per id. */
export function useLibraryDesign(designId: string | null): OpenedDesign {
  return useLoaded(designId, openFromLibrary);
}
