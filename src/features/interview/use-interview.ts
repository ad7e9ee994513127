/**
 * Runs a mock interview beside the canvas: keeps the clock, saves the
 * session on every change, asks the phase's scripted questions in turn and
 * follow-ups drawn from the live diagram, records the worst findings and a
 * snapshot of the design on each structural edit.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { designStructureSignature, needsSnapshot, recordSnapshot } from '../../domain/interview/design-snapshots.ts';
import { diagramFollowUps, type DiagramFollowUp } from '../../domain/interview/diagram-follow-ups.ts';
import { pickNextFollowUps } from '../../domain/interview/follow-up-policy.ts';
import type { PhaseId } from '../../domain/interview/phases.ts';
import { answerQuestion, askQuestion, skipQuestion } from '../../domain/interview/question-log.ts';
import { nextScriptedQuestion } from '../../domain/interview/scripted-questions.ts';
import { currentPhase, endSession, isEnded, moveToPhase } from '../../domain/interview/session-clock.ts';
import { recordFindings } from '../../domain/interview/session-findings.ts';
import type { InterviewSession } from '../../domain/interview/session-schema.ts';
import type { Problem } from '../../domain/rubric/problem.ts';
import { scoreDesign, type RubricScore } from '../../domain/rubric/scorer.ts';
import { saveInterview, saveSnapshot, type InterviewNotes, type InterviewRecord } from '../../storage/interview-storage.ts';
import { useAnalysis } from '../../stores/editor/findings.ts';

const TICK_MS = 1000;

/** The current time, refreshed every second while `running`; for displays, so only they re-render each second. */
export function useNow(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [running]);
  return now;
}

export function useInterview(initial: InterviewRecord, problem: Problem) {
  const [record, setRecord] = useState(initial);
  const { session } = record;
  const ended = isEnded(session);
  const [saveError, setSaveError] = useState<string | null>(null);

  // Save every change; a failure is shown, the session stays in memory.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    void saveInterview(record).then((r) => setSaveError(r.ok ? null : r.message));
  }, [record]);

  const update = useCallback((change: (s: InterviewSession, now: number) => InterviewSession) => {
    setRecord((r) => {
      const next = change(r.session, Date.now());
      return next === r.session ? r : { ...r, session: next };
    });
  }, []);

  // What the diagram says, on each structural change of this session's design, once the review of that change is in.
  const analysis = useAnalysis();
  const ours = analysis !== null && analysis.design.id === record.designId;
  const score: RubricScore | null = useMemo(() => (ours ? scoreDesign(problem, analysis.design, analysis.findings) : null), [ours, problem, analysis]);
  const candidates = useRef<DiagramFollowUp[]>([]);
  useEffect(() => {
    if (!ours || !score || ended) return;
    const { design, findings } = analysis;
    candidates.current = diagramFollowUps({ problem, design, findings, score });
    const signature = designStructureSignature(design);
    update((s, t) => recordFindings(s, findings, t));
    setRecord((r) => {
      if (!needsSnapshot(r.session, signature)) return r;
      const snapshotId = String(r.session.snapshots.length + 1).padStart(4, '0');
      void saveSnapshot(r.session.id, snapshotId, design);
      return { ...r, session: recordSnapshot(r.session, { snapshotId, signature }, Date.now()) };
    });
  }, [ours, analysis, score, problem, ended, update]);

  // Follow-ups from the diagram, paced by the policy; checked every second (nothing re-renders when none is due).
  useEffect(() => {
    if (ended) return;
    const check = () => update((s, t) => pickNextFollowUps(s, candidates.current, t).reduce((acc, q) => askQuestion(acc, q, t), s));
    check();
    const timer = setInterval(check, TICK_MS);
    return () => clearInterval(timer);
  }, [ended, update, record.session.snapshots.length]);

  // The phase's scripted questions, one at a time: the next comes when the last is dealt with.
  const phase = currentPhase(session);
  const askNextScripted = useCallback(
    (s: InterviewSession, t: number) => {
      const next = nextScriptedQuestion(s, problem);
      return next ? askQuestion(s, next, t) : s;
    },
    [problem],
  );
  const scriptedPending = session.log.some((q) => q.source === 'script' && q.phase === phase && q.response === null);
  useEffect(() => {
    if (ended || scriptedPending) return;
    update(askNextScripted);
  }, [phase, scriptedPending, ended, askNextScripted, update]);

  const actions = useMemo(
    () => ({
      moveTo: (to: PhaseId) => update((s, t) => moveToPhase(s, to, t)),
      answer: (id: string, text: string) => update((s, t) => answerQuestion(s, id, text, t)),
      skip: (id: string) => update((s, t) => skipQuestion(s, id, t)),
      askNextScripted: () => update(askNextScripted),
      setNotes: (change: (notes: InterviewNotes) => InterviewNotes) => setRecord((r) => ({ ...r, notes: change(r.notes) })),
      end: async (): Promise<InterviewRecord> => {
        const final: InterviewRecord = { ...record, session: endSession(record.session, Date.now()), ...(score ? { result: { score: score.score } } : {}) };
        setRecord(final);
        await saveInterview(final);
        return final;
      },
    }),
    [update, askNextScripted, record, score],
  );

  return { record, session, score, saveError, ended, actions, hasMoreScripted: nextScriptedQuestion(session, problem) !== null };
}

export type Interview = ReturnType<typeof useInterview>;
