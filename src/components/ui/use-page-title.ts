import { useEffect } from 'react';

export const SITE_TITLE = 'Skyline — system-design studio';

/**
 * Names the browser tab after the page on show: "Glossary · Skyline". Null
 * leaves the title as it is (while a page is still loading); an empty string
 * gives the site's own title.
 */
export function usePageTitle(title: string | null) {
  useEffect(() => {
    if (title !== null) document.title = title ? `${title} · Skyline` : SITE_TITLE;
  }, [title]);
}
