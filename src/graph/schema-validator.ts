import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';

/** Loads a JSON Schema from schemas/ and compiles it once per process. */
const cache = new Map<string, ValidateFunction>();
let ajv: Ajv | undefined;

export function schemaValidator(name: 'graph' | 'front-matter' | string): ValidateFunction {
  const cached = cache.get(name);
  if (cached) return cached;
  ajv ??= new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  const schema: unknown = JSON.parse(readFileSync(new URL(`../../schemas/${name}.schema.json`, import.meta.url), 'utf8'));
  const validate = ajv.compile(schema as object);
  cache.set(name, validate);
  return validate;
}

export type { ErrorObject };
