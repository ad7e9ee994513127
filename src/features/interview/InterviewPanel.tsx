import { ExternalLink, MessageCircleQuestion } from 'lucide-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { PHASES, planPhases } from '../../domain/interview/phases.ts';
import { pendingQuestions } from '../../domain/interview/question-log.ts';
import { phaseActualMs, readSessionClock } from '../../domain/interview/session-clock.ts';
import type { AskedQuestion } from '../../domain/interview/session-schema.ts';
import type { Problem } from '../../domain/rubric/problem.ts';
import { EstimateCalculator } from './EstimateCalculator.tsx';
import { clock, spoken } from './format.ts';
import { useNow, type Interview } from './use-interview.ts';
import { TermTitle } from '../../components/ui/TermTitle.tsx';
import { phaseVerdict } from '../../domain/interview/scorecard.ts';

const QUIET_BUTTON = 'rounded-md px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800';
const SOURCE_LABEL = { script: 'Interviewer', missing: 'About your design', finding: 'About your design', failure: 'Failure probe' } as const;

function Question({ question, onAnswer, onSkip }: { question: AskedQuestion; onAnswer(text: string): void; onSkip(): void }) {
  const response = question.response;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const id = `q-${question.id.replace(/[^\w-]/g, '_')}`;
  const open = response === null || editing;
  const startEditing = () => {
    setDraft(response?.type === 'answered' ? response.text : '');
    setEditing(true);
  };
  return (
    <li aria-labelledby={id} className="space-y-1.5 rounded-lg border border-slate-200 p-2.5 dark:border-slate-700">
      <p className="text-[11px] font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{SOURCE_LABEL[question.source]}</p>
      <p id={id} className="text-sm font-medium">
        {question.text}
      </p>
      {question.link.type === 'term' && (
        <a href={`/glossary/${question.link.termId}`} target="_blank" rel="noreferrer" className="inline-flex items-center gap-1 text-xs text-blue-800 underline dark:text-blue-300">
          Learn: <TermTitle id={question.link.termId} /> <ExternalLink aria-hidden className="size-3" />
          <span className="sr-only">(opens in a new tab)</span>
        </a>
      )}
      {open ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!draft.trim()) return;
            onAnswer(draft);
            setEditing(false);
          }}
          className="space-y-1.5"
        >
          <label className="sr-only" htmlFor={`${id}-answer`}>
            Your answer to: {question.text}
          </label>
          <textarea
            id={`${id}-answer`}
            value={draft}
            maxLength={4000}
            rows={3}
            autoFocus={editing}
            onChange={(e) => setDraft(e.target.value)}
            placeholder="Type your answer…"
            className="w-full rounded border border-slate-300 bg-white p-1.5 text-sm dark:border-slate-600 dark:bg-slate-800"
          />
          <div className="flex gap-2">
            <button type="submit" disabled={!draft.trim()} className="rounded-md bg-blue-700 px-2.5 py-1 text-xs font-medium text-white hover:bg-blue-800 disabled:opacity-50">
              {response === null ? 'Answer' : 'Save answer'}
            </button>
            {response === null ? (
              <button type="button" onClick={onSkip} className={QUIET_BUTTON}>
                Skip
              </button>
            ) : (
              <button type="button" onClick={() => setEditing(false)} className={QUIET_BUTTON}>
                Cancel
              </button>
            )}
          </div>
        </form>
      ) : response.type === 'answered' ? (
        <>
          <p className="whitespace-pre-wrap rounded bg-slate-50 p-1.5 text-sm text-slate-700 dark:bg-slate-800 dark:text-slate-200">
            <span className="sr-only">Your answer: </span>
            {response.text}
          </p>
          <button type="button" onClick={startEditing} aria-label={`Edit your answer to: ${question.text}`} className={QUIET_BUTTON}>
            Edit answer
          </button>
        </>
      ) : (
        <p className="flex items-center gap-2 text-xs italic text-slate-500 dark:text-slate-400">
          Skipped
          <button type="button" onClick={startEditing} aria-label={`Answer now: ${question.text}`} className={`${QUIET_BUTTON} not-italic`}>
            Answer now
          </button>
        </p>
      )}
    </li>
  );
}

export function InterviewPanel({ interview, problem }: { interview: Interview; problem: Problem }) {
  const navigate = useNavigate();
  const { record, session, saveError, actions, hasMoreScripted, ended } = interview;
  const now = useNow(!ended);
  const [tab, setTab] = useState<'questions' | 'notes'>('questions');
  const [confirming, setConfirming] = useState(false);
  const time = readSessionClock(session, now);
  const actual = phaseActualMs(session, now);
  const plan = planPhases(session.durationMinutes);
  const pending = pendingQuestions(session).length;
  const checklist = [...problem.functional, ...problem.nonFunctional];
  const tabClass = (active: boolean) => `flex-1 border-b-2 px-2 py-1.5 text-sm font-medium ${active ? 'border-blue-600 text-blue-800 dark:text-blue-300' : 'border-transparent text-slate-600 dark:text-slate-400'}`;

  return (
    <div className="space-y-3 p-3">
      <section aria-label="Timer" className={`rounded-lg p-2.5 ${time.overTime ? 'bg-red-50 dark:bg-red-950' : 'bg-slate-50 dark:bg-slate-800'}`}>
        <p className="flex items-baseline justify-between gap-2">
          <span className="font-mono text-2xl font-semibold" aria-hidden>
            {clock(time.elapsedMs)}
          </span>
          <span className={`text-sm ${time.overTime ? 'font-semibold text-red-700 dark:text-red-300' : 'text-slate-600 dark:text-slate-300'}`}>
            {time.overTime ? `${clock(-time.remainingMs)} over time` : `${clock(time.remainingMs)} left`}
          </span>
        </p>
        <p className="sr-only">
          {spoken(time.elapsedMs)} elapsed of {session.durationMinutes} minutes.
        </p>
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">
          {PHASES.find((p) => p.id === time.phase)?.label}: {clock(time.phaseActualMs)} of {clock(time.phasePlannedMs)} planned
        </p>
      </section>

      <nav aria-label="Interview phases">
        <ol className="space-y-0.5">
          {plan.map((p) => {
            const current = p.phase === time.phase;
            // The scorecard's rule: over once past the plan by more than the allowance.
            const over = phaseVerdict(p.minutes * 60_000, actual[p.phase]) === 'over';
            return (
              <li key={p.phase}>
                <button
                  type="button"
                  aria-current={current ? 'step' : undefined}
                  onClick={() => actions.moveTo(p.phase)}
                  className={`flex w-full items-center justify-between gap-2 rounded-md px-2 py-1 text-left text-sm ${current ? 'bg-blue-100 font-semibold text-blue-900 dark:bg-blue-900/60 dark:text-blue-100' : 'hover:bg-slate-100 dark:hover:bg-slate-800'}`}
                >
                  <span>{p.label}</span>
                  <span className={`font-mono text-xs ${over ? 'text-red-700 dark:text-red-300' : current ? '' : 'text-slate-500 dark:text-slate-400'}`}>
                    {clock(actual[p.phase])} / {p.minutes}:00
                    {over && <span className="font-sans font-semibold"> over</span>}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      </nav>

      <div role="tablist" aria-label="Interview" className="flex border-b border-slate-200 dark:border-slate-700">
        <button type="button" role="tab" aria-selected={tab === 'questions'} onClick={() => setTab('questions')} className={tabClass(tab === 'questions')}>
          Questions{pending > 0 ? ` (${pending})` : ''}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'notes'} onClick={() => setTab('notes')} className={tabClass(tab === 'notes')}>
          Notes
        </button>
      </div>

      {tab === 'questions' ? (
        <section aria-label="Interviewer" className="space-y-2">
          <ol aria-label="Questions" className="space-y-2">
            {[...session.log].reverse().map((q) => (
              <Question key={q.id} question={q} onAnswer={(text) => actions.answer(q.id, text)} onSkip={() => actions.skip(q.id)} />
            ))}
          </ol>
          {hasMoreScripted ? (
            <button type="button" onClick={actions.askNextScripted} className="inline-flex items-center gap-1.5 text-sm text-blue-800 underline dark:text-blue-300">
              <MessageCircleQuestion aria-hidden className="size-4" /> Ask me the next question
            </button>
          ) : (
            <p className="text-xs text-slate-500 dark:text-slate-400">No more prepared questions for this phase. Questions about your diagram come as you draw.</p>
          )}
        </section>
      ) : (
        <section aria-label="Notes" className="space-y-4">
          <fieldset className="space-y-1">
            <legend className="text-sm font-semibold">Requirements checklist</legend>
            {checklist.map((item) => (
              <label key={item} className="flex gap-2 text-xs">
                <input
                  type="checkbox"
                  checked={record.notes.checked.includes(item)}
                  onChange={(e) =>
                    actions.setNotes((n) => ({ ...n, checked: e.target.checked ? [...n.checked, item] : n.checked.filter((c) => c !== item) }))
                  }
                  className="mt-0.5"
                />
                <span>{item}</span>
              </label>
            ))}
          </fieldset>
          <EstimateCalculator values={record.notes.calculator} onChange={(field, value) => actions.setNotes((n) => ({ ...n, calculator: { ...n.calculator, [field]: value } }))} />
          <label className="block text-sm">
            <span className="font-semibold">Scratch notes</span>
            <textarea
              value={record.notes.text}
              maxLength={20_000}
              rows={5}
              onChange={(e) => actions.setNotes((n) => ({ ...n, text: e.target.value }))}
              className="mt-1 w-full rounded border border-slate-300 bg-white p-1.5 text-sm dark:border-slate-600 dark:bg-slate-800"
            />
          </label>
        </section>
      )}

      {saveError && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {saveError}
        </p>
      )}
      <button type="button" onClick={() => setConfirming(true)} className="w-full rounded-md border border-red-300 px-3 py-2 text-sm font-medium text-red-800 hover:bg-red-50 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950">
        End interview
      </button>
      <Dialog open={confirming} title="End the interview?" onClose={() => setConfirming(false)}>
        <p className="text-sm">
          {pending > 0 ? `${pending} question${pending === 1 ? ' is' : 's are'} still unanswered. ` : ''}The clock stops and you get your scorecard. Your design stays in My designs.
        </p>
        <div className="mt-4 flex justify-end gap-2">
          <button type="button" onClick={() => setConfirming(false)} className="rounded-md px-3 py-1.5 text-sm hover:bg-slate-100 dark:hover:bg-slate-800">
            Keep going
          </button>
          <button
            type="button"
            onClick={() => void actions.end().then((final) => navigate(`/interview/${final.session.id}/scorecard`))}
            className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800"
          >
            End and see scorecard
          </button>
        </div>
      </Dialog>
    </div>
  );
}
