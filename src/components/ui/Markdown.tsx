/**
 * Renders our Markdown content safely: react-markdown never renders raw HTML
 * (it is escaped), and links to other sites open in a new tab.
 */
import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';

export function Markdown({ children }: { children: string }) {
  return (
    <div className="prose-skyline">
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        skipHtml
        components={{
          a: ({ href, children: text }) => {
            const external = href?.startsWith('http');
            return (
              <a href={href} {...(external ? { target: '_blank', rel: 'noreferrer noopener' } : {})} className="text-blue-800 underline dark:text-blue-300">
                {text}
              </a>
            );
          },
          table: ({ children: rows }) => (
            <div className="my-3 overflow-x-auto">
              <table className="w-full border-collapse text-sm">{rows}</table>
            </div>
          ),
        }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
