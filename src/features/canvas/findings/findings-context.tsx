/**
 * Which elements have findings, for the badges on boxes and lines. The value
 * changes only when findings do, i.e. on structural edits, never during a drag.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Finding, Severity } from '../../../domain/rules/types.ts';
import { SEVERITIES } from '../../../domain/rules/types.ts';
import { useFindings } from '../../../stores/editor/findings.ts';

export interface ElementFindings {
  count: number;
  worst: Severity;
}

const ElementFindingsContext = createContext<ReadonlyMap<string, ElementFindings>>(new Map());

export function byElement(findings: readonly Finding[]): Map<string, ElementFindings> {
  const map = new Map<string, ElementFindings>();
  for (const finding of findings) {
    for (const id of finding.elementIds) {
      const current = map.get(id);
      if (!current) map.set(id, { count: 1, worst: finding.severity });
      else
        map.set(id, {
          count: current.count + 1,
          worst: SEVERITIES.indexOf(finding.severity) < SEVERITIES.indexOf(current.worst) ? finding.severity : current.worst,
        });
    }
  }
  return map;
}

export function FindingsProvider({ children }: { children: ReactNode }) {
  const findings = useFindings();
  const value = useMemo(() => byElement(findings), [findings]);
  return <ElementFindingsContext.Provider value={value}>{children}</ElementFindingsContext.Provider>;
}

export function useElementFindings(id: string): ElementFindings | undefined {
  return useContext(ElementFindingsContext).get(id);
}
