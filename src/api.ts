/**
 * The programmatic entry of the build (dist/bundle/api.js): what the bench and the tests that need
 * the built code (worker threads exist only there) call in-process. Not a public API yet.
 */
export { compilePaths } from './compile/compile.js';
export { lintCompiled } from './lint/linter.js';
export { loadConfig } from './lint/config.js';
export { diffGraphs } from './diff/diff-graphs.js';
export { searchDocuments } from './search/documents.js';
export { buildIndex, search } from './search/search.js';
export { storedIndexBytes } from './search/index-cache.js';
export { compileSynonyms } from './search/synonyms.js';
export { openRunJournal } from './journal/run-journal.js';
export { stem } from './text/words.js';
export { parseMarkdown } from './parse/parse.js';
