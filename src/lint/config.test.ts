import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, findConfigFile, loadConfig, parseConfig, resolveConfig } from './config.js';
import { presets } from './presets.js';
import { ruleIds } from './rules/index.js';

const dir = mkdtempSync(join(tmpdir(), 'instr-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function problems(text: string) {
  try {
    parseConfig(text, 'instr.config.yaml');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => `${p.line}:${p.column} ${p.message}`);
    throw error;
  }
  return [];
}

describe('config', () => {
  it('merges a preset with the file: severities, options, lists', () => {
    const config = resolveConfig(
      parseConfig(
        'extends: strict\nrules:\n  vague-wording: warn\n  dead-end: [error, {requireExplicitEnd: false}]\n  required-sections: [warn, {sections: [tasks]}]\n  inbox-stale: [warn, {maxAge: P1M}]\n',
        'c.yaml',
      ),
    );
    expect(config.preset).toBe('strict');
    expect(config.rules['vague-wording']).toEqual({ level: 'warn', options: {} });
    expect(config.rules['dead-end']).toEqual({ level: 'error', options: { requireExplicitEnd: false } });
    expect(config.rules['stale-review']).toEqual({ level: 'error', options: { requireReview: true } });
    expect(config.rules['required-sections']).toEqual({ level: 'warn', options: { sections: ['tasks'] } });
    expect(config.rules['inbox-stale']).toEqual({ level: 'warn', options: { maxAge: 'P1M' } });
  });

  it('defaults to the recommended preset', () => {
    const config = resolveConfig({});
    expect(config.rules['vague-wording']!.level).toBe('warn');
    expect(config.rules['unreachable']!.level).toBe('error');
    expect(config.rules['inbox-stale']).toEqual({ level: 'warn', options: {} });
  });

  it('reports schema problems with the line and column in the YAML', () => {
    expect(problems('rules:\n  vague-wording: loud\n')).toEqual(['2:18 "rules.vague-wording" must be off, warn or error, or [severity, {options}]']);
    expect(problems('rules:\n  no-such-rule: off\n')).toEqual(['2:3 Unknown rule "no-such-rule"; the rules are listed in docs/commands/lint.md']);
    expect(problems('extends: lax\n')).toEqual(['1:10 "extends" must be one of: recommended, strict']);
    expect(problems('rules:\n  inbox-stale: [warn, {maxAge: two weeks}]\n')).toEqual([
      '2:32 "rules.inbox-stale.1.maxAge" must be an ISO 8601 duration such as P14D or P2W',
    ]);
    expect(problems('inboxMaxAge: P1M\n')).toEqual(['1:1 "inboxMaxAge" is now an option of a rule: rules: { inbox-stale: [warn, { maxAge: P30D }] }']);
    expect(problems('rules:\n  dead-end: [error, {explicit: true}]\n')).toEqual(['2:22 Unknown key "explicit" in "rules.dead-end.1"']);
  });

  it('reports YAML errors, duplicate keys and alias bombs without throwing anything else', () => {
    expect(problems('rules: [\n')[0]).toMatch(/^\d+:\d+ Not valid YAML/);
    expect(problems('extends: strict\nextends: strict\n')[0]).toMatch(/^2:1 Not valid YAML/);
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`,
      ),
    ].join('\n');
    expect(problems(bomb)[0]).toMatch(/could not be read|Not valid YAML|Unknown key/);
  });

  it('is found upward from the working directory, and not above the repository top', async () => {
    const repo = join(dir, 'repo');
    const deep = join(repo, 'a', 'b');
    mkdirSync(deep, { recursive: true });
    mkdirSync(join(repo, '.git'));
    expect(await findConfigFile(deep)).toBeNull();
    writeFileSync(join(dir, 'instr.config.yaml'), 'extends: strict\n');
    expect(await findConfigFile(deep)).toBeNull();
    writeFileSync(join(repo, 'a', 'instr.config.yaml'), 'extends: strict\n');
    expect(await findConfigFile(deep)).toBe(join(repo, 'a', 'instr.config.yaml'));
    expect((await loadConfig(join(repo, 'a', 'instr.config.yaml'))).preset).toBe('strict');
    expect(await findConfigFile(deep, '../x.yaml')).toBe(join(repo, 'a', 'x.yaml'));
  });

  it('presets and the config schema name exactly the rules there are', () => {
    const schema = JSON.parse(readFileSync('schemas/config.schema.json', 'utf8')) as { properties: { rules: { properties: Record<string, unknown> } } };
    const sorted = [...ruleIds].sort();
    expect(Object.keys(presets.recommended).sort()).toEqual(sorted);
    expect(Object.keys(presets.strict).sort()).toEqual(sorted);
    expect(Object.keys(schema.properties.rules.properties).sort()).toEqual(sorted);
  });

  it('an empty file is the default config', () => {
    expect(resolveConfig(parseConfig('', 'c.yaml')).preset).toBe('recommended');
  });
});
