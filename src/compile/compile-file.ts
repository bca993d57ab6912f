import type { Heading, ListItem, Nodes, Paragraph, Root, RootContent } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DecisionNode, Document, Link, Node, Option, Position, Schedule, Section, StepNode, Task } from '../graph/types.js';
import { checkAttributes } from './attributes.js';
import { directiveNames, directives, endStatuses, type DirectiveSpec } from './directives.js';
import { durationHint, isValidDate, parseDuration } from './durations.js';
import { readFrontMatter } from './front-matter.js';
import { contentId, idPattern } from './ids.js';
import { collectLinks, plainText } from './inline.js';
import { positionOf, spanPositions } from './position.js';
import type { SourceFile } from './source.js';
import { splitTrailingAttributes } from '../parse/trailing-attributes.js';
import { lazy } from './lazy.js';

const slugifyPackage = lazy<typeof import('@sindresorhus/slugify')>('@sindresorhus/slugify');

/** What one file compiles to, before files are linked into one graph. Plain data: cacheable. */
export interface FileResult {
  file: string;
  display: string;
  document: Document | null;
  tasks: Task[];
  nodes: Record<string, Node>;
  diagnostics: Diagnostic[];
}

type Setter = (id: string | null) => void;

/** A flow being built: its first node, and the loose ends that the next node will take. */
class Chain {
  entry: string | null = null;
  started = false;
  pending: Setter[] = [];
  lastStep: StepNode | null = null;

  attach(id: string): void {
    if (!this.started) {
      this.entry = id;
      this.started = true;
    }
    for (const set of this.pending) set(id);
    this.pending = [];
  }
}

interface TaskDraft {
  heading: Heading;
  task: Task;
  children: RootContent[];
}

const sectionKinds = new Set(['schedule', 'tasks', 'situations', 'norms']);

export function compileFile(tree: Root, source: SourceFile): FileResult {
  return new FileCompiler(tree, source).run();
}

class FileCompiler {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly nodes: Record<string, Node> = Object.create(null) as Record<string, Node>;
  private readonly usedIds = new Set<string>();
  private readonly explicitIds = new Map<string, Position>();
  private readonly tasks: Task[] = [];
  private scope = '';
  private taskId = '';

  constructor(
    private readonly tree: Root,
    private readonly source: SourceFile,
  ) {}

  run(): FileResult {
    const document = this.documentShell();
    const drafts = this.splitSections(document);
    for (const draft of drafts) this.compileTask(draft);
    return { file: this.source.path, display: this.source.display, document, tasks: this.tasks, nodes: { ...this.nodes }, diagnostics: this.diagnostics };
  }

  // ── diagnostics ────────────────────────────────────────────────────────────────────────────

  private report(rule: string, message: string, at: { line: number; column: number; endLine?: number; endColumn?: number } | Nodes, severity: Diagnostic['severity'] = 'error'): void {
    const p = 'type' in at ? positionOf(at, this.source.path) : at;
    const d: Diagnostic = { file: this.source.display, line: p.line, column: p.column, rule, severity, message, source: 'compile' };
    if (p.endLine !== undefined) d.endLine = p.endLine;
    if (p.endColumn !== undefined) d.endColumn = p.endColumn;
    this.diagnostics.push(d);
  }

  private pos(node: Nodes): Position {
    return positionOf(node, this.source.path);
  }

  // ── document and sections ──────────────────────────────────────────────────────────────────

  private documentShell(): Document | null {
    const first = this.tree.children[0];
    const comments = this.collectComments();
    if (!first || first.type !== 'yaml') {
      this.report('front-matter', 'Missing front matter: start the file with a "---" block that has at least id, title and lang', { line: 1, column: 1 });
      return null;
    }
    const { value, problems } = readFrontMatter(first.value, (first.position?.start.line ?? 1) + 1);
    for (const p of problems) this.report(p.rule, p.message, p);
    if (!value) return null;
    const doc: Document = {
      file: this.source.path,
      id: value.id,
      title: value.title,
      lang: value.lang,
      roles: {},
      sections: [],
      comments,
      hash: this.source.hash,
      position: this.pos(first),
    };
    if (value.role !== undefined) doc.role = value.role;
    if (value.owner !== undefined) doc.owner = value.owner;
    if (value.timezone !== undefined) doc.timezone = value.timezone;
    if (value.synonyms !== undefined) doc.synonyms = value.synonyms;
    if (value.calendar !== undefined) doc.calendar = value.calendar;
    if (value.hours !== undefined) doc.hours = { ...value.hours };
    if (value.reviewed !== undefined || value.review !== undefined) {
      doc.review = {};
      if (value.reviewed !== undefined) doc.review.reviewed = value.reviewed;
      if (value.review !== undefined) doc.review.period = value.review;
    }
    // Keys were validated against the schema's id pattern, so no `__proto__` can arrive here.
    for (const [id, spec] of Object.entries(value.roles ?? {})) {
      const contacts: Record<string, string> = {};
      for (const [k, v] of Object.entries(spec.contacts ?? {})) contacts[k] = String(v);
      doc.roles[id] = spec.name === undefined ? { title: spec.title, contacts } : { title: spec.title, name: spec.name, contacts };
    }
    return doc;
  }

  private collectComments(): Document['comments'] {
    const comments: Document['comments'] = [];
    const stack: Nodes[] = [this.tree];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.type === 'html') {
        // indexOf, not a lazy regular expression: on an unclosed `<!--` followed by many more,
        // the expression scanned to the end from each one (quadratic).
        const value = node.value;
        for (let open = value.indexOf('<!--'); open !== -1; ) {
          const close = value.indexOf('-->', open + 4);
          if (close === -1) break;
          comments.push({ text: value.slice(open + 4, close).trim(), position: this.pos(node) });
          open = value.indexOf('<!--', close + 3);
        }
      }
      if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
    }
    return comments;
  }

  private splitSections(document: Document | null): TaskDraft[] {
    const drafts: TaskDraft[] = [];
    let section: Section | null = null;
    let prose: RootContent[] = [];
    let draft: TaskDraft | null = null;
    const closeSection = () => {
      if (section && prose.length > 0) {
        section.content = this.sliceNodes(prose);
        section.contentPosition = spanPositions(this.pos(prose[0]!), this.pos(prose[prose.length - 1]!));
      }
      prose = [];
    };

    for (const child of this.tree.children) {
      if (child.type === 'yaml') continue;
      if (child.type === 'heading' && child.depth <= 3) {
        draft = null;
        const heading = this.headingText(child);
        if (child.depth === 1) continue;
        if (child.depth === 2) {
          closeSection();
          section = { title: heading.text, position: this.pos(child), content: '', tasks: [] };
          for (const cls of heading.classes) {
            if (sectionKinds.has(cls)) section.kind = cls as NonNullable<Section['kind']>;
            else this.report('unknown-section-kind', `Unknown section kind ".${cls}"; expected one of .schedule, .tasks, .situations, .norms`, child);
          }
          if (heading.id !== undefined) {
            if (idPattern.test(heading.id)) section.id = heading.id;
            else this.report('bad-id', `Section id "${heading.id}" must be lowercase Latin letters, digits and dashes`, child);
          }
          document?.sections.push(section);
          continue;
        }
        // depth 3: a task when it has an id, or when it sits in a tasks / situations section
        const inTaskSection = section?.kind === 'tasks' || section?.kind === 'situations';
        if (heading.id === undefined) {
          if (inTaskSection) {
            this.report('task-without-id', `Task "${heading.text}" has no id; end its heading with a Latin id such as {#${suggestId(heading.text)}}`, child);
          } else prose.push(child);
          continue;
        }
        if (!idPattern.test(heading.id)) {
          this.report('bad-id', `Task id "${heading.id}" must be lowercase Latin letters, digits and dashes, starting with a letter (at most 64)`, child);
          continue;
        }
        if (!this.claimExplicitId(heading.id, this.pos(child))) continue;
        const task: Task = {
          id: heading.id,
          kind: section?.kind === 'situations' || heading.classes.includes('situation') ? 'situation' : 'task',
          title: heading.text,
          file: this.source.path,
          document: document?.id ?? '',
          section: section?.title ?? '',
          position: this.pos(child),
          schedules: [],
          entry: null,
        };
        const review = this.taskReview(heading.attributes, child);
        if (review) task.review = review;
        section?.tasks.push(task.id);
        draft = { heading: child, task, children: [] };
        drafts.push(draft);
        continue;
      }
      if (draft) draft.children.push(child);
      else prose.push(child);
    }
    closeSection();
    return drafts;
  }

  private headingText(heading: Heading) {
    const raw = plainText(heading);
    return splitTrailingAttributes(raw);
  }

  private taskReview(attributes: Map<string, string>, at: Nodes): Task['review'] | undefined {
    const review: NonNullable<Task['review']> = {};
    for (const [key, value] of attributes) {
      if (key === 'reviewed') {
        if (isValidDate(value)) review.reviewed = value;
        else this.report('bad-date', `"reviewed=${value}" must be a real date as YYYY-MM-DD`, at);
      } else if (key === 'review') {
        if (parseDuration(value)) review.period = value;
        else this.report('bad-duration', `"review=${value}" must be ${durationHint}`, at);
      } else this.report('unknown-attribute', `Unknown heading attribute "${key}"; a task heading takes {#id reviewed=YYYY-MM-DD review=P3M}`, at);
    }
    return review.reviewed !== undefined || review.period !== undefined ? review : undefined;
  }

  private claimExplicitId(id: string, at: Position): boolean {
    const first = this.explicitIds.get(id);
    if (first) {
      this.report('duplicate-id', `Duplicate id "${id}"; it is already used at line ${first.line}, column ${first.column}`, at);
      return false;
    }
    this.explicitIds.set(id, at);
    this.usedIds.add(id);
    return true;
  }

  // ── tasks and flows ────────────────────────────────────────────────────────────────────────

  private compileTask(draft: TaskDraft): void {
    const { task } = draft;
    this.taskId = task.id;
    this.scope = `${task.id}.`;
    const flow: RootContent[] = [];
    for (const child of draft.children) {
      if (child.type === 'leafDirective' && directives[child.name]?.where === 'task') this.taskDirective(child, task);
      else flow.push(child);
    }
    const firstFlow = flow.findIndex((c) => c.type === 'list' || c.type === 'leafDirective');
    const intro = firstFlow === -1 ? flow : flow.slice(0, firstFlow);
    const proseIntro = intro.filter((c) => c.type !== 'html' && !(c.type === 'paragraph' && this.reportDirectiveLike(c)));
    if (proseIntro.length > 0) task.description = this.sliceNodes(proseIntro);
    const chain = new Chain();
    this.compileInto(firstFlow === -1 ? [] : flow.slice(firstFlow), chain);
    for (const set of chain.pending) set(null);
    task.entry = chain.entry;
    this.tasks.push(task);
  }

  private taskDirective(node: LeafDirective, task: Task): void {
    const spec = directives[node.name]!;
    const attrs = this.checkAttributes(node, spec);
    const label = plainText(node.children);
    if (!label) {
      this.report('missing-label', `::${node.name} needs a text in brackets: ::${node.name}[…]`, node);
      return;
    }
    if (node.name === 'when') {
      if (task.trigger) {
        this.report('duplicate-trigger', `Task "${task.id}" already has a ::when at line ${task.trigger.position.line}; merge them into one`, node);
        return;
      }
      task.trigger = { text: label, position: this.pos(node) };
      const deadline = attrs.get('deadline');
      if (deadline !== undefined) task.trigger.deadline = deadline;
      return;
    }
    const rrule = attrs.get('rrule');
    if (rrule === undefined) return;
    const schedule: Schedule = { label, rrule, position: this.pos(node) };
    const time = attrs.get('time');
    if (time !== undefined) schedule.time = time;
    task.schedules.push(schedule);
  }

  /** Compiles block content into the chain: lists are steps, directives are nodes. */
  private compileInto(children: RootContent[], chain: Chain): void {
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      switch (child.type) {
        case 'list':
          for (const item of child.children) this.compileItem(item, chain);
          break;
        case 'leafDirective': {
          const spec = directives[child.name];
          if (!spec) {
            this.report('unknown-directive', `Unknown directive "::${child.name}"; expected one of ${directiveNames.map((n) => `::${n}`).join(', ')}`, child);
            break;
          }
          if (spec.where === 'task') {
            this.report('misplaced-directive', `::${child.name} describes the whole task; put it at the task's top level, not inside a branch or step`, child);
            break;
          }
          if (child.name === 'decision') {
            const next = children[i + 1];
            if (next?.type === 'list') i++;
            this.decision(child, spec, next?.type === 'list' ? next.children : null, chain);
          } else this.flowNode(child, spec, chain);
          break;
        }
        case 'paragraph':
          if (!this.reportDirectiveLike(child)) this.attachProse(child, chain);
          break;
        case 'html':
          break;
        default:
          this.attachProse(child, chain);
      }
    }
  }

  /** A paragraph that was meant as a directive: a `:::` container, or `:when[…]` with one colon. Reports it. */
  private reportDirectiveLike(paragraph: Paragraph): boolean {
    const source = this.slice(paragraph);
    const container = /^:::+\s*([A-Za-z][\w-]*)?/.exec(source);
    if (container) {
      const name = container[1] ?? '';
      this.report('container-directive', `Container directives (":::${name}") are not part of the language; use ::decision followed by a list, and plain list indentation for nesting`, paragraph);
      return true;
    }
    const single = /^:([A-Za-z][\w-]*)[[{]/.exec(source);
    if (single && directives[single[1]!]) {
      this.report('unknown-directive', `":${single[1]}" has one colon; write the directive on its own line as "::${single[1]}[…]"`, paragraph);
      return true;
    }
    return false;
  }

  /** Prose between nodes belongs to the step before it. */
  private attachProse(node: RootContent, chain: Chain): void {
    const step = chain.lastStep;
    if (!step) return;
    const text = this.sliceNodes([node]);
    step.details = step.details ? `${step.details}\n\n${text}` : text;
    // Appended in place: copying the list for every paragraph was quadratic in time and memory.
    step.links ??= [];
    for (const link of collectLinks([node as Nodes], this.source.path)) step.links.push(link);
  }

  private compileItem(item: ListItem, chain: Chain): void {
    const [first, ...rest] = item.children;
    if (first?.type !== 'paragraph') {
      this.compileInto(item.children, chain);
      return;
    }
    if (this.reportDirectiveLike(first)) {
      this.compileInto(rest, chain);
      return;
    }
    const flowAt = rest.findIndex((c) => c.type === 'leafDirective');
    const details = flowAt === -1 ? rest : rest.slice(0, flowAt);
    const markdownFull = this.slice(first);
    const split = splitTrailingAttributes(markdownFull);
    const text = split.at === undefined ? plainText(first) : splitTrailingAttributes(plainText(first)).text;
    if (!text) {
      this.compileInto(rest, chain);
      return;
    }
    const id = this.nodeId('step', text, split.id, first);
    const step: StepNode = { id, kind: 'step', task: this.taskId, position: this.pos(item), text, markdown: dedentContinuation(split.text), next: null };
    if (split.id !== undefined && id === split.id) step.explicitId = true;
    if (details.length > 0) step.details = this.sliceNodes(details);
    const links = collectLinks([first, ...details], this.source.path);
    if (links.length > 0) step.links = links;
    this.add(step, chain);
    chain.pending = [(next) => (step.next = next)];
    chain.lastStep = step;
    if (flowAt !== -1) this.compileInto(rest.slice(flowAt), chain);
  }

  private decision(node: LeafDirective, spec: DirectiveSpec, items: ListItem[] | null, chain: Chain): void {
    const attrs = this.checkAttributes(node, spec);
    const question = plainText(node.children);
    if (!question) this.report('missing-label', 'A decision needs its question in brackets: ::decision[Задача входит в тариф?]', node);
    if (!items) {
      this.report('too-few-options', `Decision "${question}" has no options; put a list of at least two options right after it`, node);
      return;
    }
    const id = this.nodeId('decision', question, attrs.get('id'), node);
    const decision: DecisionNode = { id, kind: 'decision', task: this.taskId, position: this.pos(node), question, options: [] };
    if (attrs.get('id') === id) decision.explicitId = true;
    const links = collectLinks(node.children, this.source.path);
    if (links.length > 0) decision.links = links;
    this.add(decision, chain);
    chain.lastStep = null;

    const optionIds = new Set<string>();
    const after: Setter[] = [(next) => (decision.join = next)];
    for (const item of items) {
      const [first, ...rest] = item.children;
      const labelSource = first?.type === 'paragraph' ? splitTrailingAttributes(plainText(first)) : null;
      if (!labelSource || !labelSource.text) {
        this.report('option-without-label', `An option of decision "${question}" has no label; start the list item with the answer, e.g. "- Да"`, item);
        continue;
      }
      const explicit = labelSource.id;
      let optionId: string;
      if (explicit !== undefined && idPattern.test(explicit) && !optionIds.has(explicit)) {
        optionId = explicit;
        optionIds.add(explicit);
      } else {
        if (explicit !== undefined) this.report('bad-id', `Option id "${explicit}" is not a unique Latin id within this decision`, item);
        optionId = contentId('option', labelSource.text, optionIds, '');
      }
      const option: Option = { id: optionId, label: labelSource.text, position: this.pos(item), next: null };
      if (optionId === explicit) option.explicitId = true;
      decision.options.push(option);
      const branch = new Chain();
      this.compileInto(first?.type === 'paragraph' ? rest : item.children, branch);
      if (branch.started) {
        option.next = branch.entry;
        after.push(...branch.pending);
      } else after.push((next) => (option.next = next));
    }
    if (decision.options.length < 2) {
      this.report('too-few-options', `Decision "${question}" has ${decision.options.length} option${decision.options.length === 1 ? '' : 's'}; a decision needs at least two`, node);
    }
    chain.pending = after;
  }

  private flowNode(node: LeafDirective, spec: DirectiveSpec, chain: Chain): void {
    const attrs = this.checkAttributes(node, spec);
    const label = plainText(node.children);
    if (spec.label === 'required' && !label) {
      this.report('missing-label', `::${node.name} needs a text in brackets: ::${node.name}[…]`, node);
      return;
    }
    const base = { task: this.taskId, position: this.pos(node) };
    const links = collectLinks(node.children, this.source.path);
    const explicit = attrs.get('id');
    const finish = <T extends Node>(n: T, continues: boolean): T => {
      if (explicit !== undefined && n.id === explicit) n.explicitId = true;
      if (links.length > 0) n.links = links;
      this.add(n, chain);
      chain.lastStep = null;
      chain.pending = continues && 'next' in n ? [(next) => ((n as { next: string | null }).next = next)] : [];
      return n;
    };
    switch (node.name) {
      case 'goto': {
        const target = /^(?:([^#\s]+\.md))?#?([^#\s]+)$/i.exec(label);
        if (!target || !idPattern.test(target[2]!)) {
          this.report('bad-jump-target', `Jump target "${label}" must be "#task-id", "#node-id" or "file.md#id"`, node);
          return;
        }
        const returns = attrs.has('return');
        const id = this.nodeId('jump', `${label} ${returns ? 'return' : ''}`, explicit, node);
        const jump: Node = { ...base, id, kind: 'jump', target: target[2]!, return: returns, next: null };
        if (target[1] !== undefined) jump.targetFile = target[1];
        finish(jump, returns);
        return;
      }
      case 'end': {
        const status = (attrs.get('status') ?? 'done') as (typeof endStatuses)[number];
        finish({ ...base, id: this.nodeId('end', `${status} ${label}`, explicit, node), kind: 'end', outcome: label, status }, false);
        return;
      }
      case 'escalate': {
        const role = attrs.get('role');
        if (role === undefined) return;
        finish({ ...base, id: this.nodeId('escalation', `${role} ${label}`, explicit, node), kind: 'escalation', role, reason: label, next: null }, true);
        return;
      }
      case 'checkpoint': {
        const checkpoint: Node = { ...base, id: this.nodeId('checkpoint', label, explicit, node), kind: 'checkpoint', text: label, next: null };
        const value = attrs.get('value');
        if (value !== undefined) checkpoint.value = value;
        finish(checkpoint, true);
        return;
      }
      case 'wait': {
        const wait: Node = { ...base, id: this.nodeId('wait', label, explicit, node), kind: 'wait', event: label, next: null };
        const deadline = attrs.get('deadline');
        const timeout = attrs.get('timeout');
        if (deadline !== undefined) wait.deadline = deadline;
        if (timeout !== undefined) wait.timeout = timeout;
        finish(wait, true);
        return;
      }
    }
  }

  private add(node: Node, chain: Chain): void {
    this.nodes[node.id] = node;
    chain.attach(node.id);
  }

  private nodeId(kind: Parameters<typeof contentId>[0], text: string, explicit: string | undefined, at: Nodes): string {
    if (explicit !== undefined) {
      if (!idPattern.test(explicit)) this.report('bad-id', `Id "${explicit}" must be lowercase Latin letters, digits and dashes, starting with a letter`, at);
      else if (this.claimExplicitId(explicit, this.pos(at))) return explicit;
    }
    return contentId(kind, text, this.usedIds, this.scope);
  }

  private checkAttributes(node: LeafDirective, spec: DirectiveSpec): Map<string, string> {
    return checkAttributes(node, spec, this.slice(node), (rule, message, at) => this.report(rule, message, at ?? node));
  }

  // ── source slices ──────────────────────────────────────────────────────────────────────────

  private slice(node: Nodes): string {
    const p = node.position;
    if (!p || p.start.offset === undefined || p.end.offset === undefined) return plainText(node);
    return this.source.text.slice(p.start.offset, p.end.offset);
  }

  /** Markdown source of consecutive nodes, with the list indentation of their first line removed. */
  private sliceNodes(nodes: RootContent[]): string {
    const first = nodes[0]?.position;
    const last = nodes[nodes.length - 1]?.position;
    if (!first || !last || first.start.offset === undefined || last.end.offset === undefined) return nodes.map((n) => plainText(n)).join('\n\n');
    const text = this.source.text.slice(first.start.offset, last.end.offset);
    const indent = first.start.column - 1;
    if (indent === 0) return text;
    const strip = new RegExp(`\\n[ \\t]{0,${indent}}`, 'g');
    return text.replace(strip, '\n');
  }
}

function dedentContinuation(markdown: string): string {
  return markdown.replace(/\n[ \t]+/g, '\n');
}

/** A Latin id suggestion for a heading, for the task-without-id message. */
function suggestId(title: string): string {
  const words = slugifyPackage().default(title).split('-').slice(0, 3);
  const id = words.join('-').slice(0, 40).replace(/-+$/, '');
  return /^[a-z]/.test(id) ? id : 'task-id';
}

export type { Link };
