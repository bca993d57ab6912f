import { readRegularFile, UnsafePathError } from '../fs/safe-open.js';
import { duplicateKeys, lineOverLimit, notPlainData } from '../parse/yaml-limits.js';
import { isMap, isScalar, isSeq, parseDocument, type Document as YamlDocument } from 'yaml';
import { schemaValidator, type ErrorObject } from '../graph/schema-validator.js';
import type { ConfigFile, LintConfig, RuleSetting } from './config-types.js';
import { presets } from './presets.js';
import type { RuleLevel } from './rule.js';
import { dedupeProblems, lineColumnAt } from '../text/positions.js';

export { findConfigFile } from './config-file.js';

/** A problem with the config file: reported with its place, and lint stops with exit 2. */
export interface ConfigProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join('\n'));
  }
}

const maxConfigBytes = 1024 * 1024;

/** Loads, validates and merges the config (presets, then the file); the defaults when `file` is null. */
export async function loadConfig(file: string | null, display: string = file ?? ''): Promise<LintConfig> {
  if (file === null) return resolveConfig({});
  let text: string;
  try {
    text = (await readRegularFile(file, maxConfigBytes)).toString('utf8');
  } catch (error) {
    if (error instanceof UnsafePathError && error.reason === 'too-large')
      throw new ConfigError([{ file: display, line: 1, column: 1, message: 'Config file is larger than 1 MB' }]);
    if (error instanceof UnsafePathError)
      throw new ConfigError([{ file: display, line: 1, column: 1, message: 'Cannot read the config file: it is not a regular file' }]);
    throw new ConfigError([
      { file: display, line: 1, column: 1, message: `Cannot read the config file: ${(error as NodeJS.ErrnoException).code ?? String(error)}` },
    ]);
  }
  return { ...resolveConfig(parseConfig(text, display)), file };
}

/** Parses and validates the config text; throws ConfigError with line and column of each problem. */
export function parseConfig(text: string, display: string): ConfigFile {
  const over = lineOverLimit(text, 5000);
  if (over !== null) throw new ConfigError([{ file: display, line: over, column: 1, message: 'The config is longer than 5000 lines' }]);
  // uniqueKeys compares every key with all before it (quadratic): duplicates are found with a Set instead.
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false, strict: true });
  const at = (offset: number) => ({ file: display, ...lineColumnAt(text, offset) });
  if (doc.errors.length > 0)
    throw new ConfigError(doc.errors.slice(0, 20).map((e) => ({ ...at(e.pos[0]), message: `Not valid YAML: ${e.message.split('\n')[0]}` })));
  const duplicates = duplicateKeys(doc);
  if (duplicates.length > 0)
    throw new ConfigError(duplicates.map((d) => ({ ...at(d.offset), message: `Not valid YAML: Map keys must be unique ("${d.key}" is repeated)` })));
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 }) ?? {};
  } catch (error) {
    throw new ConfigError([{ ...at(0), message: `The config could not be read: ${error instanceof Error ? error.message : String(error)}` }]);
  }
  const tagged = notPlainData(data);
  if (tagged) throw new ConfigError([{ ...at(0), message: tagged }]);
  const validate = schemaValidator('config');
  if (!validate(data)) {
    const problems = relevantErrors(validate.errors ?? []).map((e) => ({ ...at(locate(doc, e)), message: describe(e) }));
    throw new ConfigError(dedupeProblems(problems));
  }
  return data as ConfigFile;
}

/** Presets + the file's settings → the config rules see. */
export function resolveConfig(file: ConfigFile): LintConfig {
  const preset = file.extends ?? 'recommended';
  const rules: Record<string, RuleSetting> = {};
  for (const [id, value] of Object.entries(presets[preset])) rules[id] = setting(value);
  for (const [id, value] of Object.entries(file.rules ?? {})) rules[id] = setting(value);
  return { preset, rules };
}

function setting(value: RuleLevel | [RuleLevel] | [RuleLevel, object]): RuleSetting {
  if (typeof value === 'string') return { level: value, options: {} };
  return { level: value[0], options: { ...(value[1] ?? {}) } };
}

/**
 * A rule setting is an anyOf (a level, [level], [level, options]); its alternatives' errors are
 * noise. Keep the errors inside an options object when there are any, else one plain message.
 */
function relevantErrors(errors: ErrorObject[]): ErrorObject[] {
  const anyOf = [...new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath))];
  const inOptions = (p: string) => errors.some((e) => e.instancePath.startsWith(`${p}/1`));
  const out: ErrorObject[] = [];
  for (const e of errors) {
    if (e.keyword === 'anyOf') continue;
    const owner = anyOf.find((p) => e.instancePath === p || e.instancePath.startsWith(`${p}/`));
    if (owner === undefined) out.push(e);
    else if (inOptions(owner)) {
      if (e.instancePath.startsWith(`${owner}/1`)) out.push(e);
    } else out.push({ ...e, keyword: 'ruleSetting', instancePath: owner, params: {} });
  }
  return out;
}

/** Top-level keys of earlier versions, and where they went. */
const movedToRuleOptions: Record<string, string> = {
  vagueWords: 'rules: { vague-wording: [warn, { ru: { add: [...], remove: [...] } }] }',
  requiredSections: 'rules: { required-sections: [warn, { sections: [tasks, norms] }] }',
  inboxMaxAge: 'rules: { inbox-stale: [warn, { maxAge: P30D }] }',
};

function describe(e: ErrorObject): string {
  const path = pathOf(e);
  const where = path.length ? `"${path.join('.')}"` : 'the config';
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'ruleSetting':
      return `${where} must be off, warn or error, or [severity, {options}]`;
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      if (path.length === 1 && path[0] === 'rules') return `Unknown rule "${key}"; the rules are listed in docs/commands/lint.md`;
      if (path.length === 0 && Object.hasOwn(movedToRuleOptions, key)) return `"${key}" is now an option of a rule: ${movedToRuleOptions[key]}`;
      return `Unknown key "${key}" in ${where}`;
    }
    case 'enum':
      return `${where} must be one of: ${(params['allowedValues'] as unknown[]).join(', ')}`;
    case 'pattern':
      return `${where} must be an ISO 8601 duration such as P14D or P2W`;
    case 'type':
      return `${where} must be ${String(params['type'])}`;
    default:
      return `${where} ${e.message ?? 'is invalid'}`;
  }
}

function pathOf(e: ErrorObject): string[] {
  return e.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Offset of the YAML node an error is about (for an unknown key: the key itself). */
function locate(doc: YamlDocument, e: ErrorObject): number {
  const path: Array<string | number> = pathOf(e).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  if (e.keyword === 'additionalProperties') path.push(String((e.params as Record<string, unknown>)['additionalProperty']));
  for (let n = path.length; n > 0; n--) {
    const parent = n > 1 ? doc.getIn(path.slice(0, n - 1), true) : doc.contents;
    const last = path[n - 1];
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === String(last));
      const target = pair && (e.keyword === 'additionalProperties' && n === path.length ? pair.key : (pair.value ?? pair.key));
      const range = (target as { range?: [number, number, number] } | null | undefined)?.range;
      if (range) return range[0];
    } else if (isSeq(parent) && typeof last === 'number') {
      const range = (parent.items[last] as { range?: [number, number, number] } | undefined)?.range;
      if (range) return range[0];
    }
  }
  return 0;
}
