import type { GraphIndex } from '../graph/query.js';
import type { Graph, Position } from '../graph/types.js';
import type { LintConfig, RuleLevel } from './config-types.js';
import type { SourceText } from './source-text.js';
import type { Language } from '../i18n/language.js';

/** Severity as a config writes it. */
export type { RuleLevel } from './config-types.js';

/** Language of a finding's message: the instruction's (`lang`), or `--lang`. */
export type Lang = Language;

/** A text in every language a message can be shown in. */
export type Localized = Record<Lang, string>;

/** Values for a message's `{{placeholders}}`: plain, or worded per language. */
export type MessageData = Readonly<Record<string, string | number | Localized>>;

/** A JSON Schema fragment (draft-07) describing one option. */
type OptionSchema = Readonly<Record<string, unknown>>;

/**
 * What a rule is, as data (ESLint's rule meta): the presets, the config schema's `rules` block
 * and the docs index are all derived from it.
 */
export interface RuleMeta<Options extends object = object> {
  id: string;
  /** `problem`: the flow or a link is broken; `suggestion`: the text could be clearer. */
  type: 'problem' | 'suggestion';
  /** One line: what the rule finds. */
  description: string;
  /** Its level in the `recommended` preset. */
  defaultSeverity: Exclude<RuleLevel, 'off'>;
  /** Where the rule is documented (a page under docs/rules/). */
  docs: string;
  /** The options object's properties (JSON Schema); the config is validated against them. */
  schema: Readonly<Record<keyof Options & string, OptionSchema>>;
  /** Every option's default: a rule reads options that are already defaulted. */
  defaultOptions: Options;
  /** The options the `strict` preset sets (it makes every rule an error). */
  strictOptions?: Partial<Options>;
  /** Messages by id, in every language; `{{name}}` is filled from a report's data. */
  messages: Readonly<Record<string, Localized>>;
}

/** Where a finding is: a graph position, an offset range in the file's text, or a line and column. */
export type Place = Position | { offset: number; endOffset?: number } | { line: number; column: number; endLine?: number; endColumn?: number };

export interface Report {
  /** File relative to the compiled root (as the graph records it). */
  file: string;
  at: Place;
  /** A key of the rule's `meta.messages`. */
  messageId: string;
  data?: MessageData;
}

export interface RuleContext<Options extends object = object> {
  graph: Graph;
  index: GraphIndex;
  /** Absolute path of the compiled root. */
  root: string;
  /** Absolute path of the repository: the git top-level if any, else the compiled root. */
  repository: string;
  /** The day lint runs for (`YYYY-MM-DD`). */
  today: string;
  config: LintConfig;
  /** This rule's options: the config's, over `meta.defaultOptions`. */
  options: Readonly<Options>;
  /** The decoded text of a compiled file (by its root-relative path), read once and shared by rules. */
  source(file: string): SourceText | undefined;
  /** The language to word findings about this file in (root-relative path). */
  lang(file: string): Lang;
  report(report: Report): void;
}

export interface Rule<Options extends object = object> {
  meta: RuleMeta<Options>;
  check(context: RuleContext<Options>): void | Promise<void>;
}

/** A rule of any options, as the linter holds them. */
export type AnyRule = Rule<object>;

/** Declares a rule; keeps its options type inside, and gives the linter one shape for all. */
export function defineRule<Options extends object>(rule: Rule<Options>): AnyRule {
  return rule as unknown as AnyRule;
}

export function docsUrl(id: string): string {
  return `docs/rules/${id}.md`;
}

/** A message of a rule in a language, its `{{placeholders}}` filled; an unknown id is a bug in the rule. */
export function formatMessage(meta: RuleMeta, messageId: string, data: MessageData | undefined, lang: Lang): string {
  const template = Object.hasOwn(meta.messages, messageId) ? meta.messages[messageId]![lang] : undefined;
  if (template === undefined) throw new Error(`rule "${meta.id}" reported an unknown messageId "${messageId}"`);
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_whole, name: string) => {
    if (!data || !Object.hasOwn(data, name)) throw new Error(`rule "${meta.id}", message "${messageId}": no data for {{${name}}}`);
    const value = data[name]!;
    return typeof value === 'object' ? value[lang] : String(value);
  });
}
