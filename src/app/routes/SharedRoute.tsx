import { useMemo } from 'react';
import { useLocation } from 'react-router';
import { MessagePage } from '../../components/ui/MessagePage.tsx';
import { SharedDesignView } from '../../features/canvas/SharedDesignView.tsx';
import { decodeShareFragment } from '../../storage/share-link.ts';
import { usePageTitle } from '../../components/ui/use-page-title.ts';
import { useOpenAsNew } from './library-hooks.ts';

/** `/shared#d1.…`: a design carried by a link, read-only until saved as a copy. */
export function SharedRoute() {
  const { hash } = useLocation();
  const decoded = useMemo(() => decodeShareFragment(hash), [hash]);
  const openAsNew = useOpenAsNew();
  usePageTitle(decoded.ok ? `${decoded.design.title} · Shared design` : null);
  if (!decoded.ok) {
    return <MessagePage title="This share link cannot be opened" message={decoded.message} linkTo="/" linkText="Go to the Skyline home page" />;
  }
  return <SharedDesignView design={decoded.design} onSaveCopy={() => openAsNew(decoded.design)} />;
}
