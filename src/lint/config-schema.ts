import type { AnyRule } from './rule.js';

const level = { $ref: '#/definitions/Level' };

/** `synonyms`: groups of words that mean the same to the firm, for `instr search` (same shape as in the front matter). */
const synonymsSchema = {
  type: 'array',
  maxItems: 1000,
  description:
    'Groups of words or phrases that mean the same to the firm, so that `instr search` and the run menu find one by the other: [[орёт, кричит, повышает голос], [скидка, дешевле]].',
  items: { type: 'array', minItems: 2, maxItems: 100, items: { type: 'string', minLength: 1, maxLength: 200 } },
};

/**
 * schemas/config.schema.json, derived from the rules' meta: one entry per rule, whose options
 * object is the rule's `meta.schema`. `npm run gen` writes it; a test fails when it drifts.
 */
export function configSchema(rules: readonly AnyRule[]): Record<string, unknown> {
  const ruleSettings: Record<string, unknown> = {};
  for (const rule of [...rules].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1))) {
    const options = { type: 'object', additionalProperties: false, properties: { ...rule.meta.schema } };
    ruleSettings[rule.meta.id] = {
      description: rule.meta.description,
      anyOf: [
        level,
        { type: 'array', minItems: 1, maxItems: 1, items: [level], additionalItems: false },
        { type: 'array', minItems: 2, maxItems: 2, items: [level, options], additionalItems: false },
      ],
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://instr.dev/schemas/config.schema.json',
    title: 'InstrConfig',
    description:
      "instr.config.yaml: how `instr lint` checks the instructions, and the synonyms `instr search` knows. Generated from the lint rules' meta (npm run gen); do not edit.",
    type: 'object',
    additionalProperties: false,
    properties: {
      extends: { enum: ['recommended', 'strict'], description: 'The preset the rules start from (default recommended).' },
      rules: { type: 'object', additionalProperties: false, properties: ruleSettings },
      journal: {
        type: 'string',
        minLength: 1,
        maxLength: 4096,
        description:
          'Where run, report, agenda and inbox keep the journal: a file (relative to this config) or a postgres:// URL of the team journal (docs/team-journal.md). INSTR_JOURNAL and --journal override it. Put no password here: use ~/.pgpass, PGPASSWORD or a service file.',
      },
      synonyms: synonymsSchema,
    },
    definitions: { Level: { enum: ['off', 'warn', 'error'] } },
  };
}
