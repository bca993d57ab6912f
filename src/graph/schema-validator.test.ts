import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaValidator } from './schema-validator.js';

const schema = (name: string): object => JSON.parse(readFileSync(new URL(`../../schemas/${name}.schema.json`, import.meta.url), 'utf8')) as object;

describe('schemaValidator', () => {
  it('precompiled code judges like ajv compiling the schema at run time', () => {
    const runtime = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema('front-matter'));
    const samples: unknown[] = [
      { id: 'doc', title: 'T', lang: 'ru' },
      { id: 'Doc', title: 'T', lang: 'ru' },
      { id: 'doc', title: 'T', lang: 'ru', roles: { director: { title: 'D', contacts: { phone: '1' } } } },
      { id: 'doc', title: 'T', lang: 'ru', roles: { __proto__: { title: 'x' } } },
      { id: 'doc', lang: 'ru', extra: 1 },
      { id: 'doc', title: 'T', lang: 'ru', review: 'P6M', reviewed: '2026-01-01' },
      { id: 'doc', title: 'T', lang: 'ru', review: 'six months' },
    ];
    const precompiled = schemaValidator('front-matter');
    for (const sample of samples) {
      expect(precompiled(sample), JSON.stringify(sample)).toBe(runtime(sample));
      expect((precompiled.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`)).toEqual(
        (runtime.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`),
      );
    }
  });

  it('serves every schema from precompiled code', () => {
    for (const name of ['graph', 'front-matter', 'config', 'scenario'] as const) expect(typeof schemaValidator(name)).toBe('function');
  });
});
