import { readRegularFile, UnsafePathError, type SafeOpenOptions } from '../fs/safe-open.js';
import { LineCounter, parseDocument } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { schemaValidator, type ErrorObject } from '../graph/schema-validator.js';
import { decodeUtf8 } from '../parse/decode.js';
import { duplicateKeys, lineOverLimit, notPlainData } from '../parse/yaml-limits.js';
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

/** Reads one scenario file from disk; `display` is the path shown in messages. */
export async function loadScenarioFile(path: string, display: string, options: SafeOpenOptions = {}): Promise<LoadResult> {
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(path, maxScenarioFileBytes, options);
  } catch (error) {
    if (error instanceof UnsafePathError && error.reason === 'too-large')
      return fail(problem(display, 1, 1, 'file-too-large', 'Scenario file is larger than 1 MB; scenario files are limited to 1 MB (split it)', 'read'));
    if (error instanceof UnsafePathError)
      return fail(
        problem(
          display,
          1,
          1,
          'unreadable',
          error.reason === 'symlink'
            ? 'Scenario file is a symbolic link (or lies behind one); instr does not follow links in the scenarios folder: name the file on the command line if you mean it'
            : 'Scenario file is not a regular file',
          'read',
        ),
      );
    return fail(problem(display, 1, 1, 'unreadable', `Cannot read the scenario file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 'read'));
  }
  return parseScenarioBytes(bytes, display);
}

/** Bytes → a checked scenario file, or diagnostics with the line of each problem. Never throws. */
export function parseScenarioBytes(bytes: Uint8Array, display: string): LoadResult {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return fail(problem(display, decoded.line, decoded.column, 'encoding', decoded.message, 'read'));
  return parseScenarioText(decoded.text, display);
}

export function parseScenarioText(text: string, display: string): LoadResult {
  const over = lineOverLimit(text, maxScenarioLines);
  if (over !== null) return fail(problem(display, over, 1, 'file-too-large', `Scenario file is longer than ${maxScenarioLines} lines; split it`, 'read'));
  const lines = new LineCounter();
  // uniqueKeys compares every key with all before it (quadratic): duplicates are found with a Set instead.
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      diagnostics: doc.errors.slice(0, 10).map((e) => {
        const at = e.linePos?.[0] ?? { line: 1, col: 1 };
        return problem(display, at.line, at.col, 'yaml-syntax', firstLine(e.message), 'parse');
      }),
    };
  }
  const duplicates = duplicateKeys(doc, 10);
  if (duplicates.length > 0) {
    return {
      ok: false,
      diagnostics: duplicates.map((d) => {
        const at = lines.linePos(d.offset);
        return problem(display, at.line, at.col, 'yaml-syntax', `Map keys must be unique: "${d.key}" is already defined in this mapping`, 'parse');
      }),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount });
  } catch (error) {
    // yaml throws a ReferenceError for alias bombs ("Excessive alias count …").
    return fail(problem(display, 1, 1, 'yaml-aliases', `Cannot expand the YAML: ${error instanceof Error ? error.message : String(error)}`, 'parse'));
  }
  const tagged = notPlainData(data);
  if (tagged) return fail(problem(display, 1, 1, 'yaml-syntax', tagged, 'parse'));
  const locate = locator(doc, lines, display);
  const validate = schemaValidator('scenario');
  if (!validate(data)) {
    return { ok: false, diagnostics: schemaProblems(validate.errors ?? [], locate, display, data) };
  }
  return { ok: true, loaded: { file: display, spec: data as ScenarioFileSpec, locate } };
}

/** ajv's errors → one readable diagnostic per place (anyOf produces several errors for one value). */
function schemaProblems(errors: ErrorObject[], locate: LoadedScenarioFile['locate'], display: string, data: unknown): Diagnostic[] {
  const byPlace = new Map<string, Diagnostic>();
  for (const e of errors) {
    const path = parsePointer(e.instancePath);
    let message: string;
    let where: Where;
    if (path[0] === 'scenarios' && path[2] === 'answers' && path.length >= 4) {
      where = locate(path.slice(0, 4));
      message = `The answer to "${String(path[3])}" in ${describe(path.slice(0, 2))} must be an option's label or id, true or false, a value, {skip: reason} or {unclear: note} (or a list of these)`;
      if (hasSplitFlowMap(valueAt(data, path.slice(0, 4)))) message += '; inside {…} a text with a comma must be quoted: {skip: "…, …"}';
    } else if (e.keyword === 'additionalProperties') {
      const name = String((e.params as { additionalProperty: string }).additionalProperty);
      where = locate([...path, name], true);
      message = `Unknown key "${name}"${path.length ? ` in ${describe(path)}` : ''}${hint(path)}`;
    } else if (path.length === 0 && e.keyword === 'type') {
      where = locate(path);
      message = 'A scenario file is a YAML mapping: "task: <id>" (optional) and "scenarios:" with a list of scenarios';
    } else {
      where = locate(path);
      message = `${describe(path)} ${e.keyword === 'type' && (e.params as { type: string }).type === 'object' ? 'must be a mapping (key: value lines)' : (e.message ?? 'is invalid')}`;
      if (e.keyword === 'enum') message += `: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    }
    const key = `${where.line}:${where.column}`;
    if (!byPlace.has(key)) byPlace.set(key, problem(display, where.line, where.column, 'scenario-schema', message, 'scenario'));
  }
  return [...byPlace.values()].slice(0, 20);
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

function describe(path: JsonPath): string {
  if (path.length === 0) return 'The file';
  if (path[0] === 'scenarios' && typeof path[1] === 'number') {
    const rest = path.slice(2);
    return `scenario ${path[1] + 1}${rest.length ? ` › ${rest.join(' › ')}` : ''}`;
  }
  return path.join(' › ');
}

function hint(path: JsonPath): string {
  if (path.length === 0) return '; expected: task, scenarios';
  if (path.length === 2) return '; expected: name, task, answers, expect';
  if (path[2] === 'expect') return '; expected: status, outcome, path, path-includes, path-excludes';
  if (path[2] === 'answers') return '; an answer is a label, true/false, a value, {skip: reason} or {unclear: note}';
  return '';
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
