import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A package loaded on first use rather than at start-up. A command whose files all come from the
 * cache never parses, so it need not load the parser, YAML, rrule… (~120 ms). Node ≥ 20.19
 * `require`s ES modules, which keeps the callers synchronous.
 */
export function lazy<T>(specifier: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(specifier) as T);
}
