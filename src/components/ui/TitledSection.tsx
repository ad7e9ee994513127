import type { ReactNode } from 'react';

/** A page section named by its own heading: the heading is the region's accessible name. */
export function TitledSection({ id, title, className, titleClassName = 'text-lg font-semibold', children }: {
  id: string;
  title: ReactNode;
  className?: string;
  titleClassName?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id} className={titleClassName}>
        {title}
      </h2>
      {children}
    </section>
  );
}
