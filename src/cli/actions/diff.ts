import { UsageError } from '../usage-error.js';
import { cliMessages } from '../../i18n/cli-messages.js';
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { compilePaths, compileSource, decodeOrProblem, defaultMaxFileBytes, linkSources, type ReadProblem } from '../../compile/compile.js';
import { readMessages } from '../../i18n/read-messages.js';
import { localeLanguage } from '../../i18n/locale-language.js';
import type { FileResult } from '../../compile/compile-file.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { formatDiagnosticLine } from '../../diagnostics/format.js';
import { diffGraphs } from '../../diff/diff-graphs.js';
import { formatMarkdown } from '../../diff/format-markdown.js';
import { formatText } from '../../diff/format-text.js';
import type { Side } from '../../diff/types.js';
import { pathInRepository, readRevision, repositoryRoot, resolveCommit } from '../../git/revision.js';
import type { Graph } from '../../graph/types.js';
import { messages } from '../../i18n/messages.js';
import { exitCodes } from '../errors.js';
import type { Io } from '../io.js';
import { jsonText } from '../../render/json-text.js';

export interface DiffFlags {
  path: string;
  format: 'text' | 'markdown' | 'json';
  exitCode?: boolean;
  lang?: string;
}

/** Placeholder label of the working tree, replaced by its name in the output's language. */
const workingTree = '\0working-tree';

interface Loaded {
  graph: Graph;
  side: Side;
  diagnostics: Diagnostic[];
}

/**
 * `instr diff [base] [head]`: two folders when both arguments are folders; otherwise git
 * revisions (base defaults to HEAD, head to the working tree). Prints the diff; exit 0, or 1 with
 * --exit-code when something changed.
 */
export async function diffCommand(base: string | undefined, head: string | undefined, flags: DiffFlags, io: Io): Promise<number> {
  const isDir = async (p: string | undefined) => (p === undefined ? false : (await stat(resolve(io.cwd, p)).catch(() => undefined))?.isDirectory() === true);
  let before: Loaded;
  let after: Loaded;
  if ((await isDir(base)) && (await isDir(head))) {
    before = await loadFolder(base!, io, base!, flags.lang);
    after = await loadFolder(head!, io, head!, flags.lang);
  } else {
    if ((await isDir(base)) && head === undefined && !(await looksLikeRevision(base!, io))) {
      throw new UsageError((t) => t.diffTwoFolders(base ?? ''));
    }
    const at = resolve(io.cwd, flags.path);
    const info = await stat(at).catch(() => undefined);
    const top = await repositoryRoot(info ? (info.isDirectory() ? at : dirname(at)) : io.cwd);
    const folder = await pathInRepository(flags.path, io.cwd, top);
    before = await loadRevision(base ?? 'HEAD', folder, top, io, flags.lang);
    after = head === undefined ? await loadFolder(flags.path, io, workingTree, flags.lang) : await loadRevision(head, folder, top, io, flags.lang);
  }
  const lang = flags.lang ?? after.graph.documents[0]?.lang ?? before.graph.documents[0]?.lang;
  const t = messages(lang);
  if (after.side.label === workingTree) after.side.label = flags.format === 'json' ? 'working tree' : t.diffWorkingTree;
  for (const [loaded, which] of [
    [before, 'base'],
    [after, 'head'],
  ] as const) {
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length === 0) continue;
    for (const d of errors.slice(0, 5)) io.err(`${formatDiagnosticLine(d, io.color)}\n`);
    io.err(`${io.color.yellow('instr diff:')} ${cliMessages(lang).diffErrors(errors.length, which, loaded.side.label)}\n`);
  }
  const diff = diffGraphs(before.graph, after.graph, { base: before.side, head: after.side });
  if (flags.format === 'json') io.out(jsonText(diff));
  else if (flags.format === 'markdown') io.out(formatMarkdown(diff, t, { head: after.graph, lang }));
  else io.out(formatText(diff, t, io.color));
  return flags.exitCode && diff.changed ? exitCodes.findings : exitCodes.ok;
}

async function loadFolder(path: string, io: Io, label: string, lang: string | undefined): Promise<Loaded> {
  const result = await compilePaths([path], { cwd: io.cwd, ...io.compile, ...(lang !== undefined && { lang }) });
  return { graph: result.graph, side: { label }, diagnostics: result.diagnostics };
}

async function loadRevision(revision: string, folder: string, top: string, io: Io, lang: string | undefined): Promise<Loaded> {
  const { commit, files, skipped } = await readRevision(revision, folder, top, defaultMaxFileBytes);
  const results: FileResult[] = [];
  const problems: ReadProblem[] = [];
  for (const file of files) {
    const made = decodeOrProblem(file.bytes, file.path, file.display);
    if ('problem' in made) problems.push(made.problem);
    else results.push(compileSource(made.source, io.compile?.guard));
  }
  const linked = linkSources(results);
  // what could not be read is said once the revision's language is known (docs/screen-language.md)
  const screen = lang ?? linked.graph.documents[0]?.lang ?? localeLanguage();
  const diagnostics: Diagnostic[] = skipped.map((s) => ({
    file: s.display,
    line: 1,
    column: 1,
    rule: 'file-too-large',
    severity: 'error',
    message: readMessages(screen).leftOut(s.size, s.limit),
    source: 'read',
  }));
  for (const p of problems) diagnostics.push(p.worded(readMessages(p.lang ?? screen)));
  return { graph: linked.graph, side: { label: revision, commit }, diagnostics: [...diagnostics, ...linked.diagnostics] };
}

/** A folder name that is also a git revision (a branch called like the folder) counts as a revision. */
async function looksLikeRevision(name: string, io: Io): Promise<boolean> {
  try {
    await resolveCommit(name, await repositoryRoot(io.cwd));
    return true;
  } catch {
    return false;
  }
}
