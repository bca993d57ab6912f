/**
 * The directives of the language, declared as data (the way Markdoc declares its tags): where
 * each may stand, whether it takes a label, and the type of each attribute. compile-file.ts checks
 * every directive against this table before it builds a node.
 */
export type AttributeType = 'id' | 'duration' | 'time' | 'text' | 'flag' | 'rrule' | 'role' | 'status' | 'shift' | 'promise-due' | 'promise-after' | 'ids';

export interface AttributeSpec {
  type: AttributeType;
  required?: boolean;
}

export interface DirectiveSpec {
  /** `task`: belongs to the task itself, at its top level; `flow`: a node of the flow. */
  where: 'task' | 'flow';
  label: 'required' | 'optional';
  attributes: Record<string, AttributeSpec>;
  /** What the directive is for, shown when an unknown directive is reported. */
  summary: string;
}

const directives: Record<string, DirectiveSpec> = {
  when: { where: 'task', label: 'required', attributes: { deadline: { type: 'duration' } }, summary: 'the trigger of a task' },
  schedule: {
    where: 'task',
    label: 'required',
    // rrule or table is required (compile-file.ts checks); workdays, shift: see docs/working-time.md
    attributes: { rrule: { type: 'rrule' }, time: { type: 'time' }, workdays: { type: 'flag' }, shift: { type: 'shift' }, table: { type: 'text' } },
    summary: 'when a task recurs',
  },
  decision: { where: 'flow', label: 'required', attributes: { id: { type: 'id' } }, summary: 'a question whose options follow as a list' },
  goto: { where: 'flow', label: 'required', attributes: { id: { type: 'id' }, return: { type: 'flag' } }, summary: 'a jump to a task or node' },
  end: { where: 'flow', label: 'optional', attributes: { id: { type: 'id' }, status: { type: 'status' } }, summary: 'an explicit end with an outcome' },
  escalate: { where: 'flow', label: 'required', attributes: { id: { type: 'id' }, role: { type: 'role', required: true } }, summary: 'bringing in a role' },
  checkpoint: { where: 'flow', label: 'required', attributes: { id: { type: 'id' }, value: { type: 'text' } }, summary: 'a control point to confirm' },
  wait: {
    where: 'flow',
    label: 'required',
    attributes: { id: { type: 'id' }, deadline: { type: 'duration' }, timeout: { type: 'duration' } },
    summary: 'waiting for an external event',
  },
  promise: {
    where: 'flow',
    label: 'required',
    // a step that gives a client a promise with a due time; see docs/working-time.md
    attributes: { id: { type: 'id' }, due: { type: 'promise-due', required: true }, after: { type: 'promise-after' }, kept: { type: 'ids' } },
    summary: 'a promise to a client, due in working time',
  },
};

export const directiveNames = Object.keys(directives);

/**
 * The declaration of `::name`, or undefined. The name comes from an instruction file, so it is
 * looked up as an own key: `::constructor[x]` or `::toString[x]` must be an unknown directive,
 * not a method of Object.prototype.
 */
export function directiveSpec(name: string): DirectiveSpec | undefined {
  return Object.hasOwn(directives, name) ? directives[name] : undefined;
}

/** The declaration of an attribute of a directive, looked up as an own key (see directiveSpec). */
export function attributeSpec(spec: DirectiveSpec, key: string): AttributeSpec | undefined {
  return Object.hasOwn(spec.attributes, key) ? spec.attributes[key] : undefined;
}

export const endStatuses = ['done', 'cancelled', 'failed'] as const;
