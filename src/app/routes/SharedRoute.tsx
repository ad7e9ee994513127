import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { MessagePage } from '../../components/ui/MessagePage.tsx';
import { useLoaded } from '../../components/ui/use-loaded.ts';
import { SharedDesignView } from '../../features/canvas/SharedDesignView.tsx';
import { decodeShareFragment } from '../../storage/share-link.ts';
import { usePageTitle } from '../../components/ui/use-page-title.ts';
import { useOpenAsNew } from './library-hooks.ts';

const decode = (hash: string) => decodeShareFragment(hash);

/**
 * The canvas's code (about 250 KB before compression), fetched while the
 * shared design is on screen, so that "Save a copy" opens the copy without
 * waiting for it: it was fetched only once the copy was saved.
 */
const loadCanvas = () => import('./CanvasRoute.tsx');

/** `/shared#d1.…`: a design carried by a link, read-only until saved as a copy. */
export function SharedRoute() {
  const { hash } = useLocation();
  const decoded = useLoaded(hash, decode);
  const openAsNew = useOpenAsNew();
  usePageTitle('ok' in decoded && decoded.ok ? `${decoded.design.title} · Shared design` : null);
  const opened = 'ok' in decoded && decoded.ok;
  useEffect(() => {
    if (!opened) return;
    const timer = setTimeout(() => void loadCanvas().catch(() => undefined));
    return () => clearTimeout(timer);
  }, [opened]);
  if ('status' in decoded) return <p className="p-6 text-sm text-slate-500 dark:text-slate-400">Opening the shared design…</p>;
  if (!decoded.ok) {
    return <MessagePage title="This share link cannot be opened" message={decoded.message} linkTo="/" linkText="Go to the Skyline home page" />;
  }
  return (
    <SharedDesignView
      design={decoded.design}
      onSaveCopy={() => {
        void loadCanvas().catch(() => undefined);
        return openAsNew(decoded.design);
      }}
    />
  );
}
