/**
 * precompiled.ts as built into dist/bundle (scripts/build.mjs swaps it in). The validators are
 * ~590 KB of generated code: V8 would compile them at every start, ~30 ms, though most commands
 * never validate (a warm `instr list` reads checked graphs from the cache). So the build writes each
 * to its own CommonJS file, dist/bundle/validators/<name>.cjs, required here on first use.
 */
import type { ValidateFunction } from 'ajv';
import { createRequire } from 'node:module';

const requireHere = createRequire(import.meta.url);
const files: Record<string, string> = {
  config: './validators/config.cjs',
  'front-matter': './validators/front-matter.cjs',
  graph: './validators/graph.cjs',
  scenario: './validators/scenario.cjs',
};

export function precompiledValidator(name: string): { validate: ValidateFunction; hash: string } | undefined {
  const file = Object.hasOwn(files, name) ? files[name] : undefined;
  if (file === undefined) return undefined;
  const loaded = requireHere(file) as { default: ValidateFunction; schemaHash: string };
  return { validate: loaded.default, hash: loaded.schemaHash };
}
