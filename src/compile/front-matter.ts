import type { Document as YamlDocument } from 'yaml';
import { fidelityMessages } from './fidelity-messages.js';
import { maxFrontMatterLines } from '../parse/guard.js';
import { duplicateKeys, lineOverLimit, notPlainData } from '../parse/yaml-limits.js';
import { yamlProblemRu } from '../i18n/yaml-problem.js';
import { lazy } from './lazy.js';
import type { FrontMatter } from './front-matter-types.js';
import { isValidDate } from '../schedule/durations.js';
import { calendarIds } from '../calendar/production-calendar.js';
import { readOfficeHours } from '../calendar/office-hours.js';
import { schemaValidator, type ErrorObject } from '../graph/schema-validator.js';
import { dedupeProblems, lineColumnAt } from '../text/positions.js';

// Loaded on first use: a run whose files all come from the cache reads no front matter.
const yaml = lazy<typeof import('yaml')>('yaml');

interface FrontMatterProblem {
  /** 1-based line and column inside the file (not inside the YAML block). */
  line: number;
  column: number;
  rule: string;
  message: string;
}

export interface FrontMatterResult {
  value: FrontMatter | null;
  problems: FrontMatterProblem[];
}

const maxAliasCount = 50;

type Say = ReturnType<typeof fidelityMessages>;

/**
 * Parses and validates YAML front matter. `firstLine` is the file line the YAML text starts on.
 * Untrusted input: alias bombs, duplicate keys and `__proto__` keys become problems, not throws.
 */
export function readFrontMatter(
  yamlText: string,
  firstLine: number,
  say: ReturnType<typeof fidelityMessages> = fidelityMessages(undefined),
): FrontMatterResult {
  const problems: FrontMatterProblem[] = [];
  const at = (offset: number) => lineColumnAt(yamlText, offset, firstLine);
  const over = lineOverLimit(yamlText, maxFrontMatterLines);
  if (over !== null)
    return { value: null, problems: [{ line: firstLine + over - 1, column: 1, rule: 'front-matter', message: say('fmTooLong', { n: maxFrontMatterLines }) }] };
  // uniqueKeys compares every key with all before it (quadratic): duplicates are found with a Set instead.
  const doc = yaml().parseDocument(yamlText, { uniqueKeys: false, prettyErrors: false, strict: true });
  for (const error of doc.errors.slice(0, 20)) {
    // the yaml library's sentence is English: a Russian instruction gets ours, by the error's code
    const detail = say('fmYamlDetail', { english: firstSentence(error.message), russian: yamlProblemRu(error.code) });
    problems.push({ ...at(error.pos[0]), rule: 'front-matter', message: say('fmNotYaml', { detail }) });
  }
  if (problems.length === 0) {
    for (const d of duplicateKeys(doc)) problems.push({ ...at(d.offset), rule: 'front-matter', message: say('fmDuplicateKey', { key: d.key }) });
  }
  if (problems.length > 0) return { value: null, problems };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { value: null, problems: [{ ...at(0), rule: 'front-matter', message: say('fmUnreadable', { detail: firstSentence(message) }) }] };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { value: null, problems: [{ ...at(0), rule: 'front-matter', message: say('fmNotMapping') }] };
  }
  const tagged = notPlainData(data);
  if (tagged) return { value: null, problems: [{ ...at(0), rule: 'front-matter', message: say(tagged.includes('!!binary') ? 'fmTagsBinary' : 'fmTags') }] };

  const validate = schemaValidator('front-matter');
  const valid = validate(data);
  if (!valid) for (const error of validate.errors ?? []) problems.push(describe(error, doc, at, say));
  const reviewed: unknown = (data as { reviewed?: unknown }).reviewed;
  if (typeof reviewed === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(reviewed) && !isValidDate(reviewed)) {
    problems.push({ ...locate(doc, ['reviewed'], at), rule: 'bad-date', message: say('fmBadReviewed', { value: reviewed }) });
  }
  if (!valid) return { value: null, problems: dedupeProblems(problems).sort((a, b) => a.line - b.line || a.column - b.column) };
  const value = data as FrontMatter;
  if (value.owner !== undefined && !(value.roles && Object.hasOwn(value.roles, value.owner))) {
    problems.push({ ...locate(doc, ['owner'], at), rule: 'unknown-role', message: say('fmUnknownOwner', { owner: value.owner }) });
  }
  if (value.timezone !== undefined && !isTimeZone(value.timezone)) {
    problems.push({ ...locate(doc, ['timezone'], at), rule: 'front-matter', message: say('fmUnknownZone', { zone: value.timezone }) });
  }
  if (value.calendar !== undefined && !calendarIds.includes(value.calendar)) {
    problems.push({
      ...locate(doc, ['calendar'], at),
      rule: 'front-matter',
      message: say('fmUnknownCalendar', { calendar: value.calendar, list: calendarIds.join(', ') }),
    });
  }
  for (const p of readOfficeHours(value.hours).problems)
    problems.push({
      ...locate(doc, ['hours', p.key], at),
      rule: 'front-matter',
      message:
        p.key === 'lunch' && p.message.includes('must lie inside')
          ? say('hoursLunch', { value: value.hours?.lunch ?? '', open: value.hours?.open ?? '09:00-18:00' })
          : say('hoursRange', { key: p.key, value: value.hours?.[p.key] ?? '' }),
    });
  return { value, problems };
}

function describe(error: ErrorObject, doc: YamlDocument, at: (offset: number) => { line: number; column: number }, say: Say): FrontMatterProblem {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const dotted = path.join('.');
  const where = path.length ? say('fmPath', { path: dotted }) : say('fmRootWhere');
  const pos = locate(doc, path, at, error.keyword === 'additionalProperties' || error.keyword === 'propertyNames');
  const params = error.params as Record<string, unknown>;
  const limit = Number(params['limit']);
  let rule = 'front-matter';
  let message: string;
  switch (error.keyword) {
    case 'required':
      message = say('fmRequired', { key: String(params['missingProperty']), where });
      break;
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      Object.assign(pos, locate(doc, [...path, key], at, true));
      const allowed = allowedKeys(path);
      message = allowed.length ? say('fmUnknownKey', { key, where, list: allowed.join(', ') }) : say('fmUnknownKeyAny', { key, where });
      break;
    }
    case 'propertyNames':
      message = say('fmBadKeyName', { key: String(params['propertyName'] ?? ''), where });
      break;
    case 'pattern':
      if (error.schemaPath.includes('Duration')) {
        rule = 'bad-duration';
        message = say('fmDuration', { path: dotted });
      } else if (error.schemaPath.includes('IsoDate')) {
        rule = 'bad-date';
        message = say('fmDate', { path: dotted });
      } else if (error.schemaPath.includes('Id')) {
        message = say('fmId', { path: dotted });
      } else message = say('fmPattern', { path: dotted, pattern: String(params['pattern'] ?? '') });
      break;
    case 'type': {
      const type = String(params['type'] ?? '').split(',')[0] ?? '';
      const word = {
        string: 'typeString',
        number: 'typeNumber',
        integer: 'typeInteger',
        boolean: 'typeBoolean',
        object: 'typeObject',
        array: 'typeArray',
      } as const;
      message = say('fmType', { path: dotted || 'front matter', type: Object.hasOwn(word, type) ? say(word[type as keyof typeof word]) : type });
      break;
    }
    case 'enum':
      message = say('fmEnum', { path: dotted, list: ((params['allowedValues'] as unknown[]) ?? []).map(String).join(', ') });
      break;
    case 'format':
      message = say('fmFormat', { path: dotted, format: String(params['format'] ?? '') });
      break;
    case 'minLength':
      message = limit <= 1 ? say('fmMinLength', { path: dotted }) : say('fmMinLengthN', { path: dotted, n: limit });
      break;
    case 'maxLength':
      message = say('fmMaxLength', { path: dotted, n: limit });
      break;
    case 'minItems':
    case 'minProperties':
      message = say('fmMinItems', { path: dotted, n: limit });
      break;
    case 'maxItems':
    case 'maxProperties':
      message = say('fmMaxItems', { path: dotted, n: limit });
      break;
    default:
      message = say('fmInvalid', { path: dotted || 'front matter', keyword: error.keyword });
  }
  return { ...pos, rule, message };
}

function allowedKeys(path: string[]): string[] {
  if (path.length === 0) return ['id', 'title', 'role', 'lang', 'owner', 'reviewed', 'review', 'timezone', 'calendar', 'hours', 'roles', 'synonyms'];
  if (path[0] === 'roles' && path.length === 2) return ['title', 'name', 'contacts'];
  if (path[0] === 'hours' && path.length === 1) return ['open', 'lunch', 'shortened'];
  return [];
}

function locate(doc: YamlDocument, path: string[], at: (offset: number) => { line: number; column: number }, key = false): { line: number; column: number } {
  for (let n = path.length; n > 0; n--) {
    const parent = n > 1 ? doc.getIn(path.slice(0, n - 1), true) : doc.contents;
    if (yaml().isMap(parent)) {
      const pair = parent.items.find((item) => yaml().isScalar(item.key) && String(item.key.value) === path[n - 1]);
      const target = pair && (key || !pair.value ? pair.key : pair.value);
      const range = (target as { range?: [number, number, number] } | null | undefined)?.range;
      if (range) return at(range[0]);
    }
  }
  return at(0);
}

function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
