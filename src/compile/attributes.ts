import type { LeafDirective } from 'mdast-util-directive';
import { attributeSpec, endStatuses, type AttributeType, type DirectiveSpec } from './directives.js';
import { parseSpan, spanHint } from '../calendar/working-duration.js';
import { parsePromiseAfter, parsePromiseDue, promiseAfterHint, promiseDueHint } from '../calendar/promise-due.js';
import { idPattern } from './ids.js';
import { checkRrule, timePattern } from './schedule.js';
import { fidelityMessages } from './fidelity-messages.js';

type Say = ReturnType<typeof fidelityMessages>;

/** Reports a problem at a line and column, or (without one) at the directive. */
export type AttributeReport = (rule: string, message: string, at?: { line: number; column: number }) => void;

/**
 * Checks a directive's attributes against its declaration in directives.ts and returns the valid
 * ones. `source` is the directive's own source text, used to point at the offending attribute.
 */
export function checkAttributes(
  node: LeafDirective,
  spec: DirectiveSpec,
  source: string,
  report: AttributeReport,
  say: Say = fidelityMessages(undefined),
): Map<string, string> {
  const valid = new Map<string, string>();
  const given = node.attributes ?? {};
  let positions: Map<string, number> | undefined;
  const at = (key: string) => attributePosition(node, source, (positions ??= attributeOffsets(source)), key);
  for (const [key, raw] of Object.entries(given)) {
    const value = raw ?? '';
    const attr = attributeSpec(spec, key);
    if (!attr) {
      const expected = Object.keys(spec.attributes);
      const shown = key === 'class' ? `.${value}` : key;
      report(
        'unknown-attribute',
        say('unknownAttribute', {
          attr: shown,
          name: node.name,
          expected: expected.length ? say('expectedAttributes', { list: expected.join(', ') }) : say('noAttributes'),
        }),
        at(key === 'class' ? '.' : key),
      );
      continue;
    }
    const problem = attributeProblem(attr.type, value, say);
    if (problem) {
      report(problem.rule, say('badAttributeValue', { name: node.name, key, value, problem: problem.message }), at(key));
      continue;
    }
    valid.set(key, value);
  }
  for (const [key, attr] of Object.entries(spec.attributes)) {
    if (attr.required && !Object.hasOwn(given, key)) {
      const hint = key === 'rrule' ? say('hintRrule') : key === 'role' ? say('hintRole') : '';
      report('missing-attribute', say('missingAttribute', { name: node.name, key, hint }));
    }
  }
  return valid;
}

const periodKeys = { daily: 'periodDaily', weekly: 'periodWeekly', monthly: 'periodMonthly', yearly: 'periodYearly' } as const;

function attributeProblem(type: AttributeType, value: string, say: Say): { rule: string; message: string } | null {
  switch (type) {
    case 'id':
    case 'role':
      return idPattern.test(value) ? null : { rule: 'bad-id', message: say('valueId') };
    case 'duration':
      return parseSpan(value) ? null : { rule: 'bad-duration', message: say('valueDuration', { hint: spanHint }) };
    case 'time':
      return timePattern.test(value) ? null : { rule: 'bad-schedule', message: say('valueTime') };
    case 'rrule': {
      const problem = checkRrule(value);
      if (!problem) return null;
      if (problem.key === 'rruleSetpos') {
        const period = say(periodKeys[problem.args.frequency]);
        return { rule: 'bad-schedule', message: say('rruleSetpos', { ...problem.args, period }) };
      }
      return { rule: 'bad-schedule', message: say(problem.key, problem.args) };
    }
    case 'flag':
      return value === '' || value === 'true' ? null : { rule: 'bad-attribute', message: say('valueFlag') };
    case 'status':
      return (endStatuses as readonly string[]).includes(value)
        ? null
        : { rule: 'bad-attribute', message: say('valueStatus', { list: endStatuses.join(', ') }) };
    case 'shift':
      return value === 'before' || value === 'after' ? null : { rule: 'bad-attribute', message: say('valueShift') };
    case 'text':
      return value.length > 0 ? null : { rule: 'bad-attribute', message: say('valueEmpty') };
    case 'ids':
      return value
        .split(/[\s,]+/)
        .filter(Boolean)
        .every((id) => idPattern.test(id)) && value.trim()
        ? null
        : { rule: 'bad-id', message: say('valueId') };
    case 'promise-due':
      return parsePromiseDue(value) ? null : { rule: 'bad-duration', message: say('valueDuration', { hint: promiseDueHint }) };
    case 'promise-after':
      return parsePromiseAfter(value) ? null : { rule: 'bad-duration', message: say('valueDuration', { hint: promiseAfterHint }) };
  }
}

/** Where an attribute is written in the directive's first line; undefined when it cannot be found. */
function attributePosition(node: LeafDirective, source: string, offsets: Map<string, number>, key: string): { line: number; column: number } | undefined {
  const start = node.position?.start;
  if (!start) return undefined;
  const found = offsets.get(key === 'id' ? '#' : key === '.' ? '.' : key);
  const newline = source.indexOf('\n');
  if (found === undefined || (newline !== -1 && found > newline)) return undefined;
  return { line: start.line, column: start.column + found };
}

/**
 * The offset of each attribute key (`#` for an id, `.` for a class) in the last `{…}` of the
 * source, in one pass: looking each key up with indexOf made 40 000 attributes quadratic.
 */
function attributeOffsets(source: string): Map<string, number> {
  const offsets = new Map<string, number>();
  const brace = source.lastIndexOf('{');
  if (brace === -1) return offsets;
  const token = /([#.])|([^\s=}"'#.]+)\s*=?|"[^"]*"|'[^']*'|\s+/gy;
  token.lastIndex = brace + 1;
  for (let m = token.exec(source); m; m = token.exec(source)) {
    const key = m[1] ?? m[2];
    if (key !== undefined && !offsets.has(key)) offsets.set(key, m.index);
    if (m[0] === '') break;
  }
  return offsets;
}
