import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { errorLine, frontMatter, instr, linesOf, oneRun, scale, stackTrace, tempFolder, withId } from './hostile-helpers.js';

/**
 * Shapes that used to take 6–19 s (or over a minute) each, from the parser's superlinear corners
 * and from loops in instr's own code. Each now ends with a diagnostic at its line, or compiles;
 * what is asserted is the diagnostic or the result, never the time (the per-test timeout is only
 * a guard against a hang).
 */
const folder = tempFolder('dos-budget');
afterAll(() => folder.cleanup());
const task = (body: string, id = 'do-it') => `${frontMatter}## Tasks {.tasks}\n\n### Do it {#${id}}\n\n::when[A client writes]\n\n${body}`;
// A hang takes forever; a loaded CI machine (two suites at once) took over 60 s for one of these.
const hangGuard = 300_000;

/**
 * Each process start costs ~0.45 s of CPU, so the files below go to two runs of the binary,
 * `instr --no-cache compile` over a folder: `refused/` (each file has an error at its own line,
 * which a test checks among its own lines) and `ok/` (each file compiles: the run exits 0 only if
 * every file does). Every file has an instruction id of its own, so no file reports on another.
 */
const refusedFiles: Record<string, string> = {};
const okFiles: Record<string, string> = {};
const refusedRun = oneRun(folder.dir, 'refused', refusedFiles, ['--no-cache', 'compile', '--quiet']);
const okRun = oneRun(folder.dir, 'ok', okFiles, ['--no-cache', 'compile']);

/** A file of `refused/`: the run ends, and this file has an error of its own; returns its lines. */
function refused(name: string): string {
  const r = refusedRun();
  expect(r.code).toBe(1);
  expect(r.stderr).not.toMatch(stackTrace);
  const own = linesOf(r, `refused/${name}`);
  expect(own).toMatch(errorLine);
  return own;
}

/** The `ok/` run: every file in it compiled (exit 0); stdout is the graph of all of them. */
function compiled(): ReturnType<typeof instr> {
  const r = okRun();
  expect(r.stderr).not.toMatch(stackTrace);
  expect(r.code).toBe(0);
  return r;
}

/** Whether `ok/` compiled this file: its document is in the graph (whose paths are relative to `ok/`). */
function inGraph(stdout: string, name: string): boolean {
  const graph = JSON.parse(stdout) as { documents: Array<{ file: string }> };
  return graph.documents.some((d) => d.file === name);
}

describe('container shapes micromark handles in quadratic time', () => {
  refusedFiles['quotes.md'] = withId(`${frontMatter}${'> a\n\n'.repeat(4000)}`, 'quotes');
  refusedFiles['setext.md'] = withId(`${frontMatter}${'ab\n==\n\n'.repeat(4000)}`, 'setext');
  it('quotes and setext headings without a heading to cut at: refused at the 2 001st', { timeout: hangGuard }, () => {
    expect(refused('quotes.md')).toMatch(/quotes\.md:4007:1 .*cannot cut/);
    expect(refused('setext.md')).toMatch(/setext\.md:6008:1 .*cannot cut/);
  });

  const tasks = Array.from(
    { length: scale(150, 600) },
    (_, i) => `### T${i} {#t${i}}\n\n::when[x]\n\nParagraph of ordinary text.\n\n1. First step.\n2. Second step.\n3. Third step.\n\n> a quote\n`,
  ).join('\n');
  okFiles['steps.md'] = withId(`${frontMatter}## Tasks {.tasks}\n\n${tasks}`, 'steps');
  it('the same counts spread over tasks (a heading each) compile: the parser cuts there', { timeout: hangGuard }, () => {
    expect(inGraph(compiled().stdout, 'steps.md')).toBe(true);
  });
});

describe('the guard', () => {
  const shapes: Array<{ name: string; text: string; where: RegExp }> = [
    // `#x` (no heading) between the lines no longer resets the counts
    { name: 'hash-emphasis', text: `${frontMatter}${'*a\n#x\n'.repeat(2100)}x\n${'a*\n#x\n'.repeat(2100)}`, where: /hash-emphasis\.md:1607:1 .*More than 800/ },
    {
      name: 'hash-options',
      text: task(`::decision[Which?]\n${Array.from({ length: 2500 }, (_, i) => `- Option ${i}\n#x\n  1. Do ${i}.`).join('\n')}\n`),
      where: /hash-options\.md:\d+:\d+ .*more than 2000 items/,
    },
    { name: 'directive-emphasis', text: `${frontMatter}${'*a\n::x\n'.repeat(2100)}`, where: /directive-emphasis\.md:\d+:1 .*More than 800/ },
    // unclosed inline HTML
    { name: 'html-comment', text: `${frontMatter}${'a <!-- '.repeat(14_000)}\n`, where: /html-comment\.md:7:\d+ .*inline HTML/ },
    { name: 'html-pi', text: `${frontMatter}${'a <? '.repeat(20_000)}\n`, where: /html-pi\.md:7:\d+ .*inline HTML/ },
    { name: 'html-decl', text: `${frontMatter}${'a <!A '.repeat(16_000)}\n`, where: /html-decl\.md:7:\d+ .*inline HTML/ },
    {
      name: 'backticks',
      text: `${frontMatter}${Array.from({ length: 1000 }, (_, i) => `${'`'.repeat((i % 50) + 1)}a `).join('')}\n`,
      where: /backticks\.md:7:\d+ .*code delimiters/,
    },
    // memory: one block of 512 Ki lines took 2.4 GB
    { name: 'lines', text: `${frontMatter}${'a\n'.repeat(512 * 1024)}`, where: /lines\.md:10007:1 .*more than 10000 lines/ },
    // memory: 4 MB of tiny paragraphs took 3.3 GB in one piece, 900 MB cut by headings every 300
    { name: 'paragraphs', text: `${frontMatter}${'a\n\n'.repeat(1_300_000)}`, where: /paragraphs\.md:50006:1 .*More than 50000 lines in one stretch/ },
    {
      name: 'cut-paragraphs',
      text: `${frontMatter}${`# h\n\n${'a\n\n'.repeat(300)}`.repeat(4300)}`,
      where: /cut-paragraphs\.md:150001:1 .*more than 150000 lines/,
    },
    // a stretch the parser cannot cut (an indented fence stops the cuts) with thousands of quotes
    { name: 'uncut-quotes', text: `${frontMatter}- item\n   \`\`\`\n\n${'> a\n\n'.repeat(2500)}`, where: /uncut-quotes\.md:\d+:1 .*cannot cut/ },
    // 40 000 roles: refused before YAML or the parser sees them
    {
      name: 'roles',
      text: `---\nid: hostile\ntitle: Hostile\nlang: en\nroles:\n${'  r: {title: R}\n'.repeat(40_000)}---\n\nx\n`,
      where: /roles\.md:5002:1 .*Front matter is longer than 5000 lines/,
    },
  ];
  // All twelve files in the one run of refused/; each is refused at its own line.
  for (const shape of shapes) refusedFiles[`${shape.name}.md`] = withId(shape.text, shape.name);
  for (const shape of shapes) {
    it(`${shape.name}: refused with a diagnostic at the line`, { timeout: hangGuard }, () => {
      expect(refused(`${shape.name}.md`)).toMatch(shape.where);
    });
  }
});

describe('the work of one parse is bounded', () => {
  const opens = { fence: '```', comment: '<!--' };
  for (const [name, open] of Object.entries(opens)) {
    okFiles[`open-${name}.md`] = withId(`${frontMatter}${open}\n${`# h\n${'x'.repeat(4100)}\n`.repeat(scale(100, 400))}`, `open-${name}`);
  }
  it(`a fence or comment left open before ${scale(100, 400)} headings is parsed in linear work (400 of them, 1.6 MB, took 14-19 s)`, {
    timeout: hangGuard,
  }, () => {
    const r = compiled();
    for (const name of Object.keys(opens)) expect(inGraph(r.stdout, `open-${name}.md`)).toBe(true);
  });
});

describe("instr's own loops", () => {
  const checkpoints = scale(300, 2000);
  okFiles['same.md'] = withId(task('1. Step.\n\n' + '::checkpoint[Same checkpoint]\n\n'.repeat(checkpoints)), 'same');
  it(`${scale(300, 2000)} identical checkpoints get the ids -2 … -${scale(300, 2000)}`, { timeout: hangGuard }, () => {
    const n = checkpoints;
    const r = compiled();
    expect(inGraph(r.stdout, 'same.md')).toBe(true);
    // same.md is the only file of ok/ with checkpoints
    expect(r.stdout).toMatch(new RegExp(`"(?:do-it\\.)?c[0-9a-f]{6}-${n}"`));
    expect(r.stdout).not.toMatch(new RegExp(`"(?:do-it\\.)?c[0-9a-f]{6}-${n + 1}"`));
  });

  const linkCount = scale(300, 1200);
  okFiles['links.md'] = withId(
    task(`1. Step.\n\n${Array.from({ length: linkCount }, (_, i) => `See [link](https://example.com/${i}) here.\n\n`).join('')}`, 'links'),
    'links',
  );
  it(`${scale(300, 1200)} paragraphs of links after one step are all kept, in order`, { timeout: hangGuard }, () => {
    const n = linkCount;
    const graph = JSON.parse(compiled().stdout) as { nodes: Record<string, { position: { file: string }; links?: Array<{ url: string }> }> };
    const links = Object.values(graph.nodes)
      .filter((node) => node.position.file === 'links.md')
      .flatMap((node) => node.links ?? []);
    expect(links).toHaveLength(n);
    expect(links[n - 1]!.url).toBe(`https://example.com/${n - 1}`);
  });

  const attributes = scale(3000, 20_000);
  refusedFiles['attributes.md'] = withId(
    task(`1. Step.\n\n::checkpoint[x]{${Array.from({ length: attributes }, (_, i) => `k${i}=v`).join(' ')}}\n`),
    'attributes',
  );
  it(`${scale(3000, 20_000)} attributes are each reported at their column`, { timeout: hangGuard }, () => {
    const n = attributes;
    const own = refused('attributes.md');
    expect(own).toMatch(/attributes\.md:15:17 .*Unknown attribute "k0"/);
    expect(own).toMatch(new RegExp(`attributes\\.md:15:\\d{5,} .*Unknown attribute "k${n - 1}"`));
  });

  okFiles['comment.md'] = withId(task(`1. Step.\n\n<!-- kept -->\n\n<!--\n${'a -- b c -- d\n'.repeat(scale(1500, 6000))}`, 'comment'), 'comment');
  it(`an unclosed <!-- before ${scale(1500, 6000)} lines of -- is read in linear time; closed comments are still found`, { timeout: hangGuard }, () => {
    const graph = JSON.parse(compiled().stdout) as { documents: Array<{ file: string; comments?: Array<{ text: string }> }> };
    const own = graph.documents.find((d) => d.file === 'comment.md');
    expect(own?.comments?.map((c) => c.text)).toContain('kept');
  });

  const dangling = scale(150, 1000);
  refusedFiles['dangling.md'] = withId(
    `${frontMatter}## Tasks {.tasks}\n\n${Array.from({ length: dangling }, (_, i) => `### T${i} {#t${i}}\n\n::when[x]\n\n1. Step.\n\n::goto[#tx${i}]\n`).join('\n')}`,
    'dangling',
  );
  it(`${scale(150, 1000)} dangling jumps: each reported, "did you mean" for the first 100 only`, { timeout: hangGuard }, () => {
    const n = dangling;
    const own = refused('dangling.md');
    expect(own.match(/dangling-jump/g)).toHaveLength(n);
    expect(own.match(/did you mean/g)).toHaveLength(100);
  });

  it(`graph draws ${scale(200, 1000)} tasks`, { timeout: hangGuard }, () => {
    const n = scale(200, 1000);
    folder.write(
      'tasks.md',
      `${frontMatter}## Tasks {.tasks}\n\n${Array.from({ length: n }, (_, i) => `### T${i} {#t${i}}\n\n::when[x]\n\n1. S${i}.\n`).join('\n')}`,
    );
    const r = instr(folder.dir, ['--no-cache', 'graph', '--format', 'mermaid', 'tasks.md']);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/subgraph /g)).toHaveLength(n);
    expect(r.stderr).not.toMatch(stackTrace);
  });

  it('a scenario file of 60 000 keys is refused before its YAML is parsed', { timeout: hangGuard }, () => {
    const dir = join(folder.dir, 'scen');
    mkdirSync(join(dir, 'scenarios'), { recursive: true });
    folder.write('scen/doc.md', task('1. Step.\n'));
    folder.write(
      'scen/scenarios/big.yaml',
      `task: do-it\nscenarios:\n  - name: x\n    answers:\n${Array.from({ length: 60_000 }, (_, i) => `      k${i}: v\n`).join('')}`,
    );
    const r = instr(folder.dir, ['--no-cache', 'test', 'scen']);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/big\.yaml:20001:1.*longer than 20000 lines/);
    expect(r.stderr).not.toMatch(stackTrace);
  });

  const roles = scale(300, 3000);
  refusedFiles['dup.md'] =
    `---\nid: dup\ntitle: Hostile\nlang: en\nroles:\n${Array.from({ length: roles }, (_, i) => `  r${i}: {title: R}\n`).join('')}  r7: {title: Again}\n---\n\nx\n`;
  it('duplicate keys are still found, with a Set, at their line', { timeout: hangGuard }, () => {
    expect(refused('dup.md')).toMatch(new RegExp(`dup\\.md:${roles + 6}:3 .*Duplicate key in front matter: "r7"`));
  });
});
