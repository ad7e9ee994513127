import { createBrowserRouter } from 'react-router';
import { AppShell } from './AppShell.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

export const router = createBrowserRouter([
  {
    path: '/',
    element: <AppShell />,
    // Shown while the first page's code arrives (pages are loaded on demand).
    hydrateFallbackElement: (
      <p role="status" className="p-6 text-sm text-slate-500 dark:text-slate-400">
        Loading Skyline…
      </p>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'canvas', lazy: async () => ({ Component: (await import('./routes/CanvasRoute.tsx')).CanvasHomeRoute }) },
      { path: 'canvas/:designId', lazy: async () => ({ Component: (await import('./routes/CanvasRoute.tsx')).CanvasRoute }) },
      { path: 'designs', lazy: async () => ({ Component: (await import('../features/designs/DesignsPage.tsx')).DesignsPage }) },
      { path: 'interview', lazy: async () => ({ Component: (await import('./routes/InterviewRoutes.tsx')).InterviewStartPage }) },
      { path: 'interview/:sessionId', lazy: async () => ({ Component: (await import('./routes/InterviewRoutes.tsx')).InterviewSessionRoute }) },
      { path: 'interview/:sessionId/scorecard', lazy: async () => ({ Component: (await import('./routes/InterviewRoutes.tsx')).InterviewScorecardRoute }) },
      { path: 'interview/:sessionId/replay', lazy: async () => ({ Component: (await import('./routes/InterviewRoutes.tsx')).InterviewReplayRoute }) },
      { path: 'shared', lazy: async () => ({ Component: (await import('./routes/SharedRoute.tsx')).SharedRoute }) },
      {
        path: 'rules',
        lazy: async () => {
          const { RulesRoute } = await import('./routes/RulesRoute.tsx');
          return { Component: RulesRoute };
        },
      },
      { path: 'problems', lazy: async () => ({ Component: (await import('./routes/ProblemsIndexRoute.tsx')).ProblemsIndexPage }) },
      { path: 'problems/:problemId', lazy: async () => ({ Component: (await import('./routes/ProblemRoute.tsx')).ProblemRoute }) },
      { path: 'glossary', lazy: async () => ({ Component: (await import('./routes/GlossaryRoutes.tsx')).GlossaryIndexPage }) },
      { path: 'glossary/:termId', lazy: async () => ({ Component: (await import('./routes/GlossaryRoutes.tsx')).TermPage }) },
      { path: 'compare/:compareId', lazy: async () => ({ Component: (await import('./routes/GlossaryRoutes.tsx')).ComparePage }) },
      { path: 'learn', lazy: async () => ({ Component: (await import('./routes/GlossaryRoutes.tsx')).LearnIndexPage }) },
      { path: 'learn/:hubId', lazy: async () => ({ Component: (await import('./routes/GlossaryRoutes.tsx')).HubPage }) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
