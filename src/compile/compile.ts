/**
 * The compiler's public surface. A command imports compile-paths.ts, which loads the parser and
 * compiler (compile-source.ts) and the schema check (link-sources.ts) only when it needs them: a
 * command whose files all come from the cache compiles neither (docs/performance.md).
 */
export {
  compilePaths,
  decodeOrProblem,
  defaultMaxFileBytes,
  sourceFromBytes,
  type CompileResult,
  type ReadProblem,
} from './compile-paths.js';
export { compileSource } from './compile-source.js';
export { linkSources } from './link-sources.js';
