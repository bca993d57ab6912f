import type { GraphIndex } from '../graph/query.js';
import type { Graph, Position } from '../graph/types.js';
import type { LintConfig } from './config-types.js';
import type { SourceText } from './source-text.js';

/** Severity as a config writes it. */
export type RuleLevel = 'off' | 'warn' | 'error';

export interface RuleMeta {
  id: string;
  /** One line: what the rule finds. */
  description: string;
  defaultSeverity: Exclude<RuleLevel, 'off'>;
  /** Where the rule is documented (a page under docs/rules/). */
  docs: string;
}

/** Where a finding is: a graph position, an offset range in the file's text, or a line and column. */
export type Place = Position | { offset: number; endOffset?: number } | { line: number; column: number; endLine?: number; endColumn?: number };

export interface Report {
  /** File relative to the compiled root (as the graph records it). */
  file: string;
  at: Place;
  message: string;
}

/** Language of a finding's message: the instruction's (`lang`), or `--lang`. */
export type Lang = 'ru' | 'en';

export interface RuleContext {
  graph: Graph;
  index: GraphIndex;
  /** Absolute path of the compiled root. */
  root: string;
  /** Absolute path of the repository: the git top-level if any, else the compiled root. */
  repository: string;
  /** The day lint runs for (`YYYY-MM-DD`). */
  today: string;
  config: LintConfig;
  /** This rule's options from the config (an empty object when none were given). */
  options: Readonly<Record<string, unknown>>;
  /** The decoded text of a compiled file (by its root-relative path), read once and shared by rules. */
  source(file: string): SourceText | undefined;
  /** The language to word findings about this file in (root-relative path). */
  lang(file: string): Lang;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void | Promise<void>;
}

export function docsUrl(id: string): string {
  return `docs/rules/${id}.md`;
}
