import { closeSync, openSync, readFileSync, symlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../e2e/run-instr.js';
import { controlCharacters, errorLine, frontMatter, instr, linesOf, oneRun, scale, slow, stackTrace, tempFolder, withId } from './hostile-helpers.js';

/** Hostile files as a pull request could bring them, each fed to the real binary. */
const fixtures = join(projectRoot, 'test/fixtures/hostile');
const folder = tempFolder('inputs');
afterAll(() => folder.cleanup());

const task = '## Tasks {.tasks}\n\n### Do it {#do-it}\n\n::when[A client writes]\n\n1. Greet the client.\n2. Check the tariff.\n';

function expectClean(r: { stderr: string; stdout: string }): void {
  expect(r.stderr).not.toMatch(stackTrace);
}

/**
 * The files that `compile --quiet` refuses, each for a defect of its own, go to one run of the
 * binary, named one by one (see `oneRun`). Every file has an instruction id and task ids of its
 * own, so no file reports on another; each test checks the lines about its own file.
 */
const refusedFiles: Record<string, string | Uint8Array> = {};
const refusedRun = oneRun(folder.dir, 'refused', refusedFiles, ['compile', '--quiet'], { named: true });

/** A file of `refused/`: the run ends cleanly, and this file has an error of its own; returns its lines. */
function refused(name: string): string {
  const r = refusedRun();
  expect(r.code).toBe(1);
  expectClean(r);
  expect(r.stderr).not.toMatch(controlCharacters);
  expect(r.stderr).not.toContain('duplicate-id');
  const own = linesOf(r, `refused/${name}`);
  expect(own).toMatch(errorLine);
  return own;
}

/** A fixture of test/fixtures/hostile whose one task, `{#task}`, gets an id of its own. */
const fixture = (name: string): string => readFileSync(join(fixtures, name), 'utf8').replace('{#task}', `{#${name.replace(/\.md$/, '')}}`);

describe('size', () => {
  it.runIf(slow)('a 50 MB file is refused by the default size limit, without reading it', () => {
    const path = join(folder.dir, 'huge.md');
    const fd = openSync(path, 'w');
    const chunk = Buffer.from(`${frontMatter}${'Обычный текст инструкции. '.repeat(40_000)}`);
    let written = 0;
    while (written < 50 * 1024 * 1024) written += writeSync(fd, chunk);
    closeSync(fd);
    const r = instr(folder.dir, ['compile', 'huge.md', '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/huge\.md:1:1 .*File is 5\d\.\d MB; instruction files are limited to 5\.0 MB.*--max-file-size/);
    expectClean(r);
  });

  it('--max-file-size sets the limit', () => {
    folder.write('small.md', frontMatter + task);
    expect(instr(folder.dir, ['compile', 'small.md', '--quiet', '--max-file-size', '100']).stderr).toContain('small.md:1:1');
    expect(instr(folder.dir, ['compile', 'small.md', '--quiet', '--max-file-size', '1MB']).code).toBe(0);
  });
});

describe('encoding', () => {
  const latin1 = withId(frontMatter, 'latin1');
  refusedFiles['latin1.md'] = Buffer.concat([Buffer.from(`${latin1}Caf`), Buffer.from([0xe9]), Buffer.from(' au lait\n')]);
  it('invalid UTF-8 is reported with its byte offset, line and column', () => {
    const own = refused('latin1.md');
    expect(own).toContain('latin1.md:7:4');
    expect(own).toContain(`byte offset ${Buffer.byteLength(latin1) + 3}`);
  });

  refusedFiles['nul.md'] = withId(`${frontMatter}ab\u0000cd\n`, 'nul');
  it('a NUL byte is reported where it is', () => {
    expect(refused('nul.md')).toMatch(/nul\.md:7:3 .*NUL byte/);
  });

  refusedFiles['utf16.md'] = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(withId(frontMatter + task, 'utf16'), 'utf16le')]);
  refusedFiles['utf16-no-bom.md'] = Buffer.from(withId(frontMatter + task, 'utf16-no-bom'), 'utf16le');
  it('a UTF-16 file is named as such, not parsed as garbage', () => {
    expect(refused('utf16.md')).toMatch(/utf16\.md:1:1 .*UTF-16/);
    expect(refused('utf16-no-bom.md')).toMatch(/utf16-no-bom\.md:1:2 .*NUL byte/);
  });

  it('a folder with a UTF-16 instruction in it reports that file, not skips it', () => {
    const folder = tempFolder('utf16-walk');
    try {
      folder.write('utf16.md', refusedFiles['utf16.md']!);
      folder.write('ok.md', withId(frontMatter + task, 'ok'));
      const r = instr(folder.dir, ['compile', '.', '--quiet']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/utf16\.md:1:1 .*UTF-16/);
      expect(r.stderr).not.toMatch(stackTrace);
    } finally {
      folder.cleanup();
    }
  });

  it('a UTF-8 BOM and CRLF line ends compile exactly like plain LF', () => {
    const text = frontMatter + task;
    const plain = tempFolder('lf');
    const crlf = tempFolder('crlf');
    try {
      plain.write('doc.md', text);
      crlf.write('doc.md', `\uFEFF${text.replace(/\n/g, '\r\n')}`);
      const a = instr(plain.dir, ['compile', 'doc.md']);
      const b = instr(crlf.dir, ['compile', 'doc.md']);
      expect(a.code).toBe(0);
      expect(b.code).toBe(0);
      // The document hash is of the file's bytes, which do differ; everything else is identical.
      const strip = (json: string) => json.replace(/"hash": "[0-9a-f]+"/, '');
      expect(strip(b.stdout)).toBe(strip(a.stdout));
    } finally {
      plain.cleanup();
      crlf.cleanup();
    }
  });
});

describe('front matter', () => {
  for (const name of ['alias-bomb.md', 'proto.md', 'proto-role.md', 'duplicate-keys.md']) refusedFiles[name] = fixture(name);

  it('a YAML alias bomb becomes a diagnostic', () => {
    expect(refused('alias-bomb.md')).toMatch(/alias-bomb\.md:2:1 .*alias/);
  });

  it('__proto__ and constructor keys are reported, in the front matter and in roles', () => {
    const own = refused('proto.md');
    expect(own).toContain('proto.md:5:1');
    expect(own).toContain('Unknown key "__proto__"');
    expect(own).toContain('proto.md:7:1');
    expect(own).toContain('Unknown key "constructor"');
    expect(own).toContain('proto.md:10:1');
    expect(own).toContain('proto.md:21:17');
  });

  it('an escalation to a role, or a jump to a node, called __proto__ or constructor is not found on Object.prototype', () => {
    const own = refused('proto-role.md');
    expect(own).toContain('proto-role.md:14:17');
    expect(own).toMatch(/proto-role\.md:16:1 .*Role "constructor" is not defined/);
    expect(own).toMatch(/proto-role\.md:18:1 .*Jump to "#constructor", which no task or node has/);
  });

  it('duplicate keys are reported', () => {
    expect(refused('duplicate-keys.md')).toMatch(/duplicate-keys\.md:5:1 .*Duplicate key/);
  });
});

describe('terminal escape sequences in instruction text', () => {
  const escapes = readFileSync(join(fixtures, 'escapes.md'), 'utf8');

  it('the fixture really carries ESC, BEL, BS, DEL and C1 controls', () => {
    for (const c of ['\u001b', '\u0007', '\u0008', '\u007f', '\u009b', '\u009d']) expect(escapes).toContain(c);
  });

  for (const args of [['list'], ['list', '--json'], ['show', 'esc']]) {
    it(`instr ${args.join(' ')} prints none of them`, () => {
      const r = instr(fixtures, [...args, 'escapes.md']);
      expect(r.code).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(20);
      expect(r.stdout).not.toMatch(controlCharacters);
      expect(r.stderr).not.toMatch(controlCharacters);
      expectClean(r);
    });
  }

  for (const format of ['stylish', 'json', 'github', 'sarif']) {
    it(`instr lint --format ${format} prints none of them`, () => {
      const r = instr(fixtures, ['lint', 'escapes.md', '--format', format]);
      expect(r.stdout.length).toBeGreaterThan(20);
      expect(r.stdout).not.toMatch(controlCharacters);
      expect(r.stderr).not.toMatch(controlCharacters);
      expectClean(r);
    });
  }

  refusedFiles['escaped-title.md'] = withId(
    `${frontMatter}## Tasks {.tasks}\n\n### Title \u001b]0;owned\u0007 \u009b2J without an id\n\n1. Step.\n`,
    'escaped-title',
  );
  it('the same holds for diagnostics that quote the text', () => {
    // refused() also checks that no line of the run carries a control character
    const own = refused('escaped-title.md');
    expect(own).toContain('escaped-title.md:9:1');
    expect(own).toContain('without an id');
  });
});

describe('references that leave the repository', () => {
  refusedFiles['outside.md'] = fixture('outside.md');
  it('jumps to files outside the folder are reported at their line', () => {
    const own = refused('outside.md');
    expect(own).toMatch(/outside\.md:13:1 .*outside/);
    expect(own).toMatch(/outside\.md:15:1 .*outside/);
  });

  it('a symlinked instruction that leaves the folder is not read', () => {
    const outside = tempFolder('outside-target');
    const inside = tempFolder('inside');
    try {
      outside.write('secret.md', `${frontMatter.replace('id: hostile', 'id: secret')}## Tasks {.tasks}\n\n### Secret {#secret}\n\n1. Secret step.\n`);
      inside.write('doc.md', frontMatter + task);
      symlinkSync(join(outside.dir, 'secret.md'), join(inside.dir, 'link.md'));
      const r = instr(inside.dir, ['compile', '.']);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toContain('Secret step');
      expect(r.stdout).toContain('Greet the client');
    } finally {
      outside.cleanup();
      inside.cleanup();
    }
  });
});

describe('graph shapes', () => {
  it('a jump cycle across files compiles, and show terminates', () => {
    const compiled = instr(fixtures, ['compile', 'cycle', '--quiet']);
    expect(compiled.code).toBe(0);
    const shown = instr(fixtures, ['show', 'ping', 'cycle']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Say ping');
    expectClean(shown);
  });

  const decision = (n: number) =>
    `${frontMatter}## Tasks {.tasks}\n\n### Choose {#choose}\n\n::decision[Which one?]\n${Array.from({ length: n }, (_, i) => `- Option ${i + 1}\n  1. Do thing ${i + 1}.`).join('\n')}\n\n1. After the choice.\n`;

  // The spawn timeout is the guard against a hang; no test measures seconds.
  it(`a decision with ${scale(300, 900)} options compiles and shows`, () => {
    const n = scale(300, 900);
    folder.write('options.md', decision(n));
    const r = instr(folder.dir, ['show', 'choose', 'options.md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Option ${n}`);
    expectClean(r);
  });

  it.runIf(slow)('a decision with 5 000 options (a list the parser needs ~10 s for) is refused at the item over the limit', () => {
    folder.write('options-5000.md', decision(5000));
    const r = instr(folder.dir, ['compile', 'options-5000.md', '--quiet']);
    expect(r.code).toBe(1);
    // 2 000 list items: 1 000 options with one step each; the 2 001st is option 1 001's line.
    expect(r.stderr).toMatch(/options-5000\.md:2012:1 .*more than 2000 items/);
    expectClean(r);
  });

  refusedFiles['container.md'] = withId(
    `${frontMatter}## Tasks {.tasks}\n\n### T {#t}\n\n1. First step.\n\n:::decision[Old style?]\n- Yes\n- No\n:::\n`,
    'container',
  );
  it('a container directive is reported at its line (the language has none)', () => {
    expect(refused('container.md')).toMatch(/container\.md:13:1 .*Container directives/);
  });
});
