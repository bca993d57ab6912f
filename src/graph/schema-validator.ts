import type { ErrorObject, ValidateFunction } from 'ajv';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { precompiledValidator } from './precompiled.js';

/**
 * The validator of schemas/<name>.schema.json: standalone code precompiled by `npm run gen`
 * (saves ~100 ms of ajv compilation at every start). A schema edited without regenerating is a
 * build mistake, caught by test/generated.test.ts; should one ship anyway, it fails loudly here
 * rather than validating against an old schema.
 */
const cache = new Map<string, ValidateFunction>();

export function schemaValidator(name: 'graph' | 'front-matter' | 'config' | 'scenario'): ValidateFunction {
  const cached = cache.get(name);
  if (cached) return cached;
  const ready = precompiledValidator(name);
  if (!ready) throw new Error(`no precompiled validator for schemas/${name}.schema.json; run npm run gen`);
  const text = readFileSync(new URL(`../../schemas/${name}.schema.json`, import.meta.url), 'utf8');
  if (ready.hash !== createHash('sha256').update(text).digest('hex'))
    throw new Error(`schemas/${name}.schema.json changed after its validator was generated; run npm run gen`);
  cache.set(name, ready.validate);
  return ready.validate;
}

export type { ErrorObject };
