import { relative, resolve } from 'node:path';
import type { ChalkInstance } from 'chalk';
import { formatDiagnosticLine } from '../diagnostics/format.js';
import type { Messages } from '../i18n/messages.js';
import { terminalSafeLine } from '../text/terminal-safe.js';
import type { OptionCoverage } from './coverage.js';
import { failureText } from './failure-text.js';
import type { SuiteResult } from './suite.js';
import type { Failure, ScenarioResult } from './types.js';

export interface ReportContext {
  root: string;
  cwd: string;
  color: ChalkInstance;
  t: Messages;
  /** Language of the failure messages. */
  lang: string | undefined;
  /** Leave out passing scenarios and the coverage table. */
  quiet: boolean;
}

/** file:line:column of an option, relative to the working directory. */
function optionPlace(o: OptionCoverage, root: string, cwd: string): string {
  const p = o.option.position;
  return `${relative(cwd, resolve(root, p.file)) || p.file}:${p.line}:${p.column}`;
}

/** The human report: scenarios by file, problems, the coverage table, what is not covered, a summary. */
export function stylish(suite: SuiteResult, ctx: ReportContext): string {
  const { color: c, t } = ctx;
  const out: string[] = [];
  const byFile = new Map<string, ScenarioResult[]>();
  for (const r of suite.results) byFile.set(r.scenario.file, [...(byFile.get(r.scenario.file) ?? []), r]);
  for (const [file, results] of byFile) {
    const shown = ctx.quiet ? results.filter((r) => r.failures.length > 0) : results;
    if (shown.length === 0) continue;
    out.push(c.underline(terminalSafeLine(file)));
    for (const r of shown) {
      const ok = r.failures.length === 0;
      const mark = ok ? c.green('✓') : c.red('✗');
      out.push(
        `  ${mark} ${terminalSafeLine(r.scenario.name)} ${c.dim(`(${r.scenario.task}, ${terminalSafeLine(file)}:${r.scenario.where.line})`)}${ok ? '' : ` ${c.red(t.testFail)}`}`,
      );
      for (const f of r.failures) out.push(...failureLines(f, c, ctx.lang, t.testScenarioFile));
    }
    out.push('');
  }
  if (suite.diagnostics.length > 0) {
    for (const d of suite.diagnostics) out.push(formatDiagnosticLine(d, c));
    out.push('');
  }
  out.push(...coverageLines(suite, ctx));
  const passed = suite.results.filter((r) => r.failures.length === 0).length;
  const failed = suite.results.length - passed;
  const { covered, total } = suite.coverage;
  const count = (template: string, n: number) => template.replace('{n}', String(n));
  const parts = [c.green(count(t.testPassed, passed)), failed > 0 ? c.red(count(t.testFailed, failed)) : count(t.testFailed, failed)];
  if (suite.diagnostics.length > 0) parts.push(c.red(count(t.testProblems, suite.diagnostics.length)));
  out.push(
    `${c.bold(`${t.testScenarios}:`)} ${parts.join(', ')}; ${t.testCoverage.toLowerCase()}: ${covered}/${total}${total ? ` (${percent(covered, total)})` : ''}`,
  );
  return `${out.join('\n')}\n`;
}

function failureLines(f: Failure, c: ChalkInstance, lang: string | undefined, scenarioWord: string): string[] {
  const lines = [`      ${c.red('→')} ${terminalSafeLine(failureText(f.code, f.params, lang))}`];
  const places = [f.at, f.where ? `(${scenarioWord} ${f.where.file}:${f.where.line})` : undefined].filter((x): x is string => x !== undefined);
  if (places.length > 0) lines.push(`        ${c.dim(terminalSafeLine(places.join('  ')))}`);
  return lines;
}

function coverageLines(suite: SuiteResult, ctx: ReportContext): string[] {
  const { color: c, t } = ctx;
  const { options, covered, total } = suite.coverage;
  if (total === 0) return [t.testNoDecisions, ''];
  const out: string[] = [c.bold(`${t.testCoverage}: ${covered}/${total} (${percent(covered, total)})`)];
  if (!ctx.quiet) {
    let task = '';
    let decision = '';
    for (const o of options) {
      if (o.task.id !== task) {
        task = o.task.id;
        out.push(`  ${c.cyan(o.task.id)} ${terminalSafeLine(o.task.title)}`);
      }
      if (o.decision.id !== decision) {
        decision = o.decision.id;
        out.push(`    ${terminalSafeLine(o.decision.question)} ${c.dim(`#${o.decision.id}`)}`);
      }
      const mark = o.scenarios > 0 ? c.green('✓') : c.red('✗');
      const count = o.scenarios > 0 ? c.dim(`×${o.scenarios}`) : c.dim(terminalSafeLine(optionPlace(o, ctx.root, ctx.cwd)));
      out.push(`      ${mark} ${terminalSafeLine(o.option.label)}  ${count}`);
    }
  }
  const missing = options.filter((o) => o.scenarios === 0);
  if (missing.length === 0) out.push(c.green(t.testAllCovered));
  else {
    out.push('', c.bold(`${t.testUncovered} (${missing.length}):`));
    for (const o of missing)
      out.push(
        `  ${terminalSafeLine(optionPlace(o, ctx.root, ctx.cwd))}  ${c.cyan(o.task.id)} › ${terminalSafeLine(o.decision.question)} › ${c.yellow(terminalSafeLine(o.option.label))}`,
      );
  }
  out.push('');
  return out;
}

function percent(n: number, total: number): string {
  return `${Math.floor((n / total) * 100)}%`;
}

/** The machine-readable report (--format json). */
export function json(suite: SuiteResult, root: string, cwd: string, lang: string | undefined): unknown {
  const passed = suite.results.filter((r) => r.failures.length === 0).length;
  return {
    scenarios: suite.results.map((r) => ({
      file: r.scenario.file,
      line: r.scenario.where.line,
      name: r.scenario.name,
      task: r.scenario.task,
      passed: r.failures.length === 0,
      status: r.run.status,
      outcome: r.run.outcome,
      path: r.run.visited.map((n) => n.id),
      failures: r.failures.map((f) => ({
        code: f.code,
        message: failureText(f.code, f.params, lang),
        ...(f.at ? { at: f.at } : {}),
        ...(f.where ? { scenario: `${f.where.file}:${f.where.line}` } : {}),
      })),
    })),
    problems: suite.diagnostics,
    coverage: {
      covered: suite.coverage.covered,
      total: suite.coverage.total,
      options: suite.coverage.options.map((o) => ({
        task: o.task.id,
        decision: o.decision.id,
        question: o.decision.question,
        option: o.option.id,
        label: o.option.label,
        place: optionPlace(o, root, cwd),
        scenarios: o.scenarios,
      })),
    },
    summary: {
      files: suite.files.length,
      passed,
      failed: suite.results.length - passed,
      problems: suite.diagnostics.length,
      covered: suite.coverage.covered,
      total: suite.coverage.total,
    },
  };
}
