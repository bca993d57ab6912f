import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../src/lint/config-schema.js';
import { rules } from '../src/lint/rules/index.js';
import { precompiled } from '../src/graph/validators/index.js';
// @ts-expect-error -- a plain .mjs build script without type declarations
import { generate, outputs } from '../scripts/gen-types.mjs';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

/** Everything `npm run gen` writes is what its sources generate now: run `npm run gen` after a change. */
describe('generated files (npm run gen)', () => {
  it("schemas/config.schema.json is derived from the lint rules' meta", () => {
    expect(JSON.parse(read('schemas/config.schema.json'))).toEqual(configSchema(rules));
  });

  for (const { schema, out } of outputs as Array<{ schema: string; out: string }>) {
    it(`${out} is the TypeScript of schemas/${schema}.schema.json`, async () => {
      expect(read(out)).toBe(await (generate as (name: string) => Promise<string>)(schema));
    });
  }

  it('every schema has a precompiled validator made from its current text', () => {
    for (const name of ['graph', 'front-matter', 'config', 'scenario']) {
      const hash = createHash('sha256')
        .update(read(`schemas/${name}.schema.json`))
        .digest('hex');
      expect(precompiled[name]?.hash, name).toBe(hash);
    }
  });
});
