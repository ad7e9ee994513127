/** Glue between the library and the routes that open designs from it. */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Design } from '../../domain/diagram/schema.ts';
import { getLibrary } from '../../storage/library.ts';
import type { DesignLibrary, GetResult } from '../../storage/design-library.ts';
import { saveAsNew } from '../../storage/library.ts';

export const designPath = (design: Pick<Design, 'id'>) => `/canvas/${encodeURIComponent(design.id)}`;

/** Saves a design as a new library entry and opens it; resolves to an error message or null. */
export function useOpenAsNew() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return useCallback(
    async (design: Design): Promise<string | null> => {
      const saved = await saveAsNew(design);
      if (!saved.ok) return saved.message;
      void queryClient.invalidateQueries({ queryKey: ['library'] });
      await navigate(designPath(saved.design));
      return null;
    },
    [navigate, queryClient],
  );
}

export type OpenedDesign = { status: 'loading' } | ({ library: DesignLibrary } & GetResult);

/** Reads one design of the library, once per id. */
export function useLibraryDesign(designId: string | null): OpenedDesign {
  const [opened, setOpened] = useState<OpenedDesign>({ status: 'loading' });
  useEffect(() => {
    if (designId === null) return;
    let cancelled = false;
    setOpened({ status: 'loading' });
    void getLibrary().then(async (library) => {
      const result = await library.get(designId);
      if (!cancelled) setOpened({ library, ...result });
    });
    return () => {
      cancelled = true;
    };
  }, [designId]);
  return opened;
}
