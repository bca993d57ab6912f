import type { RuleLevel } from './rule.js';

/** One rule's setting after presets and the config file are merged. */
export interface RuleSetting {
  level: RuleLevel;
  options: Record<string, unknown>;
}

export interface WordListChange {
  add?: string[];
  remove?: string[];
}

/** The lint configuration as rules see it (defaults filled in). */
export interface LintConfig {
  /** The config file it came from, if any (absolute path). */
  file?: string;
  preset: 'recommended' | 'strict';
  rules: Record<string, RuleSetting>;
  vagueWords: { ru?: WordListChange; en?: WordListChange };
  /** Section kinds every instruction must have. */
  requiredSections: string[];
  /** Inbox drafts older than this ISO 8601 duration are reported. */
  inboxMaxAge: string;
}

/** The config file as written (validated against schemas/config.schema.json). */
export interface ConfigFile {
  extends?: 'recommended' | 'strict';
  rules?: Record<string, RuleLevel | [RuleLevel] | [RuleLevel, Record<string, unknown>]>;
  vagueWords?: { ru?: WordListChange; en?: WordListChange };
  requiredSections?: string[];
  inboxMaxAge?: string;
}

export const defaultRequiredSections = ['schedule', 'tasks', 'situations', 'norms'];
export const defaultInboxMaxAge = 'P14D';
