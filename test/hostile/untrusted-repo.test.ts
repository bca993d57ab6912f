import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeEntry } from '../../src/cache/file-cache.js';
import { cacheSecret } from '../../src/cache/secret.js';
import { frontMatter, instr as instrWithEnv, type Outcome, stackTrace, tempFolder, withId } from './hostile-helpers.js';

/**
 * A cloned repository is hostile: it may commit symlinks where instr keeps its files, FIFOs and
 * devices where it reads, and a forged cache. Each case runs the real binary.
 */
const task = '## Tasks {.tasks}\n\n### Water the plants $(touch /tmp/owned) {#plants}\n\n::when[Monday]\n\n1. Water the plants.\n2. Check the soil.\n';
const doc = frontMatter + task;
const folders: Array<ReturnType<typeof tempFolder>> = [];
/** The default journal is what these cases are about: no INSTR_JOURNAL from the test setup. */
const instr = (cwd: string, args: string[], env: Record<string, string> = {}) => instrWithEnv(cwd, args, { INSTR_JOURNAL: '', ...env });
afterAll(() => folders.forEach((f) => f.cleanup()));

function repo(prefix: string): ReturnType<typeof tempFolder> {
  const f = tempFolder(prefix);
  folders.push(f);
  f.write('doc.md', doc);
  f.write('answers.yaml', 'Water the plants: { skip: "no water" }\n');
  return f;
}

function clean(r: { stderr: string; stdout: string; code: number | null }): void {
  expect(r.code).not.toBeNull(); // not killed by the hang guard
  expect(r.stderr).not.toMatch(stackTrace);
  expect(r.stderr).not.toContain('Invalid string length');
}

/** The lines of a run's output about one file, `path:line:col ...`. */
const linesAbout = (r: Outcome, path: string): string =>
  (r.stdout + r.stderr)
    .split('\n')
    .filter((l) => l.startsWith(`${path}:`))
    .join('\n');

/** What `lint`'s stylish format says about one file: the block under its name. */
const blockOf = (r: Outcome, name: string): string => r.stdout.split('\n\n').find((block) => block.trimStart().startsWith(`${name}\n`)) ?? '';

describe('a committed symlink where instr writes or reads by default', () => {
  it('.instr/journal.jsonl -> a file outside: the run refuses, the file is untouched', () => {
    const home = repo('home');
    const outside = home.write('bashrc', 'echo hello\n');
    const work = join(home.dir, 'clone');
    mkdirSync(join(work, '.instr'), { recursive: true });
    writeFileSync(join(work, 'doc.md'), doc);
    symlinkSync('../../bashrc', join(work, '.instr', 'journal.jsonl'));
    const r = instr(work, ['run', 'plants', 'doc.md', '--answers', join(home.dir, 'answers.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/journal\.jsonl is a symbolic link/);
    expect(readFileSync(outside, 'utf8')).toBe('echo hello\n');
    clean(r);
  });

  it('.instr itself a symlink to a folder outside: refused, nothing written there', () => {
    const home = repo('home-dir');
    const target = join(home.dir, 'elsewhere');
    mkdirSync(target);
    const work = join(home.dir, 'clone');
    mkdirSync(work);
    writeFileSync(join(work, 'doc.md'), doc);
    symlinkSync(target, join(work, '.instr'));
    const r = instr(work, ['run', 'plants', 'doc.md', '--answers', join(home.dir, 'answers.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\.instr is a symbolic link/);
    expect(readdirSync(target)).toEqual([]);
    clean(r);
  });

  it('a journal named with --journal may be a symlink to a regular file', () => {
    const f = repo('explicit');
    const real = f.write('real.jsonl', '');
    symlinkSync(real, join(f.dir, 'link.jsonl'));
    const r = instr(f.dir, ['run', 'plants', 'doc.md', '--answers', 'answers.yaml', '--journal', 'link.jsonl']);
    expect(r.code).toBe(0);
    expect(readFileSync(real, 'utf8')).toContain('"type":"start"');
    clean(r);
  });

  for (const command of [
    ['report', 'doc.md'],
    ['agenda', 'doc.md'],
    ['run', '--resume', 'doc.md', '--answers', 'answers.yaml'],
  ]) {
    it(`a journal linked to /dev/zero: instr ${command[0]} stops with a clear error`, () => {
      const f = repo('zero');
      mkdirSync(join(f.dir, '.instr'));
      symlinkSync('/dev/zero', join(f.dir, '.instr', 'journal.jsonl'));
      const r = instr(f.dir, command);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/journal.*symbolic link/);
      clean(r);
      const named = instr(f.dir, [...command, '--journal', '/dev/zero']);
      expect(named.code).toBe(2);
      expect(named.stderr).toMatch(/not a regular file/);
      clean(named);
    });
  }

  it('an inbox symlinked out of the repository is not listed', () => {
    const f = repo('inbox');
    const outside = join(f.dir, 'outside');
    mkdirSync(join(f.dir, 'instructions'));
    mkdirSync(outside);
    writeFileSync(join(outside, '2026-11-01-general-aaaa.md'), '<!-- instr-inbox {"captured":"2026-11-01T00:00:00Z"} -->\n### Secret draft {#draft-1}\n');
    writeFileSync(join(f.dir, 'instructions', 'doc.md'), doc);
    symlinkSync(outside, join(f.dir, 'instructions', 'inbox'));
    const r = instr(f.dir, ['inbox']);
    expect(r.stdout).not.toContain('Secret draft');
    expect(r.stderr).toMatch(/inbox: is a symbolic link/);
    clean(r);
  });
});

describe('scenario files', () => {
  const links = [
    ['/dev/zero', 'zero.yaml'],
    ['an outside credentials file', 'credentials.yaml'],
  ] as const;
  // Both links in one repository and one run of `instr test`: each test checks its own file's line.
  let linked: Outcome | undefined;
  const linkedRun = (): Outcome => {
    if (linked) return linked;
    const f = repo('scenario-link');
    const secret = f.write('credentials.yaml', 'aws_secret_access_key: hunter2\nbank_pin: 1234\n');
    mkdirSync(join(f.dir, 'instructions', 'scenarios'), { recursive: true });
    writeFileSync(join(f.dir, 'instructions', 'doc.md'), doc);
    symlinkSync('/dev/zero', join(f.dir, 'instructions', 'scenarios', 'zero.yaml'));
    symlinkSync(secret, join(f.dir, 'instructions', 'scenarios', 'credentials.yaml'));
    linked = instr(f.dir, ['test']);
    return linked;
  };
  for (const [name, file] of links) {
    it(`scenarios/${file} -> ${name}: not followed, and nothing of it is printed`, () => {
      const r = linkedRun();
      expect(r.code).toBe(1);
      expect(linesAbout(r, `instructions/scenarios/${file}`)).toMatch(/symbolic link/);
      expect(r.stdout + r.stderr).not.toMatch(/aws_secret_access_key|bank_pin/);
      clean(r);
    });
  }

  it('the scenarios folder itself a symlink to a folder outside: nothing in it is read', () => {
    const f = repo('scenario-dir-link');
    const outside = join(f.dir, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'x.yaml'), 'aws_secret_access_key: hunter2\nbank_pin: 1234\n');
    mkdirSync(join(f.dir, 'instructions'));
    writeFileSync(join(f.dir, 'instructions', 'doc.md'), doc);
    symlinkSync(outside, join(f.dir, 'instructions', 'scenarios'));
    const r = instr(f.dir, ['test']);
    expect(r.stdout + r.stderr).toMatch(/scenarios.*symbolic link|symbolic link.*scenarios/);
    expect(r.stdout + r.stderr).not.toMatch(/aws_secret_access_key|bank_pin/);
    clean(r);
  });
});

describe('files that are not regular files', () => {
  const fifo = (path: string) => expect(spawnSync('mkfifo', [path]).status).toBe(0);

  it('an instruction that is a FIFO is reported, not waited for', () => {
    const f = repo('fifo');
    fifo(join(f.dir, 'pipe.md'));
    const r = instr(f.dir, ['compile', 'pipe.md', '--quiet'], {});
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/pipe\.md:1:1 .*not a regular file/);
    clean(r);
  });

  it('an answers file that is /dev/zero is refused', () => {
    const f = repo('answers-zero');
    const r = instr(f.dir, ['run', 'plants', 'doc.md', '--answers', '/dev/zero']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a regular file/);
    clean(r);
  });
});

describe('schedules that never end', () => {
  const rules = [
    'FREQ=DAILY;INTERVAL=-1',
    'FREQ=WEEKLY;INTERVAL=-1;COUNT=3',
    'FREQ=MONTHLY;INTERVAL=-2;UNTIL=20300101T000000Z',
    'FREQ=YEARLY;INTERVAL=-1',
    'FREQ=DAILY;BYSETPOS=366',
    'FREQ=DAILY;INTERVAL=100000',
  ];
  const text = `${frontMatter}## Tasks {.tasks}\n\n### Report {#report}\n\n${rules.map((r) => `::schedule[Every time]{rrule="${r}"}\n`).join('\n')}\n1. Send the report.\n`;

  for (const command of [
    ['compile', 'rules.md', '--quiet'],
    ['lint', 'rules.md'],
    ['list', 'rules.md'],
    ['show', 'report', 'rules.md'],
  ]) {
    it(`instr ${command[0]}: each rule is reported at its line, and the command ends`, () => {
      const f = repo('rrule');
      f.write('rules.md', text);
      const r = instr(f.dir, command);
      expect(r.code).not.toBe(0);
      clean(r);
      const out = r.stdout + r.stderr;
      rules.forEach((_, i) => expect(out).toMatch(new RegExp(`(rules\\.md:|\\s)${11 + 2 * i}:24\\b`)));
      expect(out).toMatch(/INTERVAL=-1 must be a whole number from 1 to 1000/);
      expect(out).toMatch(/BYSETPOS=366 can never select a date/);
    });
  }
});

describe('the cache a repository cannot forge', () => {
  const lintError = `${frontMatter}## Tasks {.tasks}\n\n### Heading without an id\n\n1. Step.\n`;

  it('is kept outside the working tree by default: a committed .instr/cache is never read', () => {
    const f = repo('cache-default');
    f.write('bad.md', lintError);
    mkdirSync(join(f.dir, '.instr', 'cache'), { recursive: true });
    const xdg = join(f.dir, 'user-cache');
    const r = instr(f.dir, ['lint', 'bad.md'], { INSTR_CACHE_DIR: '', XDG_CACHE_HOME: xdg });
    expect(r.code).toBe(1);
    expect(readdirSync(join(f.dir, '.instr', 'cache'))).toEqual([]);
    expect(readdirSync(join(xdg, 'instr')).some((n) => n.endsWith('.json'))).toBe(true);
    clean(r);
  });

  /**
   * One repository whose cache is `.cache` (named by INSTR_CACHE_DIR, as a CI job may name it).
   * The binary fills it first, so that the entries' names are its own (they hash the build, not
   * these sources); then each file's entry is replaced by a planted one and one `lint` reads them
   * all. `control.md` gets an entry of the right shape, correctly signed, that drops the file's
   * error: that it is believed shows the planted entries are the ones read. Each file has an
   * instruction id of its own, so no file reports on another.
   */
  const forged = (file: string) =>
    JSON.stringify({ file, display: '', document: { file, id: 'hostile', title: 'Hostile', lang: 'en' }, tasks: [], nodes: {}, diagnostics: [] });
  const plants: Record<string, (entry: { name: string; body: string; secret: Buffer }) => string> = {
    // a correct checksum and no valid HMAC: the old format (a plain sha256 of the body), and the new one signed with a guessed secret
    'old.md': () => `instr-cache 1 ${createHash('sha256').update(forged('old.md')).digest('hex')}\n${forged('old.md')}`,
    'guessed.md': ({ name }) => encodeEntry(forged('guessed.md'), Buffer.alloc(32), name),
    // the wrong shape, correctly signed
    'null-task.md': ({ name, secret }) => encodeEntry('{"file":"null-task.md","document":null,"tasks":[null],"nodes":{},"diagnostics":[]}', secret, name),
    'bad-node.md': ({ name, secret }) => encodeEntry('{"file":"bad-node.md","document":null,"tasks":[],"nodes":{"a":1},"diagnostics":[{}]}', secret, name),
    'control.md': ({ name, body, secret }) => encodeEntry(JSON.stringify({ ...(JSON.parse(body) as object), diagnostics: [] }), secret, name),
  };
  let planted: { r: Outcome; dir: string; entries: Record<string, string> } | undefined;
  const plantedRun = (): NonNullable<typeof planted> => {
    if (planted) return planted;
    const f = repo('cache-planted');
    const dir = join(f.dir, '.cache');
    const files = Object.keys(plants);
    for (const file of files) f.write(file, withId(lintError, file.replace(/\.md$/, '')));
    const filled = instr(f.dir, ['lint', ...files], { INSTR_CACHE_DIR: dir });
    for (const file of files) expect(blockOf(filled, file)).toMatch(/\b9:1\s+error/);
    const secret = cacheSecret(dir)!;
    const entries: Record<string, string> = {};
    for (const entry of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
      const raw = readFileSync(join(dir, entry), 'utf8');
      const body = raw.slice(raw.indexOf('\n') + 1);
      const file = (JSON.parse(body) as { file: string }).file;
      writeFileSync(join(dir, entry), plants[file]!({ name: entry.replace(/\.json$/, ''), body, secret }));
      entries[file] = join(dir, entry);
    }
    expect(Object.keys(entries).sort()).toEqual([...files].sort());
    const r = instr(f.dir, ['lint', ...files], { INSTR_CACHE_DIR: dir });
    expect(blockOf(r, 'control.md')).toContain('control.md');
    expect(blockOf(r, 'control.md')).not.toMatch(/\b9:1\s+error/);
    planted = { r, dir: f.dir, entries };
    return planted;
  };

  /** The planted entry was not believed: the file's own error is reported. */
  function rebuilt(file: string): void {
    const { r } = plantedRun();
    expect(r.code).toBe(1);
    expect(blockOf(r, file)).toMatch(/\b9:1\s+error/);
    clean(r);
  }

  it('an entry with a correct checksum but no valid HMAC (what a pull request can commit) is ignored', () => {
    rebuilt('old.md');
    rebuilt('guessed.md');
  });

  it('an entry of the wrong shape, even correctly signed, is rebuilt; a FIFO entry does not hang', () => {
    rebuilt('null-task.md');
    rebuilt('bad-node.md');
    // A run of its own: a FIFO where an entry is must not block the read.
    const { dir, entries } = plantedRun();
    const entry = entries['null-task.md']!;
    spawnSync('rm', ['-f', entry]);
    expect(spawnSync('mkfifo', [entry]).status).toBe(0);
    const r = instr(dir, ['lint', 'null-task.md'], { INSTR_CACHE_DIR: join(dir, '.cache') });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\b9:1\s+error/);
    clean(r);
    expect(existsSync(entry)).toBe(true);
  });
});
