/** Built by the content-index plugin in vite.config.ts; typed where it is imported (src/content/glossary.ts). */
declare module 'virtual:content-index' {
  const index: unknown;
  export default index;
}

declare module 'virtual:search-index' {
  /** The serialised full-text index (src/content/search-index.ts). */
  const json: string;
  export default json;
}
