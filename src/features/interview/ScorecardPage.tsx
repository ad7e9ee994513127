import { Printer } from 'lucide-react';
import { Link } from 'react-router';
import { SEVERITY_META } from '../../components/ui/severity.ts';
import type { Design } from '../../domain/diagram/schema.ts';
import { phaseLabel } from '../../domain/interview/phases.ts';
import { buildScorecard, type ScorecardItem } from '../../domain/interview/scorecard.ts';
import type { Problem } from '../../domain/rubric/problem.ts';
import { scoreDesign } from '../../domain/rubric/scorer.ts';
import { analyzeDesign } from '../../domain/rules/engine.ts';
import type { InterviewRecord } from '../../storage/interview-storage.ts';
import { clock, spoken } from './format.ts';
import { TitledSection } from '../../components/ui/TitledSection.tsx';
import { TermTitle } from '../../components/ui/TermTitle.tsx';

function Item({ item }: { item: ScorecardItem }) {
  return (
    <li className="space-y-0.5">
      <p>
        {item.severity && <span className={`mr-1 font-medium ${SEVERITY_META[item.severity].text}`}>{SEVERITY_META[item.severity].label}:</span>}
        {item.text}
      </p>
      {item.detail && <p className="text-sm text-slate-600 dark:text-slate-300">{item.detail}</p>}
      {item.hint && <p className="text-sm text-slate-700 dark:text-slate-200">Hint: {item.hint}</p>}
      {item.link.type === 'term' && (
        <Link to={`/glossary/${item.link.termId}`} className="text-sm text-blue-800 underline dark:text-blue-300">
          Learn: <TermTitle id={item.link.termId} />
        </Link>
      )}
    </li>
  );
}

/** The end of a mock interview, on one printable page. */
export function ScorecardPage({ record, problem, design }: { record: InterviewRecord; problem: Problem; design: Design | null }) {
  const findings = design ? analyzeDesign(design) : [];
  const score = scoreDesign(problem, design ?? { ...emptyFor(record), problemId: problem.id }, findings);
  const card = buildScorecard({ session: record.session, problem, score, findings, now: record.session.endedAt ?? Date.now() });
  const asked = record.session.log;
  return (
    <main id="main" className="scorecard mx-auto w-full max-w-3xl flex-1 overflow-y-auto px-4 py-6 sm:px-6 print:overflow-visible">
      <p className="text-sm text-slate-500 dark:text-slate-400">Mock interview scorecard</p>
      <h1 className="text-2xl font-semibold">{card.problemTitle}</h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
        {new Date(record.session.startedAt).toLocaleString()} · planned {card.durationMinutes} minutes, took {spoken(card.elapsedMs)}
        {card.overtimeMs > 0 ? ` (${spoken(card.overtimeMs)} over)` : ''}
      </p>
      <div className="mt-3 flex flex-wrap gap-2 print:hidden">
        <button type="button" onClick={() => window.print()} className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800">
          <Printer aria-hidden className="size-4" /> Print
        </button>
        <Link to={`/interview/${record.session.id}/replay`} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800">
          Replay the design
        </Link>
        <Link to={`/canvas/${encodeURIComponent(record.designId)}`} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800">
          Open the design
        </Link>
        <Link to="/interview" className="rounded-md px-3 py-1.5 text-sm text-blue-800 underline dark:text-blue-300">
          All interviews
        </Link>
      </div>

      <TitledSection id="sc-score" title="Rubric score" className="mt-6">
        <p className="text-4xl font-bold">
          {card.rubric.score}
          <span className="text-lg font-normal text-slate-500 dark:text-slate-400">/100</span>
        </p>
        {!design && <p className="text-sm text-red-700 dark:text-red-400">The design of this session could not be found, so it is scored as empty.</p>}
      </TitledSection>

      <TitledSection id="sc-findings" title="Review findings" className="mt-6">
        <table className="mt-1 text-sm">
          <thead>
            <tr className="text-left align-bottom text-slate-600 dark:text-slate-400">
              <th className="pr-6 font-medium">Severity</th>
              <th className="pr-6 font-medium">At the end</th>
              <th className="font-medium">Worst during the session</th>
            </tr>
          </thead>
          <tbody>
            {card.findings.map((f) => (
              <tr key={f.severity}>
                <td className="pr-6">{SEVERITY_META[f.severity].label}s</td>
                <td className="pr-6">{f.atEnd}</td>
                <td>{f.worstDuringSession}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TitledSection>

      <TitledSection id="sc-time" title="Time per phase" className="mt-6">
        <table className="mt-1 w-full max-w-xl text-sm [&_td]:pr-3 [&_th]:pr-3">
          <thead>
            <tr className="text-left align-bottom text-slate-600 dark:text-slate-400">
              <th className="font-medium">Phase</th>
              <th className="font-medium">Planned</th>
              <th className="font-medium">Actual</th>
              <th className="font-medium">Against plan</th>
            </tr>
          </thead>
          <tbody>
            {card.phases.map((p) => (
              <tr key={p.phase} className="border-t border-slate-200 align-top dark:border-slate-800">
                <td className="py-1">{p.label}</td>
                <td className="py-1 tabular-nums">{clock(p.plannedMs)}</td>
                <td className="py-1 tabular-nums">{clock(p.actualMs)}</td>
                <td className={`py-1 ${p.verdict === 'over' ? 'font-medium text-red-700 dark:text-red-400' : ''}`}>
                  {p.verdict === 'on-plan' ? 'on plan' : `${spoken(p.deltaMs)} ${p.verdict}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TitledSection>

      <TitledSection id="sc-questions" title="Questions" className="mt-6">
        <p className="text-sm">
          {card.questions.asked} asked: {card.questions.answered} answered, {card.questions.skipped} skipped, {card.questions.unanswered} left unanswered.
        </p>
        <h3 className="mt-3 text-sm font-semibold">Every question and answer</h3>
        <ol className="mt-1 space-y-2 text-sm">
            {asked.map((q) => (
              <li key={q.id}>
                <p className="font-medium">
                  <span className="text-slate-500 dark:text-slate-400">{phaseLabel(q.phase)} · </span>
                  {q.text}
                </p>
                <p className="whitespace-pre-wrap text-slate-700 dark:text-slate-200">{q.response?.type === 'answered' ? q.response.text : q.response?.type === 'skipped' ? '(skipped)' : '(not answered)'}</p>
              </li>
            ))}
        </ol>
      </TitledSection>

      {/* One above the other: side by side, a short list stood beside an empty column as long as the other. */}
      <TitledSection id="sc-strengths" title="Strengths" className="mt-6">
        {card.strengths.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-300">Nothing met or fixed yet.</p> : <ul className="mt-1 list-disc space-y-2 pl-5">{card.strengths.map((i, n) => <Item key={n} item={i} />)}</ul>}
      </TitledSection>
      <TitledSection id="sc-improve" title="Things to improve" className="mt-6">
        {card.improvements.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-300">Nothing: well done.</p> : <ul className="mt-1 list-disc space-y-2 pl-5">{card.improvements.map((i, n) => <Item key={n} item={i} />)}</ul>}
      </TitledSection>
    </main>
  );
}

function emptyFor(record: InterviewRecord): Design {
  const at = new Date(record.session.startedAt).toISOString();
  return { format: 'skyline.design', version: 2, id: record.designId, title: 'Missing design', problemId: null, createdAt: at, updatedAt: at, nodes: [], edges: [], groups: [], notes: [], flows: [] };
}
