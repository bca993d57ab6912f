import type { RuleLevel } from './rule.js';

type Preset = Record<string, RuleLevel | [RuleLevel, Record<string, unknown>]>;

/** What most instructions should pass: broken flow is an error, unclear prose a warning. */
export const recommended: Preset = {
  'broken-link': 'error',
  'dead-end': 'error',
  'empty-branch': 'warn',
  'inbox-stale': 'warn',
  'missing-trigger': 'error',
  'no-exit-loop': 'error',
  placeholder: 'error',
  'required-sections': 'warn',
  'stale-review': 'warn',
  'step-has-no-action': 'warn',
  unreachable: 'error',
  'vague-wording': 'warn',
};

/** Everything is an error; every path must end explicitly and every instruction needs a review date. */
export const strict: Preset = {
  'broken-link': 'error',
  'dead-end': ['error', { requireExplicitEnd: true }],
  'empty-branch': 'error',
  'inbox-stale': 'error',
  'missing-trigger': 'error',
  'no-exit-loop': 'error',
  placeholder: 'error',
  'required-sections': 'error',
  'stale-review': ['error', { requireReview: true }],
  'step-has-no-action': 'error',
  unreachable: 'error',
  'vague-wording': 'error',
};

export const presets = { recommended, strict } as const;
