/**
 * Every lint rule's page shows what is wrong and what is right (docs/rules/<id>.md). Those
 * examples are run here, so a page cannot drift from its rule: each "Wrong" example must make
 * the rule report, and each "Right" example must not. A code block belongs to the paragraph
 * above it that starts with **Wrong** or **Right**; the parts of an instruction a block leaves
 * out (front matter, the task around it) are filled in. An HTML comment right before a block may
 * set the day (`today=YYYY-MM-DD`), name the file the block is (`file=PATH`, relative to the
 * instructions folder; the other blocks of the paragraph are the instruction), or create files
 * the example needs (`with=PATH,…`). Blocks of other languages (`text`) are prose, not examples.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compilePaths } from '../src/compile/compile.js';
import { resolveConfig } from '../src/lint/config.js';
import { lintCompiled } from '../src/lint/linter.js';
import { rules } from '../src/lint/rules/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const temp = mkdtempSync(join(tmpdir(), 'instr-rule-examples-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A fenced block of a page: the instruction itself, or (with `file=`) another file next to it. */
interface Block {
  lang: string;
  code: string;
  file?: string;
}

/** One Wrong or Right paragraph of a page and the blocks under it. */
interface Example {
  kind: 'wrong' | 'right';
  line: number;
  blocks: Block[];
  today?: string;
  /** Files that must exist for the example (a linked template), created with a heading only. */
  with: string[];
}

/** The examples of one page, in order: fenced `markdown` and `yaml` blocks under Wrong / Right. */
function examplesOf(page: string): Example[] {
  const lines = page.split('\n');
  const out: Example[] = [];
  let current: Example | undefined;
  let settings: Record<string, string> = {};
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const kind = /^(\*\*)?(Wrong|Right)\b/.exec(line)?.[2];
    if (kind) {
      current = { kind: kind === 'Wrong' ? 'wrong' : 'right', line: i + 1, blocks: [], with: [] };
      out.push(current);
    } else if (/^\*\*/.test(line)) current = undefined;
    const comment = /^<!--\s*example:\s*(.*?)\s*-->$/.exec(line);
    if (comment) settings = Object.fromEntries((comment[1] ?? '').split(/\s+/).map((pair) => pair.split('=') as [string, string]));
    const fence = /^```(\w+)/.exec(line);
    if (!fence) continue;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== '```'; i++) body.push(lines[i] ?? '');
    const lang = fence[1] ?? '';
    if (current && (lang === 'markdown' || lang === 'yaml')) {
      current.blocks.push({ lang, code: body.join('\n'), ...(settings['file'] ? { file: settings['file'] } : {}) });
      if (settings['today']) current.today = settings['today'];
      if (settings['with']) current.with.push(...settings['with'].split(','));
    }
    settings = {};
  }
  return out.filter((e) => e.blocks.length > 0);
}

const frontMatter = (extra = '') => `---\nid: example\ntitle: Пример\nlang: ru\n${extra}---\n`;
const task = '## Задачи {.tasks}\n\n### Пример {#example}\n\n::when[Пример]\n\n';
const aStep = '1. Позвонить клиенту по телефону из карточки.';

/** The example as a whole instruction: the parts it leaves out are filled in around it. */
function asInstruction(block: Block | undefined): string {
  if (!block) return `${frontMatter()}\n${task}${aStep}\n`;
  if (block.lang === 'yaml') return `${frontMatter(`${block.code}\n`)}\n${task}${aStep}\n`;
  if (block.code.startsWith('---')) return `${block.code}\n`;
  if (/^## /m.test(block.code)) return `${frontMatter()}\n${block.code}\n`;
  if (/^### /m.test(block.code)) return `${frontMatter()}\n## Задачи {.tasks}\n\n${block.code}\n`;
  return `${frontMatter()}\n${task}${block.code}\n`;
}

let count = 0;
async function findings(ruleId: string, example: Example) {
  const folder = join(temp, `example-${++count}`, 'instructions');
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  };
  write('example.md', asInstruction(example.blocks.find((b) => !b.file)));
  for (const block of example.blocks) if (block.file) write(block.file, `${block.code}\n`);
  for (const path of example.with) write(path, '# Образец\n');
  const cwd = dirname(folder);
  const result = await compilePaths([folder], { cwd, cache: false, workers: 0 });
  const rule = rules.find((r) => r.meta.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  const config = resolveConfig({ rules: { [ruleId]: 'error' } });
  const all = await lintCompiled(result, { config, today: example.today ?? '2026-11-27', cwd, rules: [rule], lang: 'en' });
  return {
    compiler: all.filter((d) => d.source !== 'lint' && d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`),
    rule: all.filter((d) => d.rule === ruleId).map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`),
  };
}

describe('the examples on the lint rules’ pages', () => {
  for (const rule of rules) {
    const id = rule.meta.id;
    const page = readFileSync(join(root, 'docs/rules', `${id}.md`), 'utf8');
    const examples = examplesOf(page);
    it(`${id}: the page has a wrong and a right example`, () => {
      expect(
        examples.map((e) => e.kind),
        `docs/rules/${id}.md`,
      ).toEqual(expect.arrayContaining(['wrong', 'right']));
    });
    for (const example of examples) {
      it(`${id}: the ${example.kind} example at docs/rules/${id}.md:${example.line} ${example.kind === 'wrong' ? 'is reported' : 'passes'}`, async () => {
        const found = await findings(id, example);
        expect(found.compiler, 'the example compiles').toEqual([]);
        if (example.kind === 'wrong') expect(found.rule.length, 'the rule reports the wrong example').toBeGreaterThan(0);
        else expect(found.rule, 'the rule is silent on the right example').toEqual([]);
      });
    }
  }
});
