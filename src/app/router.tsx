import { createBrowserRouter } from 'react-router';
import { AppShell } from './AppShell.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

export const router = createBrowserRouter([
  {
    path: '/',
    element: <AppShell />,
    children: [
      { index: true, element: <HomePage /> },
      {
        path: 'canvas',
        lazy: async () => {
          const { CanvasRoute } = await import('./routes/CanvasRoute.tsx');
          return { Component: CanvasRoute };
        },
      },
      {
        path: 'rules',
        lazy: async () => {
          const { RulesRoute } = await import('./routes/RulesRoute.tsx');
          return { Component: RulesRoute };
        },
      },
      {
        path: 'glossary/:termId',
        lazy: async () => {
          const { TermRoute } = await import('./routes/TermRoute.tsx');
          return { Component: TermRoute };
        },
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
