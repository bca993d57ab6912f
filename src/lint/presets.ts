import type { RuleLevel } from './rule.js';
import { rules } from './rules/index.js';

type Preset = Readonly<Record<string, RuleLevel | [RuleLevel, Record<string, unknown>]>>;

/** What most instructions should pass: each rule at the severity its meta declares. */
const recommended: Preset = Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.defaultSeverity]));

/** Everything is an error, with each rule's strict options (every path ends explicitly, every instruction has a review date). */
const strict: Preset = Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.strictOptions ? ['error', { ...r.meta.strictOptions }] : 'error']));

export const presets = { recommended, strict } as const;
