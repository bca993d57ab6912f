import { UsageError } from '../usage-error.js';
import { stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { exitCodes } from '../errors.js';
import type { Io } from '../io.js';
import { loadInstructions } from '../load.js';
import { messages } from '../../i18n/messages.js';
import { jsonText } from '../../render/json-text.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { json, stylish } from '../../scenario/report.js';
import { resolveNow } from '../now.js';
import { documentZone } from '../../schedule/task-zone.js';
import { runSuite, scenarioExtensions, scenarioFilesIn, type ScenarioFileRef } from '../../scenario/suite.js';

export interface TestFlags {
  scenarios?: string;
  requireCoverage?: boolean;
  format?: string;
  quiet?: boolean;
  lang?: string;
  suggest?: boolean;
  /** When scenarios without their own `now:` start (--now; else INSTR_NOW; else a fixed moment). */
  now?: string;
}

export async function testCommand(paths: string[], flags: TestFlags, io: Io): Promise<number> {
  const format = flags.format ?? 'stylish';
  if (format !== 'stylish' && format !== 'json') throw new UsageError((t) => t.oneOf('--format', ['stylish', 'json'], terminalSafe(format)));
  const given = paths.filter((p) => scenarioExtensions.some((x) => p.endsWith(x)));
  const instructionPaths = paths.filter((p) => !given.includes(p));
  const { graph, root } = await loadInstructions(instructionPaths.length ? instructionPaths : ['instructions'], io);

  const files: ScenarioFileRef[] = [];
  for (const p of given) {
    const abs = resolve(io.cwd, p);
    if (!(await stat(abs).catch(() => null))?.isFile()) throw new UsageError((t) => t.noScenario(terminalSafe(p)));
    files.push({ path: abs });
  }
  if (given.length === 0 || flags.scenarios) {
    const dir = flags.scenarios ? resolve(io.cwd, flags.scenarios) : join(root, 'scenarios');
    if (flags.scenarios && !(await stat(dir).catch(() => null))?.isDirectory()) throw new UsageError((t) => t.noFolder(terminalSafe(flags.scenarios ?? '')));
    const found = await scenarioFilesIn(dir);
    // Found, not named: nothing below the instructions root (or the --scenarios folder) is followed through a symlink.
    const base = flags.scenarios ? dir : root;
    files.push(...found.filter((f) => !files.some((x) => x.path === f)).map((f) => ({ path: f, base })));
    if (found.length === 0 && format === 'stylish')
      io.err(`${messages(flags.lang ?? graph.documents[0]?.lang).testNoScenarios} ${relative(io.cwd, dir) || dir}\n`);
  }

  const nowText = flags.now ?? process.env['INSTR_NOW'];
  const start = nowText ? resolveNow(flags.now, documentZone(graph.documents[0])) : undefined;
  const lang = flags.lang ?? graph.documents[0]?.lang;
  const suite = await runSuite(graph, root, files, io.cwd, start, lang);
  if (flags.suggest) {
    const { suggestScenarios, suggestionsYaml } = await import('../../scenario/suggest.js');
    const suggestions = suggestScenarios(
      graph,
      suite.coverage.options.filter((o) => o.scenarios === 0),
    );
    // YAML keeps C1 controls and bidi overrides of labels as they are: none may reach the terminal.
    if (suggestions.length > 0) io.out(terminalSafe(suggestionsYaml(suggestions)));
    return exitCodes.ok;
  }
  if (format === 'json') io.out(jsonText(json(suite, root, io.cwd, lang)));
  else {
    io.out(stylish(suite, { root, cwd: io.cwd, color: io.color, t: messages(lang), lang, quiet: Boolean(flags.quiet) }));
  }
  const failed = suite.results.some((r) => r.failures.length > 0) || suite.diagnostics.length > 0;
  const uncovered = suite.coverage.covered < suite.coverage.total;
  return failed || (flags.requireCoverage && uncovered) ? exitCodes.findings : exitCodes.ok;
}
