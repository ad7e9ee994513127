import { RulesPage } from '../../features/rules/RulesPage.tsx';

export function RulesRoute() {
  return <RulesPage />;
}
