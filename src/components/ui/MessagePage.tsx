import { Link } from 'react-router';
import { usePageTitle } from './use-page-title.ts';

/** A page that explains why something could not be shown, with a way on. */
export function MessagePage({ title, message, linkTo, linkText }: { title: string; message?: string | undefined; linkTo: string; linkText: string }) {
  usePageTitle(title);
  return (
    <main className="mx-auto max-w-xl px-6 py-12">
      <h1 className="text-2xl font-semibold">{title}</h1>
      {message && <p className="mt-3 text-slate-600 dark:text-slate-300">{message}</p>}
      <Link to={linkTo} className="mt-6 inline-block text-blue-800 underline dark:text-blue-300">
        {linkText}
      </Link>
    </main>
  );
}
