/**
 * What the page and the analysis worker say to each other. The page sends
 * each structural change as a delta of the design (design-delta.ts); the
 * worker answers with the findings that are new or changed since its last
 * answer, and the order of all of them only when that changed. A keystroke
 * in a name moves a few findings' messages, not 12,000 findings.
 *
 * Findings cross as plain data: a quick fix keeps its id and label, and is
 * applied by running its rule again on the page (see findings.ts).
 */
import type { DesignDelta } from '../../domain/diagram/design-delta.ts';
import type { Finding } from '../../domain/rules/types.ts';

export type PlainFinding = Omit<Finding, 'quickFixes'> & { quickFixes: { id: string; label: string }[] };

export interface AnalysisRequest {
  seq: number;
  delta: DesignDelta;
  /** The worker drops the design it holds and builds it from this delta alone. */
  fresh: boolean;
}

export interface FindingsDelta {
  /** Findings that are new or differ from the last answer. */
  upserts: PlainFinding[];
  /** Every finding's id in report order, when the set or the order changed; otherwise the order is the last one. */
  order: string[] | null;
}

export interface AnalysisResult extends FindingsDelta {
  seq: number;
}

export const toPlain = (f: Finding): PlainFinding => ({ ...f, quickFixes: f.quickFixes.map(({ id, label }) => ({ id, label })) });

const signature = (f: Finding): string =>
  [f.severity, f.title, f.message, f.why, f.fix, f.glossaryTerm, f.elementIds.join(' '), f.quickFixes.map((q) => `${q.id}\u0001${q.label}`).join('\u0002')].join('\u0000');

/** The worker's side: what changed since the findings it last answered with (`previous`, which it updates). */
export function diffFindings(previous: Map<string, { signature: string; severity: string }>, findings: readonly Finding[]): FindingsDelta {
  const upserts: PlainFinding[] = [];
  let reordered = findings.length !== previous.size;
  const next = new Map<string, { signature: string; severity: string }>();
  for (const finding of findings) {
    const sig = signature(finding);
    const before = previous.get(finding.id);
    if (!before || before.signature !== sig) {
      upserts.push(toPlain(finding));
      if (!before || before.severity !== finding.severity) reordered = true;
    }
    next.set(finding.id, { signature: sig, severity: finding.severity });
  }
  previous.clear();
  for (const [id, entry] of next) previous.set(id, entry);
  return { upserts, order: reordered ? findings.map((f) => f.id) : null };
}

/**
 * The page's side: the findings after `delta`, on top of `before` (the last
 * list, in order). Findings that did not change stay the same objects.
 */
export function applyFindingsDelta<F extends { id: string }>(before: readonly F[], delta: FindingsDelta, make: (plain: PlainFinding) => F): F[] {
  const upserted = new Map<string, F>();
  for (const plain of delta.upserts) upserted.set(plain.id, make(plain));
  if (delta.order === null) return upserted.size === 0 ? (before as F[]) : before.map((f) => upserted.get(f.id) ?? f);
  const byId = new Map<string, F>();
  for (const f of before) byId.set(f.id, f);
  return delta.order.map((id) => upserted.get(id) ?? byId.get(id)!);
}
