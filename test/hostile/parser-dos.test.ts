import { afterAll, describe, expect, it } from 'vitest';
import { frontMatter, instr, linesOf, oneRun, stackTrace, tempFolder, withId } from './hostile-helpers.js';

/**
 * Inputs that make micromark itself the denial of service (measured while planning: 22 s to
 * over 120 s each). The nesting guard must refuse every one before parsing and name the line; the
 * spawn timeout fails a run that parses instead (no test measures seconds).
 */
const folder = tempFolder('dos');
afterAll(() => folder.cleanup());

const body = 7; // the first line after the front matter and the blank line that follows it
const shapes: Array<{ name: string; text: string; line: number; column?: number }> = [
  { name: 'containers', text: ':::a\n'.repeat(2000) + 'x\n', line: body + 40 },
  { name: 'quoted-containers', text: '> :::a\n'.repeat(2000) + 'x\n', line: body + 40, column: 3 },
  { name: 'bullets', text: `${'- '.repeat(10_000)}x\n`, line: body },
  { name: 'ordered', text: `${'1. '.repeat(10_000)}x\n`, line: body },
  { name: 'quotes', text: `${'> '.repeat(50_000)}x\n`, line: body },
  { name: 'emphasis', text: `${'*a '.repeat(4000)}x${' a*'.repeat(4000)}\n`, line: body, column: 2401 },
  { name: 'emphasis-lines', text: `${'*a\n'.repeat(4000)}x\n${'a*\n'.repeat(4000)}`, line: body + 800 },
  { name: 'brackets', text: `${'[a]'.repeat(20_000)}\n`, line: body, column: 2401 },
  { name: 'indentation', text: Array.from({ length: 200 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n'), line: body + 40 },
  { name: 'tabs', text: Array.from({ length: 100 }, (_, i) => `${'\t'.repeat(i)}- x`).join('\n'), line: body + 20 },
];

describe('parser denial of service is refused before parsing', () => {
  // The ten shapes and deep60.md (below) in one run of the binary, with the default depth limit; each is refused at its own line.
  const files: Record<string, string> = Object.fromEntries(shapes.map((s) => [`${s.name}.md`, frontMatter + s.text]));
  const run = oneRun(folder.dir, 'shapes', files, ['compile', '--quiet', '--no-cache']);
  for (const shape of shapes) {
    it(`${shape.name}: a diagnostic at the offending line, no crash`, () => {
      const r = run();
      expect(r.code).toBe(1);
      const where = `${shape.name}.md:${shape.line}:${shape.column ?? 1}`;
      const line = r.stderr.split('\n').find((l) => l.startsWith(`shapes/${where} `));
      expect(line).toMatch(/too-deep/);
      expect(r.stderr).not.toMatch(stackTrace);
    });
  }

  files['deep60.md'] = withId(`${frontMatter}${'- '.repeat(60)}x\n`, 'deep60');
  it('--max-depth sets the depth limit', () => {
    // the default, 40: in the run of shapes/
    const refused = linesOf(run(), 'shapes/deep60.md');
    expect(refused).toContain('deep60.md:7:1');
    expect(refused).toContain('at most 40');
    folder.write('deep60.md', files['deep60.md']!);
    expect(instr(folder.dir, ['--max-depth', '100', 'compile', 'deep60.md', '--quiet']).code).toBe(0);
    expect(instr(folder.dir, ['--max-depth', '50', 'compile', 'deep60.md', '--quiet']).stderr).toContain('at most 50');
    const bad = instr(folder.dir, ['--max-depth', 'lots', 'compile', 'deep60.md']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--max-depth must be a whole number');
  });

  it('a folder with one hostile file still compiles the others (and says which file)', () => {
    const other = tempFolder('dos-folder');
    try {
      other.write('good.md', `${frontMatter.replace('id: hostile', 'id: good')}## Tasks {.tasks}\n\n### Do it {#do-it}\n\n1. Step one.\n`);
      other.write('bad.md', frontMatter + '> '.repeat(50_000));
      const r = instr(other.dir, ['list', '.', '--json']);
      expect(r.stderr).toContain('bad.md:7:1');
      expect(r.stderr).not.toMatch(stackTrace);
    } finally {
      other.cleanup();
    }
  });
});
