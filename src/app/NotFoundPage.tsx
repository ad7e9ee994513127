import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <main className="mx-auto max-w-xl px-6 py-16">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-300">There is nothing at this address.</p>
      <Link className="mt-6 inline-block text-blue-700 underline dark:text-blue-300" to="/">
        Go to the home page
      </Link>
    </main>
  );
}
