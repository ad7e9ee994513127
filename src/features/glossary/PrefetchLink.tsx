/** A link that starts loading the page's content when pointed at or focused. */
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export function PrefetchLink({ to, query, className, children, ...rest }: {
  to: string;
  /** Starts loading what the page needs, e.g. (client) => client.prefetchQuery(termQuery(id)). */
  query(client: QueryClient): Promise<void>;
  className?: string;
  children: ReactNode;
  'aria-label'?: string;
}) {
  const client = useQueryClient();
  const prefetch = () => void query(client);
  return (
    <Link to={to} className={className} onMouseEnter={prefetch} onFocus={prefetch} {...rest}>
      {children}
    </Link>
  );
}
