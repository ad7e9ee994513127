import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Navigate, useParams } from 'react-router';
import { MessagePage } from '../../components/ui/MessagePage.tsx';
import { problemQuery } from '../../content/problems.ts';
import type { Design } from '../../domain/diagram/schema.ts';
import { isEnded } from '../../domain/interview/session-clock.ts';
import type { Problem } from '../../domain/rubric/problem.ts';
import { CanvasPage } from '../../features/canvas/CanvasPage.tsx';
import { DesignPreview } from '../../features/canvas/DesignPreview.tsx';
import { InterviewPanel } from '../../features/interview/InterviewPanel.tsx';
import { InterviewStatusBar } from '../../features/interview/InterviewStatusBar.tsx';
import { ReplayPage } from '../../features/interview/ReplayPage.tsx';
import { useInterview } from '../../features/interview/use-interview.ts';
import { ScorecardPage } from '../../features/interview/ScorecardPage.tsx';
import { useInterviewRecord } from '../../features/interview/use-interview-record.ts';
import { createLibraryDesignStorage } from '../../storage/design-storage.ts';
import { loadSnapshots, type InterviewRecord } from '../../storage/interview-storage.ts';
import { usePageTitle } from '../../components/ui/use-page-title.ts';
import { useLibraryDesign } from './library-hooks.ts';

export { InterviewStartPage } from '../../features/interview/InterviewStartPage.tsx';

const Loading = ({ what }: { what: string }) => <p className="p-6 text-sm text-slate-500 dark:text-slate-400">Opening the {what}…</p>;

/** The stored session and its problem, or the page that says why they cannot be shown. */
function useSessionAndProblem(): { ready: true; record: InterviewRecord; problem: Problem } | { ready: false; page: React.ReactNode } {
  const { sessionId = '' } = useParams();
  const loaded = useInterviewRecord(sessionId);
  const problemId = loaded.status === 'loaded' ? loaded.record.session.problemId : '';
  const problem = useQuery({ ...problemQuery(problemId), enabled: problemId !== '' });
  if (loaded.status === 'loading' || (loaded.status === 'loaded' && problem.isPending)) return { ready: false, page: <Loading what="interview" /> };
  if (loaded.status === 'missing') return { ready: false, page: <MessagePage title="No such interview" message="It may have been made in another browser." linkTo="/interview" linkText="All interviews" /> };
  if (loaded.status === 'damaged') return { ready: false, page: <MessagePage title="This interview could not be opened" message={loaded.message} linkTo="/interview" linkText="All interviews" /> };
  if (!problem.data) return { ready: false, page: <MessagePage title="This interview's problem is missing" message={problem.error?.message} linkTo="/interview" linkText="All interviews" /> };
  return { ready: true, record: loaded.record, problem: problem.data };
}

export function InterviewSessionRoute() {
  const state = useSessionAndProblem();
  usePageTitle(state.ready ? `Interview: ${state.problem.title}` : null);
  const opened = useLibraryDesign(state.ready ? state.record.designId : null);
  if (!state.ready) return state.page;
  if (isEnded(state.record.session)) return <Navigate to={`/interview/${state.record.session.id}/scorecard`} replace />;
  if (opened.status === 'loading') return <Loading what="interview" />;
  if (opened.status !== 'loaded') return <MessagePage title="The design of this interview is missing" message="It may have been deleted in My designs." linkTo="/interview" linkText="All interviews" />;
  return <InterviewCanvas key={state.record.session.id} record={state.record} problem={state.problem} opened={opened} />;
}

function InterviewCanvas({ record, problem, opened }: { record: InterviewRecord; problem: Problem; opened: Extract<ReturnType<typeof useLibraryDesign>, { status: 'loaded' }> }) {
  const storage = useMemo(() => createLibraryDesignStorage(opened.library, record.designId), [opened.library, record.designId]);
  // The interview runs here, above the canvas, so closing the phone drawer that shows its panel does not stop it.
  const interview = useInterview(record, problem);
  const sidePanel = useMemo(() => ({ label: 'Interview', content: <InterviewPanel interview={interview} problem={problem} /> }), [interview, problem]);
  const banner = useCallback((controls: { openSidePanel: (() => void) | null }) => <InterviewStatusBar interview={interview} onOpen={controls.openSidePanel} />, [interview]);
  return <CanvasPage storage={storage} sidePanel={sidePanel} problem={problem} banner={banner} />;
}

export function InterviewScorecardRoute() {
  const state = useSessionAndProblem();
  usePageTitle(state.ready ? `Scorecard: ${state.problem.title}` : null);
  const opened = useLibraryDesign(state.ready ? state.record.designId : null);
  if (!state.ready) return state.page;
  if (opened.status === 'loading') return <Loading what="scorecard" />;
  return <ScorecardPage record={state.record} problem={state.problem} design={opened.status === 'loaded' ? opened.design : null} />;
}

export function InterviewReplayRoute() {
  const state = useSessionAndProblem();
  usePageTitle(state.ready ? `Replay: ${state.problem.title}` : null);
  const sessionId = state.ready ? state.record.session.id : null;
  const [snapshots, setSnapshots] = useState<Map<string, Design> | null>(null);
  useEffect(() => {
    if (!sessionId) return;
    void loadSnapshots(sessionId).then(setSnapshots);
  }, [sessionId]);
  if (!state.ready) return state.page;
  if (!snapshots) return <Loading what="replay" />;
  return (
    <ReplayPage
      record={state.record}
      problemTitle={state.problem.title}
      snapshots={snapshots}
      preview={(design, label) => <DesignPreview key={label} design={design} label={label} />}
    />
  );
}
