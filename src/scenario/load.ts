import { readRegularFile, UnsafePathError, type SafeOpenOptions } from '../fs/safe-open.js';
import { LineCounter, parseDocument } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { schemaValidator, type ErrorObject } from '../graph/schema-validator.js';
import { decodeUtf8 } from '../parse/decode.js';
import { readMessages } from '../i18n/read-messages.js';
import { duplicateKeys, lineOverLimit, notPlainData } from '../parse/yaml-limits.js';
import { scenarioMessages, type ScenarioMessages, type ScenarioPlace, type SchemaProblem } from '../i18n/scenario-messages.js';
import { locator, parsePointer, type JsonPath } from './locate.js';
import type { ScenarioFileSpec, Where } from './types.js';

/** A scenario file read and checked against schemas/scenario.schema.json. */
export interface LoadedScenarioFile {
  file: string;
  spec: ScenarioFileSpec;
  locate: (path: JsonPath, key?: boolean) => Where;
}

export type LoadResult = { ok: true; loaded: LoadedScenarioFile } | { ok: false; diagnostics: Diagnostic[] };

const maxScenarioFileBytes = 1024 * 1024;
/** Longer scenario files are refused before their YAML is parsed. */
const maxScenarioLines = 20_000;
const maxAliasCount = 100;

/**
 * Reads one scenario file from disk; `display` is the path shown in messages, `lang` the language
 * they are said in (the screen's: docs/screen-language.md).
 */
export async function loadScenarioFile(path: string, display: string, options: SafeOpenOptions = {}, lang?: string): Promise<LoadResult> {
  const t = scenarioMessages(lang);
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(path, maxScenarioFileBytes, options);
  } catch (error) {
    if (error instanceof UnsafePathError && error.reason === 'too-large') return fail(problem(display, 1, 1, 'file-too-large', t.tooLarge, 'read'));
    if (error instanceof UnsafePathError) return fail(problem(display, 1, 1, 'unreadable', error.reason === 'symlink' ? t.symlink : t.notRegular, 'read'));
    return fail(problem(display, 1, 1, 'unreadable', t.cannotRead(error), 'read'));
  }
  return parseScenarioBytes(bytes, display, lang);
}

/** Bytes → a checked scenario file, or diagnostics with the line of each problem. Never throws. */
export function parseScenarioBytes(bytes: Uint8Array, display: string, lang?: string): LoadResult {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return fail(problem(display, decoded.line, decoded.column, 'encoding', readMessages(lang).encoding(decoded.problem), 'read'));
  return parseScenarioText(decoded.text, display, lang);
}

export function parseScenarioText(text: string, display: string, lang?: string): LoadResult {
  const t = scenarioMessages(lang);
  const over = lineOverLimit(text, maxScenarioLines);
  if (over !== null) return fail(problem(display, over, 1, 'file-too-large', t.tooLong(maxScenarioLines), 'read'));
  const lines = new LineCounter();
  // uniqueKeys compares every key with all before it (quadratic): duplicates are found with a Set instead.
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      diagnostics: doc.errors.slice(0, 10).map((e) => {
        const at = e.linePos?.[0] ?? { line: 1, col: 1 };
        return problem(display, at.line, at.col, 'yaml-syntax', t.notYaml(e.code, firstLine(e.message)), 'parse');
      }),
    };
  }
  const duplicates = duplicateKeys(doc, 10);
  if (duplicates.length > 0) {
    return {
      ok: false,
      diagnostics: duplicates.map((d) => {
        const at = lines.linePos(d.offset);
        return problem(display, at.line, at.col, 'yaml-syntax', t.duplicate(d.key), 'parse');
      }),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount });
  } catch (error) {
    // yaml throws a ReferenceError for alias bombs ("Excessive alias count …").
    return fail(problem(display, 1, 1, 'yaml-aliases', t.aliases(error instanceof Error ? error.message : String(error)), 'parse'));
  }
  const tagged = notPlainData(data);
  if (tagged) return fail(problem(display, 1, 1, 'yaml-syntax', t.tags(tagged.includes('!!binary')), 'parse'));
  const locate = locator(doc, lines, display);
  const validate = schemaValidator('scenario');
  if (!validate(data)) {
    return { ok: false, diagnostics: schemaProblems(validate.errors ?? [], locate, display, data, t) };
  }
  return { ok: true, loaded: { file: display, spec: data as ScenarioFileSpec, locate } };
}

/** ajv's errors → one readable diagnostic per place (anyOf produces several errors for one value). */
function schemaProblems(errors: ErrorObject[], locate: LoadedScenarioFile['locate'], display: string, data: unknown, t: ScenarioMessages): Diagnostic[] {
  const byPlace = new Map<string, Diagnostic>();
  for (const e of errors) {
    const path = parsePointer(e.instancePath);
    let found: SchemaProblem;
    let at: JsonPath = path;
    let where: Where;
    if (path[0] === 'scenarios' && path[2] === 'answers' && path.length >= 4) {
      at = path.slice(0, 4);
      where = locate(at);
      found = { kind: 'answer', key: String(path[3]), commaSplit: hasSplitFlowMap(valueAt(data, at)) };
      at = path.slice(0, 2);
    } else if (e.keyword === 'additionalProperties') {
      const name = String((e.params as { additionalProperty: string }).additionalProperty);
      where = locate([...path, name], true);
      found = { kind: 'unknown-key', key: name, expected: expected(path) };
    } else if (path.length === 0 && e.keyword === 'type') {
      where = locate(path);
      found = { kind: 'not-a-file-mapping' };
    } else {
      where = locate(path);
      found = schemaProblem(e);
    }
    const key = `${where.line}:${where.column}`;
    const place = placeOf(at);
    if (!byPlace.has(key)) byPlace.set(key, problem(display, where.line, where.column, 'scenario-schema', t.schema(t.place(place), found, place), 'scenario'));
  }
  return [...byPlace.values()].slice(0, 20);
}

/** ajv's keyword and parameters as data; its English sentence is kept only for a keyword not named here. */
function schemaProblem(e: ErrorObject): SchemaProblem {
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'type':
      return { kind: 'type', type: String(params['type']) };
    case 'enum':
      return { kind: 'enum', values: (params['allowedValues'] as unknown[]).map(String) };
    case 'required':
      return { kind: 'required', key: String(params['missingProperty']) };
    case 'minItems':
      return { kind: 'min-items', limit: Number(params['limit']) };
    case 'maxItems':
      return { kind: 'max-items', limit: Number(params['limit']) };
    default:
      return { kind: 'other', keyword: e.keyword, english: e.message };
  }
}

function placeOf(path: JsonPath): ScenarioPlace {
  if (path[0] === 'scenarios' && typeof path[1] === 'number') return { scenario: path[1], keys: path.slice(2) };
  return { keys: path };
}

function valueAt(data: unknown, path: JsonPath): unknown {
  let value = data;
  for (const key of path)
    value = value !== null && typeof value === 'object' && Object.hasOwn(value, key) ? (value as Record<string | number, unknown>)[key] : undefined;
  return value;
}

/** `{skip: a, b}` parses as {skip: 'a', b: null}: the usual way a comma breaks an answer. */
function hasSplitFlowMap(value: unknown): boolean {
  const values = Array.isArray(value) ? value : [value];
  return values.some((v) => v !== null && typeof v === 'object' && Object.keys(v).length > 1 && Object.values(v).some((x) => x === null));
}

function expected(path: JsonPath): 'top' | 'scenario' | 'expect' | 'answers' | null {
  if (path.length === 0) return 'top';
  if (path.length === 2) return 'scenario';
  if (path[2] === 'expect') return 'expect';
  if (path[2] === 'answers') return 'answers';
  return null;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

function fail(d: Diagnostic): LoadResult {
  return { ok: false, diagnostics: [d] };
}

export function problem(file: string, line: number, column: number, rule: string, message: string, source: Diagnostic['source']): Diagnostic {
  return { file, line, column, rule, severity: 'error', message, source };
}
