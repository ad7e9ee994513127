import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { termQuery } from '../../content/glossary.ts';
import { exampleToDesign } from '../../domain/glossary/example-design.ts';
import { getRule } from '../../domain/rules/registry.ts';
import { CanvasPage, type CanvasPageProps } from '../../features/canvas/CanvasPage.tsx';
import { createLocalDesignStorage } from '../../storage/design-storage.ts';

const storage = createLocalDesignStorage();

/**
 * The free canvas. `?example=<rule id>` opens the example that triggers a
 * rule; `?term=<term id>` opens a glossary term's example design. Either is
 * opened on top of the current design, which stays one undo away.
 */
export function CanvasRoute() {
  const [params, setParams] = useSearchParams();
  const ruleId = params.get('example');
  const termId = params.get('term');
  const rule = ruleId ? getRule(ruleId) : undefined;
  const term = useQuery({ ...termQuery(termId ?? ''), enabled: termId !== null });
  const onExampleOpened = useCallback(() => setParams({}, { replace: true }), [setParams]);

  const example = useMemo((): Pick<CanvasPageProps, 'example' | 'exampleMissing'> => {
    if (rule) return { example: { design: rule.examples.failing, title: rule.title } };
    if (ruleId) return { exampleMissing: `There is no rule called “${ruleId}”, so no example was opened.` };
    if (termId && term.data?.exampleDesign) {
      const built = exampleToDesign(term.data.exampleDesign, `example-${termId}`, new Date().toISOString());
      if (built.ok) return { example: { design: built.design, title: term.data.exampleDesign.title } };
      return { exampleMissing: `The example for “${term.data.term}” could not be built: ${built.problem}` };
    }
    if (termId && (term.error || (term.data && !term.data.exampleDesign))) {
      return { exampleMissing: `There is no example design for “${termId}”, so nothing was opened.` };
    }
    return {};
  }, [rule, ruleId, termId, term.data, term.error]);

  return <CanvasPage storage={storage} {...example} onExampleOpened={onExampleOpened} />;
}
