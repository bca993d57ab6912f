import type { ValidateFunction } from 'ajv';
import { precompiled } from './validators/index.js';

/**
 * The precompiled validator of one schema, with the sha256 of the schema it was made from. The
 * build swaps in precompiled.bundle.ts, which loads each validator from its own file on first use.
 */
export function precompiledValidator(name: string): { validate: ValidateFunction; hash: string } | undefined {
  return Object.hasOwn(precompiled, name) ? precompiled[name] : undefined;
}
