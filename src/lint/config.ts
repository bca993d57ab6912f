import { readRegularFile, UnsafePathError } from '../fs/safe-open.js';
import { duplicateKeys, lineOverLimit, notPlainData } from '../parse/yaml-limits.js';
import { isMap, isScalar, isSeq, parseDocument, type Document as YamlDocument } from 'yaml';
import { schemaValidator, type ErrorObject } from '../graph/schema-validator.js';
import type { ConfigFile, LintConfig, RuleSetting } from './config-types.js';
import { presets } from './presets.js';
import type { RuleLevel } from './rule.js';
import { dedupeProblems, lineColumnAt } from '../text/positions.js';
import { configMessages, type ConfigMessages } from '../i18n/config-messages.js';

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

/** Loads, validates and merges the config (presets, then the file); the defaults when `file` is null. Problems are said in `lang`. */
export async function loadConfig(file: string | null, display: string = file ?? '', lang?: string): Promise<LintConfig> {
  if (file === null) return resolveConfig({});
  return { ...resolveConfig(await readConfigFile(file, display, lang)), file };
}

/** Reads (a regular file of at most 1 MB) and validates the config as written; throws ConfigError, said in `lang`. */
export async function readConfigFile(file: string, display: string = file, lang?: string): Promise<ConfigFile> {
  const t = configMessages(lang);
  let text: string;
  try {
    text = (await readRegularFile(file, maxConfigBytes)).toString('utf8');
  } catch (error) {
    if (error instanceof UnsafePathError && error.reason === 'too-large') throw new ConfigError([{ file: display, line: 1, column: 1, message: t.tooLarge }]);
    if (error instanceof UnsafePathError) throw new ConfigError([{ file: display, line: 1, column: 1, message: t.notRegular }]);
    throw new ConfigError([{ file: display, line: 1, column: 1, message: t.cannotRead(error) }]);
  }
  return parseConfig(text, display, lang);
}

/** Parses and validates the config text; throws ConfigError with line and column of each problem, said in `lang`. */
export function parseConfig(text: string, display: string, lang?: string): ConfigFile {
  const t = configMessages(lang);
  const over = lineOverLimit(text, 5000);
  if (over !== null) throw new ConfigError([{ file: display, line: over, column: 1, message: t.tooLong(5000) }]);
  // uniqueKeys compares every key with all before it (quadratic): duplicates are found with a Set instead.
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false, strict: true });
  const at = (offset: number) => ({ file: display, ...lineColumnAt(text, offset) });
  if (doc.errors.length > 0)
    throw new ConfigError(
      doc.errors.slice(0, 20).map((e) => ({ ...at(e.pos[0]), message: t.notYaml(e.message.split('\n')[0] ?? '', e.code === 'TAB_AS_INDENT') })),
    );
  const duplicates = duplicateKeys(doc);
  if (duplicates.length > 0) throw new ConfigError(duplicates.map((d) => ({ ...at(d.offset), message: t.duplicate(d.key) })));
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 }) ?? {};
  } catch (error) {
    throw new ConfigError([{ ...at(0), message: t.aliases(error instanceof Error ? error.message : String(error)) }]);
  }
  const tagged = notPlainData(data);
  if (tagged) throw new ConfigError([{ ...at(0), message: t.tags(tagged.includes('!!binary')) }]);
  const validate = schemaValidator('config');
  if (!validate(data)) {
    const problems = relevantErrors(validate.errors ?? []).map((e) => ({ ...at(locate(doc, e)), message: describe(e, t) }));
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

function describe(e: ErrorObject, t: ConfigMessages): string {
  const path = pathOf(e);
  const where = t.where(path);
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'ruleSetting':
      return t.ruleSetting(where);
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      if (path.length === 1 && path[0] === 'rules') return t.unknownRule(key);
      if (path.length === 0 && Object.hasOwn(movedToRuleOptions, key)) return t.moved(key, movedToRuleOptions[key]!);
      return t.unknownKey(key, where);
    }
    case 'enum':
      return t.oneOf(where, (params['allowedValues'] as unknown[]).join(', '));
    case 'pattern':
      return t.duration(where);
    case 'type':
      return t.type(where, String(params['type']));
    default:
      return t.other(where, e.message, e.keyword);
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
