import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { CanvasPage } from '../../features/canvas/CanvasPage.tsx';
import { getRule } from '../../domain/rules/registry.ts';
import { createLocalDesignStorage } from '../../storage/design-storage.ts';

const storage = createLocalDesignStorage();

export function CanvasRoute() {
  const [params, setParams] = useSearchParams();
  const ruleId = params.get('example');
  const rule = ruleId ? getRule(ruleId) : undefined;
  const onExampleOpened = useCallback(() => setParams({}, { replace: true }), [setParams]);
  return (
    <CanvasPage
      storage={storage}
      {...(rule ? { example: { design: rule.examples.failing, title: rule.title } } : {})}
      {...(ruleId && !rule ? { exampleMissing: ruleId } : {})}
      onExampleOpened={onExampleOpened}
    />
  );
}
