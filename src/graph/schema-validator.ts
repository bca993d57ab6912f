import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { precompiled } from './validators/index.js';

/**
 * A validator for schemas/<name>.schema.json. The schemas are precompiled into standalone code
 * (scripts/gen-validators.mjs), which saves ~100 ms of ajv compilation at every start; when a
 * schema no longer matches its precompiled code (edited, not regenerated), or has none, it is
 * compiled at run time instead, so a validator is never stale.
 */
const cache = new Map<string, ValidateFunction>();
let ajv: Ajv | undefined;

export function schemaValidator(name: 'graph' | 'front-matter' | string): ValidateFunction {
  const cached = cache.get(name);
  if (cached) return cached;
  const text = readFileSync(new URL(`../../schemas/${name}.schema.json`, import.meta.url), 'utf8');
  const ready = Object.hasOwn(precompiled, name) ? precompiled[name] : undefined;
  const validate = ready && ready.hash === createHash('sha256').update(text).digest('hex') ? ready.validate : compile(text);
  cache.set(name, validate);
  return validate;
}

/** Whether `name` is served by precompiled code (for tests and the benchmark). */
export function isPrecompiled(name: string): boolean {
  return schemaValidator(name) === (Object.hasOwn(precompiled, name) ? precompiled[name]?.validate : undefined);
}

function compile(text: string): ValidateFunction {
  // ajv is loaded only on this slow path; `require` keeps schemaValidator synchronous.
  const { Ajv: AjvClass } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
  ajv ??= new AjvClass({ allErrors: true, strict: true, allowUnionTypes: true, discriminator: true });
  return ajv.compile(JSON.parse(text) as object);
}

export type { ErrorObject };
