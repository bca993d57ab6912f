import { UsageError } from '../usage-error.js';
import { relative } from 'node:path';
import { compilePaths } from '../../compile/compile-paths.js';
import { heapGrowthFlag } from '../../compile/heap-growth.js';
import { tierUpFlags } from '../../compile/tier-up.js';
import { isValidDate } from '../../schedule/durations.js';
import { todayUtc } from '../../analyze/staleness.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { ConfigError, findConfigFile, loadConfig } from '../../lint/config.js';
import { screenLanguage } from '../screen-language.js';
import { lintCompiled } from '../../lint/linter.js';
import { formats, type Format } from '../../lint/reporters/index.js';
import { rules, ruleIds } from '../../lint/rules/index.js';
import { exitCodes } from '../errors.js';
import { type Io } from '../io.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { parseSize } from '../load.js';
import { version } from '../version.js';
import { resultLanguage } from '../../compile/result-language.js';
import { cliMessages } from '../../i18n/cli-messages.js';

export interface LintFlags {
  format: string;
  maxWarnings?: string;
  rule: string[];
  today?: string;
  config?: string;
  quiet?: boolean;
  maxFileSize?: string;
  lang?: string;
}

export async function lintCommand(paths: string[], flags: LintFlags, io: Io): Promise<number> {
  const format = flags.format as Format;
  if (!formats.includes(format)) throw new UsageError((t) => t.oneOf('--format', formats, terminalSafe(flags.format ?? '')));
  const maxWarnings = parseMaxWarnings(flags.maxWarnings);
  const unknown = flags.rule.filter((id) => !ruleIds.includes(id));
  if (unknown.length > 0) throw new UsageError((t) => t.unknownRules(unknown.map(terminalSafe), ruleIds));
  if (flags.today !== undefined && !isValidDate(flags.today)) throw new UsageError((t) => t.isoDate('--today', terminalSafe(flags.today ?? '')));
  const today = flags.today ?? todayUtc();

  const configFile = await findConfigFile(io.cwd, flags.config);
  let config;
  try {
    config = await loadConfig(configFile, configFile ? relative(io.cwd, configFile) || configFile : '');
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // said again in the screen's language, worked out only now that there is something to say
    const lang = await screenLanguage([...paths, ...(flags.lang ? ['--lang', flags.lang] : [])], io.cwd);
    const worded = await loadConfig(configFile, configFile ? relative(io.cwd, configFile) || configFile : '', lang).then(
      () => error,
      (again: unknown) => (again instanceof ConfigError ? again : error),
    );
    for (const p of worded.problems)
      io.err(`${terminalSafe(p.file)}:${p.line}:${p.column}  ${io.color.red('error')}  ${terminalSafe(p.message)}  ${io.color.dim('config')}\n`);
    throw new UsageError((t) => t.configInvalid, lang);
  }

  // V8 flags are process-wide: only bin/instr's own process gets them (io.setV8Flags); in the test
  // suite's workers the heap's growth would make every later test collect more often (+26 s of CPU)
  for (const flag of [heapGrowthFlag(), ...tierUpFlags()]) io.setV8Flags?.(flag);
  const result = await compilePaths(paths, { cwd: io.cwd, ...io.compile, ...(flags.maxFileSize ? { maxFileBytes: parseSize(flags.maxFileSize) } : {}) });
  const all = await lintCompiled(result, {
    config,
    today,
    cwd: io.cwd,
    ...(flags.rule.length > 0 ? { only: flags.rule } : {}),
    ...(flags.lang ? { lang: flags.lang } : {}),
  });
  const shown = flags.quiet ? all.filter((d) => d.severity === 'error') : all;
  const lang = flags.lang ?? resultLanguage(result);
  io.out(await render(format, shown, io, lang));

  const errors = all.filter((d) => d.severity === 'error');
  // Like ESLint, --quiet leaves warnings out entirely, also from --max-warnings.
  const warnings = flags.quiet ? 0 : all.filter((d) => d.severity === 'warning').length;
  if (all.some((d) => d.source === 'read' && d.rule === 'unreadable')) return exitCodes.usage;
  if (errors.length > 0) return exitCodes.findings;
  if (maxWarnings !== null && warnings > maxWarnings) {
    if (format === 'stylish') io.err(`${io.color.red('instr:')} ${cliMessages(lang).moreWarnings(warnings, maxWarnings)}\n`);
    return exitCodes.findings;
  }
  return exitCodes.ok;
}

async function render(format: Format, diagnostics: Diagnostic[], io: Io, lang: string | undefined): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('../../lint/reporters/json.js')).json(diagnostics);
    case 'github':
      return (await import('../../lint/reporters/github.js')).github(diagnostics);
    case 'sarif':
      return (await import('../../lint/reporters/sarif.js')).sarif(diagnostics, { version: version(), rules: rules.map((r) => r.meta) });
    default:
      return (await import('../../lint/reporters/stylish.js')).stylish(diagnostics, io.color, lang);
  }
}

function parseMaxWarnings(value: string | undefined): number | null {
  if (value === undefined) return null;
  if (!/^\d+$/.test(value.trim())) throw new UsageError((t) => t.wholeNumberFrom0('--max-warnings', terminalSafe(value)));
  return Number(value.trim());
}
