import { RulesPage } from '../../features/rules/RulesPage.tsx';
import { usePageTitle } from '../../components/ui/use-page-title.ts';

export function RulesRoute() {
  usePageTitle('Design review rules');
  return <RulesPage />;
}
