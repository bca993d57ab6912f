import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { compilePaths } from '../../src/compile/compile.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { Graph } from '../../src/graph/types.js';
import { words } from '../../src/text/words.js';
import { propertyRuns } from '../support/scale.js';

/**
 * Nothing the author wrote vanishes: every word of a file's body (outside the front matter and the
 * directive syntax) is somewhere in the compiled graph, or on a line a diagnostic points at.
 */
const temp = mkdtempSync(join(tmpdir(), 'instr-fidelity-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

interface Lost {
  word: string;
  line: number;
}

function bodyWords(text: string): Lost[] {
  const lines = text.split('\n');
  let start = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
    start = end === -1 ? lines.length : end + 1;
  }
  const out: Lost[] = [];
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!.replace(/^(\s*(\d{1,9}[.)]|[-*+]|>)\s+)+/, ' ') // list and quote markers
      .replace(/<\/?[A-Za-z][^<>]*>/g, ' ') // HTML tags: markup, invisible when rendered
      .replace(/:{1,3}[A-Za-z][\w-]*(?=[[{\s]|$)/g, ' ') // directive names
      .replace(/\{[^{}\n]*\}\s*$/g, ' ') // trailing attribute blocks
      .replace(/\]\{[^{}\n]*\}/g, '] '); // directive attribute blocks
    for (const w of words(line)) out.push({ word: w.text.toLowerCase(), line: i + 1 });
  }
  return out;
}

function graphWords(graph: Graph, file: string): Set<string> {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') for (const w of words(value)) found.add(w.text.toLowerCase());
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (k !== 'hash') visit(v);
  };
  visit(graph.documents.filter((d) => d.file === file));
  visit(graph.tasks.filter((t) => t.file === file));
  visit(Object.values(graph.nodes).filter((n) => n.position.file === file));
  return found;
}

/** Words of `text` found neither in the graph nor on a line a diagnostic covers. */
async function lostWords(path: string, cwd: string): Promise<Lost[]> {
  const { graph, diagnostics, root } = await compilePaths([path], { cwd, cache: false, workers: 0 });
  const file = relative(root, join(cwd, path)).split('\\').join('/');
  const text = readFileSync(join(cwd, path), 'utf8');
  const mine = diagnostics.filter((d: Diagnostic) => d.severity === 'error');
  // A file whose front matter is broken compiles to nothing, and the error says so.
  if (!graph.documents.some((d) => d.file === file) && mine.length > 0) return [];
  const covered = new Set<number>();
  for (const d of mine) for (let l = d.line; l <= (d.endLine ?? d.line); l++) covered.add(l);
  const known = graphWords(graph, file);
  return bodyWords(text).filter((w) => !known.has(w.word) && !covered.has(w.line));
}

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) out.push(...markdownFiles(path));
    else if (name.endsWith('.md') && stat.size < 200_000 && readFileSync(path, 'utf8').startsWith('---')) out.push(path);
  }
  return out;
}

describe('fidelity: every word reaches the graph or a diagnostic', () => {
  it('in the bundled instructions', async () => {
    for (const file of markdownFiles('instructions')) expect(await lostWords(file, process.cwd()), file).toEqual([]);
  });

  it('in the test fixtures', async () => {
    const files = markdownFiles('test/fixtures');
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) expect(await lostWords(file, process.cwd()), file).toEqual([]);
  });

  it('in the shapes that used to vanish: a note after a decision, a heading in a task, prose in an option', async () => {
    const text = `---\nid: f\ntitle: F\nlang: en\n---\n\n## Tasks {.tasks}\n\n### A {#a}\n\n1. First.\n\n::decision[Q?]\n- Yes\n\n  Explain yes.\n\n  1. Do yes.\n- No\n\n  Only a note.\n\nNote after decision.\n\n#### Divider heading\n\n2. Next step.\n`;
    writeFileSync(join(temp, 'shapes.md'), text);
    expect(await lostWords('shapes.md', temp)).toEqual([]);
    const { graph } = await compilePaths(['shapes.md'], { cwd: temp, cache: false, workers: 0 });
    const next = Object.values(graph.nodes).find((n) => n.kind === 'step' && n.text === 'Next step.')!;
    expect(next.before).toBe('Note after decision.\n\n#### Divider heading');
  });

  it('in generated documents (property)', async () => {
    // The suite's seed (printed once per run; INSTR_TEST_SEED repeats it).
    const seed = inject('seed');
    const word = fc.constantFrom('alpha', 'bravo', 'charlie', 'delta', 'echo', 'клиент', 'счёт', 'заявка');
    const text = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
    const indent = fc.constantFrom('', '  ', '   ', '    ', '        ');
    const block: fc.Arbitrary<string> = fc.oneof(
      text.map((t) => `1. ${t}.`),
      text.map((t) => `${t}.`),
      text.map((t) => `#### ${t}`),
      fc
        .record({ q: text, a: text, b: text, i: indent, s: text, sep: fc.constantFrom('\n', '\n\n') })
        .map(({ q, a, b, i, s, sep }) => `::decision[${q}?]\n- ${a}${sep}${i}1. ${s}.\n- ${b}\n\n${i}${s} note.`),
      fc.record({ t: text, i: indent }).map(({ t, i }) => `1. ${t}.\n${i}:end[${t}]{status=failed}`),
      text.map((t) => `::checkpoint[${t}]`),
      text.map((t) => `::escalate[${t}]{role=director}`),
    );
    const doc = fc
      .array(block, { minLength: 1, maxLength: 8 })
      .map(
        (blocks) =>
          `---\nid: gen\ntitle: Gen\nlang: en\nroles:\n  director:\n    title: Director\n---\n\n## Tasks {.tasks}\n\n### Task {#task}\n\n${blocks.join('\n\n')}\n`,
      );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(doc, async (markdown) => {
        const name = `gen-${n++}.md`;
        writeFileSync(join(temp, name), markdown);
        expect(await lostWords(name, temp)).toEqual([]);
      }),
      { seed, numRuns: propertyRuns(40) },
    );
  });
});
