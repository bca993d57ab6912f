import { readFileSync } from 'node:fs';
import AjvDraft04 from 'ajv-draft-04';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { rules } from '../rules/index.js';
import { github } from './github.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

// ajv-draft-04 is CommonJS: its class is the module's `default` property under NodeNext.
const Ajv = AjvDraft04.default;

const diagnostics: Diagnostic[] = [
  {
    file: 'instructions/a b.md',
    line: 3,
    column: 4,
    endLine: 3,
    endColumn: 16,
    rule: 'vague-wording',
    severity: 'warning',
    message: 'Vague wording "Организовать"',
    source: 'lint',
  },
  {
    file: 'instructions/a b.md',
    line: 10,
    column: 1,
    rule: 'dangling-jump',
    severity: 'error',
    message: 'Jump to "#x", 100%: bad\nnext line',
    source: 'compile',
  },
  { file: 'instructions/c.md', line: 1, column: 1, rule: 'placeholder', severity: 'error', message: 'Placeholder "\u001b[31mTODO"', source: 'lint' },
];

describe('reporters', () => {
  it('stylish groups by file, aligns, neutralises escapes and sums up', () => {
    const out = stylish(diagnostics, new Chalk({ level: 0 }));
    expect(out).toContain('instructions/a b.md\n  3:4   warning  Vague wording "Организовать"  vague-wording\n  10:1  error    Jump to');
    expect(out).toContain('instructions/c.md\n');
    expect(out).not.toContain('\u001b[31m');
    expect(out.trimEnd().split('\n').at(-1)).toBe('✖ 3 problems (2 errors, 1 warning)');
    expect(stylish([], new Chalk({ level: 0 }))).toBe('');
  });

  it('json is an array of the documented fields', () => {
    const rows = JSON.parse(json(diagnostics)) as unknown[];
    expect(rows[1]).toEqual({
      file: 'instructions/a b.md',
      line: 10,
      column: 1,
      endLine: 10,
      endColumn: 1,
      rule: 'dangling-jump',
      severity: 'error',
      message: 'Jump to "#x", 100%: bad\nnext line',
    });
  });

  it('github writes one escaped workflow command per finding', () => {
    const lines = github(diagnostics).trimEnd().split('\n');
    expect(lines[0]).toBe('::warning file=instructions/a b.md,line=3,col=4,endLine=3,endColumn=16,title=instr vague-wording::Vague wording "Организовать"');
    expect(lines[1]).toBe('::error file=instructions/a b.md,line=10,col=1,title=instr dangling-jump::Jump to "#x", 100%25: bad%0Anext line');
    expect(lines).toHaveLength(3);
  });

  it('sarif is valid against the official SARIF 2.1.0 schema', () => {
    const schema = JSON.parse(readFileSync('test/fixtures/lint/sarif-2.1.0-rtm.5.json', 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    const log = JSON.parse(sarif(diagnostics, { version: '0.1.0', rules: rules.map((r) => r.meta) })) as {
      runs: Array<{
        results: Array<{ ruleId: string; ruleIndex: number; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>;
        tool: { driver: { rules: Array<{ id: string }> } };
      }>;
    };
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const run = log.runs[0]!;
    expect(run.results).toHaveLength(3);
    expect(run.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('instructions/a%20b.md');
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
    expect(run.results.map((r) => r.level)).toEqual(['warning', 'error', 'error']);
    expect(validate(JSON.parse(sarif([], { version: '0.1.0', rules: [] })))).toBe(true);
    // the schema really checks: a wrong level is refused
    run.results[0]!.level = 'fatal';
    expect(validate(log)).toBe(false);
  });
});
