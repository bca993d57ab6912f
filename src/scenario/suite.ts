import { readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Graph, Node } from '../graph/types.js';
import { bindScenarios } from './bind.js';
import { coverage, type Coverage } from './coverage.js';
import { executeScenario } from './execute.js';
import { WorkTimes } from '../calendar/work-times.js';
import { loadFirmDays } from '../calendar/firm-days.js';
import { compare } from './expect.js';
import { loadScenarioFile } from './load.js';
import type { ScenarioResult } from './types.js';

export interface SuiteResult {
  files: string[];
  results: ScenarioResult[];
  /** Problems in scenario files: those scenarios did not run. */
  diagnostics: Diagnostic[];
  coverage: Coverage;
}

export const scenarioExtensions = ['.yaml', '.yml'];

/** A scenario file; one found in a folder (not named by the user) has the folder it was found from as `base`: no symlink below it is followed. */
export interface ScenarioFileRef {
  path: string;
  base?: string;
}

/** The scenario files of a folder (not its sub-folders), sorted; none when it does not exist. */
export async function scenarioFilesIn(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => (e.isFile() || e.isSymbolicLink()) && !e.name.startsWith('.') && scenarioExtensions.some((x) => e.name.endsWith(x)))
      .map((e) => join(dir, e.name))
      .sort();
  } catch {
    return [];
  }
}

/**
 * Loads, checks and runs every scenario of the given files against the graph. `root` is the
 * folder the graph's file paths are relative to; messages show paths relative to `cwd`, in `lang`.
 */
export async function runSuite(
  graph: Graph,
  root: string,
  files: Array<string | ScenarioFileRef>,
  cwd: string,
  start?: number,
  lang?: string,
): Promise<SuiteResult> {
  // the firm's own days (days-off.yaml) count as in instr run and agenda; a bad line is lint's to report
  const times = new WorkTimes(graph, (await loadFirmDays(root, lang)).firm);
  const results: ScenarioResult[] = [];
  const diagnostics: Diagnostic[] = [];
  const shown: string[] = [];
  const at = (node: Node) => `${relative(cwd, resolve(root, node.position.file)) || node.position.file}:${node.position.line}`;
  for (const ref of files) {
    const { path: file, base } = typeof ref === 'string' ? { path: ref, base: undefined } : ref;
    const display = relative(cwd, file) || file;
    shown.push(display);
    const loaded = await loadScenarioFile(file, display, base === undefined ? {} : { base }, lang);
    if (!loaded.ok) {
      diagnostics.push(...loaded.diagnostics);
      continue;
    }
    const bound = bindScenarios(loaded.loaded, graph, lang);
    diagnostics.push(...bound.diagnostics);
    for (const scenario of bound.scenarios) {
      const run = executeScenario(graph, scenario, undefined, start, times);
      results.push({ scenario, run, failures: compare(scenario, run, at) });
    }
  }
  return {
    files: shown,
    results,
    diagnostics,
    coverage: coverage(
      graph,
      results.map((r) => r.run.chosen),
    ),
  };
}
