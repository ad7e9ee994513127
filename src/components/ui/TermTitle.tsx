import { useTermTitle } from '../../content/term-titles.ts';

/** A glossary term's title, for the text of a link to it. */
export function TermTitle({ id }: { id: string }) {
  return <>{useTermTitle(id)}</>;
}
