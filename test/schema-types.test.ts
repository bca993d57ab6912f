import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs build script without type declarations
import { generate, outputs } from '../scripts/gen-types.mjs';

describe('TypeScript types and JSON Schemas', () => {
  for (const { schema, out } of outputs as Array<{ schema: string; out: string }>) {
    it(`${out} is what schemas/${schema}.schema.json generates (run npm run gen:types after a schema change)`, async () => {
      const committed = readFileSync(new URL(`../${out}`, import.meta.url), 'utf8');
      expect(committed).toBe(await (generate as (name: string) => Promise<string>)(schema));
    });
  }
});
