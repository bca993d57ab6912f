/** How much a rule's findings count: not at all, as warnings, or as errors. */
export type RuleLevel = 'off' | 'warn' | 'error';

/** One rule's setting after presets and the config file are merged. */
export interface RuleSetting {
  level: RuleLevel;
  /** The options the config gives (the rule's defaults are filled in when it runs). */
  options: Record<string, unknown>;
}

/** The lint configuration as rules see it (presets and the file merged). */
export interface LintConfig {
  /** The config file it came from, if any (absolute path). */
  file?: string;
  preset: 'recommended' | 'strict';
  rules: Record<string, RuleSetting>;
}

/** The config file as written (validated against schemas/config.schema.json, whose types these are). */
export type { InstrConfig as ConfigFile } from './config-file-types.js';
