/**
 * Renders our Markdown content safely: react-markdown never renders raw HTML
 * (it is skipped), internal links use the router, links to other sites open
 * in a new tab, and code blocks are highlighted for the languages we use.
 */
import ReactMarkdown from 'react-markdown';
import rehypeHighlight from 'rehype-highlight';
import remarkGfm from 'remark-gfm';
import { Link } from 'react-router';
import apache from 'highlight.js/lib/languages/apache';
import bash from 'highlight.js/lib/languages/bash';
import dockerfile from 'highlight.js/lib/languages/dockerfile';
import graphql from 'highlight.js/lib/languages/graphql';
import http from 'highlight.js/lib/languages/http';
import json from 'highlight.js/lib/languages/json';
import nginx from 'highlight.js/lib/languages/nginx';
import protobuf from 'highlight.js/lib/languages/protobuf';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import yaml from 'highlight.js/lib/languages/yaml';
import './code-theme.css';

const LANGUAGES = { apache, bash, dockerfile, graphql, http, json, nginx, protobuf, proto: protobuf, sql, typescript, ts: typescript, yaml };
const REHYPE = [[rehypeHighlight, { languages: LANGUAGES, plainText: ['text', 'promql'], detect: false }]] as const;
const REMARK = [remarkGfm];

export function Markdown({ children }: { children: string }) {
  return (
    <div className="prose-skyline">
      <ReactMarkdown
        remarkPlugins={REMARK}
        rehypePlugins={REHYPE as never}
        skipHtml
        components={{
          a: ({ href = '', children: text }) =>
            href.startsWith('/') ? (
              <Link to={href} className="text-blue-800 underline dark:text-blue-300">
                {text}
              </Link>
            ) : (
              <a href={href} target="_blank" rel="noreferrer noopener" className="text-blue-800 underline dark:text-blue-300">
                {text}
              </a>
            ),
          // Code may scroll sideways on a phone: a keyboard user can focus it and scroll with the arrow keys.
          pre: ({ children: code }) => (
            <pre tabIndex={0} role="region" aria-label="Code example">
              {code}
            </pre>
          ),
          // A wide table scrolls sideways on a phone: like code, it can take focus and scroll with the arrow keys.
          table: ({ children: rows }) => (
            <div className="my-3 overflow-x-auto" tabIndex={0} role="region" aria-label="Table">
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
