import { ExternalLink, GraduationCap } from 'lucide-react';
import { SearchField } from '../../components/ui/SearchField.tsx';
import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { runRules } from '../../domain/rules/engine.ts';
import { RULES } from '../../domain/rules/registry.ts';
import { SEVERITIES, type RuleDefinition, type Severity } from '../../domain/rules/types.ts';
import { SEVERITY_META } from '../../components/ui/severity.ts';
import { TermTitle } from '../../components/ui/TermTitle.tsx';


function RuleCard({ rule }: { rule: RuleDefinition }) {
  const example = useMemo(() => runRules([rule], rule.examples.failing)[0], [rule]);
  const thresholds = Object.entries(rule.thresholds);
  return (
    <li id={rule.id} className="scroll-mt-4 rounded-xl border border-slate-200 p-4 dark:border-slate-800">
      <article aria-labelledby={`${rule.id}-title`}>
        <div className="flex flex-wrap items-baseline gap-2">
          <h2 id={`${rule.id}-title`} className="text-lg font-semibold">
            {rule.title}
          </h2>
          <span className={`rounded-full border px-2 text-xs font-medium ${SEVERITY_META[rule.severity].chip}`}>{SEVERITY_META[rule.severity].label}</span>
          <code className="text-xs text-slate-500 dark:text-slate-400">{rule.id}</code>
        </div>
        <p className="mt-1.5 text-slate-700 dark:text-slate-200">{rule.summary}</p>
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-slate-600 dark:text-slate-400">Exactly what it checks</summary>
          <p className="mt-1 text-slate-700 dark:text-slate-300">{rule.condition}</p>
          {thresholds.length > 0 && (
            <p className="mt-1 text-slate-700 dark:text-slate-300">
              Thresholds: {thresholds.map(([k, v]) => `${k} = ${v}`).join(', ')}
            </p>
          )}
        </details>
        {example && (
          <p className="mt-2 rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700 dark:bg-slate-900 dark:text-slate-300">
            <span className="font-medium">In the example: </span>
            {example.message}
          </p>
        )}
        <div className="mt-3 flex flex-wrap gap-3 text-sm">
          <Link
            to={`/canvas?example=${rule.id}`}
            className="inline-flex items-center gap-1.5 rounded-md bg-blue-700 px-3 py-1.5 font-medium text-white hover:bg-blue-800"
          >
            <ExternalLink aria-hidden className="size-4" />
            Open example on canvas<span className="sr-only"> ({rule.title})</span>
          </Link>
          <Link to={`/glossary/${rule.glossaryTerm}`} className="inline-flex items-center gap-1 text-blue-800 underline dark:text-blue-300">
            <GraduationCap aria-hidden className="size-4" />
            Learn: <TermTitle id={rule.glossaryTerm} />
          </Link>
        </div>
      </article>
    </li>
  );
}

export function RulesPage() {
  const [query, setQuery] = useState('');
  const [severity, setSeverity] = useState<'all' | Severity>('all');
  const severityId = useId();
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = RULES.filter(
    (r) =>
      (severity === 'all' || r.severity === severity) &&
      words.every((w) => `${r.title} ${r.id} ${r.summary} ${r.glossaryTerm}`.toLowerCase().includes(w)),
  );
  return (
    <div className="overflow-y-auto">
      <main className="mx-auto max-w-3xl px-5 py-8 sm:px-6 sm:py-10">
        <h1 className="text-3xl font-semibold tracking-tight">Design review rules</h1>
        <p className="mt-3 text-slate-700 dark:text-slate-300">
          As you draw, Skyline reviews the design against these {RULES.length} rules, the way a senior engineer would. Each finding names the
          components involved, explains why it matters and how to fix it, and links to the concept behind it. Open any example to see the rule fire.
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <SearchField className="min-w-0 flex-1" label="Search rules" value={query} onChange={setQuery} placeholder="Search rules" />
          <label htmlFor={severityId} className="sr-only">
            Severity
          </label>
          <select
            id={severityId}
            value={severity}
            onChange={(e) => setSeverity(e.target.value as 'all' | Severity)}
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900"
          >
            <option value="all">All severities</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {SEVERITY_META[s].label}s
              </option>
            ))}
          </select>
        </div>
        <p className="mt-3 text-sm text-slate-500 dark:text-slate-400" aria-live="polite">
          {shown.length} of {RULES.length} rules
        </p>
        <ul className="mt-3 space-y-4">
          {shown.map((rule) => (
            <RuleCard key={rule.id} rule={rule} />
          ))}
        </ul>
      </main>
    </div>
  );
}
