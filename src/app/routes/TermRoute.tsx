import { TermPage } from '../../features/glossary/TermPage.tsx';

export function TermRoute() {
  return <TermPage />;
}
