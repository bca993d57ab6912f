import type { Code, Heading, List, ListItem, Nodes, Paragraph, Root, RootContent } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DecisionNode, Document, Link, Node, Option, Position, Schedule, Section, StepNode, Task } from '../graph/types.js';
import { checkAttributes } from './attributes.js';
import { directiveNames, directiveSpec, endStatuses, type DirectiveSpec } from './directives.js';
import { durationHint, isValidDate, parseDuration } from '../schedule/durations.js';
import { readFrontMatter } from './front-matter.js';
import { contentId, idPattern } from './ids.js';
import { collectLinks, plainText } from './inline.js';
import { positionOf, spanPositions } from './position.js';
import type { SourceFile } from './source.js';
import { splitTrailingAttributes } from '../parse/trailing-attributes.js';
import { lazy } from './lazy.js';
import { toBlocks } from './blocks.js';
import { fidelityMessages } from './fidelity-messages.js';

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
  /** Prose with no step to belong to (after a decision, a sub-heading): shown before the next node. */
  notes: RootContent[] = [];

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

const sectionKinds = new Set(['schedule', 'tasks', 'situations', 'norms', 'gaps']);

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
  private say: ReturnType<typeof fidelityMessages> = fidelityMessages(undefined);

  constructor(
    private readonly tree: Root,
    private readonly source: SourceFile,
  ) {}

  run(): FileResult {
    const document = this.documentShell();
    this.say = fidelityMessages(document?.lang);
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
      // no front matter to say the language: a file written in Cyrillic is told in Russian
      this.say = fidelityMessages(/[\u0400-\u04ff]/.test(this.source.text.slice(0, 4096)) ? 'ru' : undefined);
      this.report('front-matter', this.say('missingFrontMatter'), { line: 1, column: 1 });
      return null;
    }
    // the front matter's own problems in the language it names, when it can be read from the text
    this.say = fidelityMessages(/^lang:[ \t]*["']?([A-Za-z]{2})/m.exec(first.value)?.[1]);
    const { value, problems } = readFrontMatter(first.value, (first.position?.start.line ?? 1) + 1, this.say);
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
    const sectionIds = new Set<string>();
    let section: Section | null = null;
    let prose: RootContent[] = [];
    let draft: TaskDraft | null = null;
    let introTitle: { text: string; node: Heading } | null = null;
    let proseHeading: { node: Heading; text: string; reported: boolean } | null = null;
    const closeSection = () => {
      if (!section && prose.some((n) => n.type !== 'html' && n.type !== 'thematicBreak')) {
        // The text before the first level-2 heading: the introduction, a section of its own.
        const first = introTitle?.node ?? prose[0]!;
        section = { id: uniqueSectionId('intro', sectionIds), title: introTitle?.text ?? document?.title ?? '', kind: 'intro', position: this.pos(first), content: '', blocks: [], tasks: [] };
        document?.sections.push(section);
      }
      if (section && prose.length > 0) {
        section.content = this.sliceNodes(prose);
        section.contentPosition = spanPositions(this.pos(prose[0]!), this.pos(prose[prose.length - 1]!));
        section.blocks = toBlocks(prose, this.source.path);
        const links = collectLinks(prose as Nodes[], this.source.path);
        if (links.length > 0) section.links = links;
      }
      prose = [];
    };

    for (const child of this.tree.children) {
      if (child.type === 'yaml') continue;
      if (child.type === 'heading' && child.depth <= 3) {
        draft = null;
        const heading = this.headingText(child);
        if (child.depth === 1) {
          if (!section && !introTitle) introTitle = { text: heading.text, node: child };
          continue;
        }
        proseHeading = null;
        if (child.depth === 2) {
          closeSection();
          section = { id: '', title: heading.text, position: this.pos(child), content: '', blocks: [], tasks: [] };
          for (const cls of heading.classes) {
            if (sectionKinds.has(cls)) section.kind = cls as NonNullable<Section['kind']>;
            else this.report('unknown-section-kind', this.say('unknownSectionKind', { cls, kinds: [...sectionKinds].map((k) => `.${k}`).join(', ') }), child);
          }
          for (const [key, value] of heading.attributes) this.report('unknown-attribute', this.say('sectionAttribute', { attr: value ? `${key}=${value}` : key }), child);
          if (heading.id !== undefined && idPattern.test(heading.id) && !sectionIds.has(heading.id)) {
            section.id = heading.id;
            section.explicitId = true;
            sectionIds.add(heading.id);
          } else {
            if (heading.id !== undefined) this.report('bad-id', this.say('badSectionId', { id: heading.id }), child);
            section.id = uniqueSectionId(suggestId(heading.text, 'section', 6), sectionIds);
          }
          document?.sections.push(section);
          continue;
        }
        // depth 3: a task when it has an id, or when it sits in a tasks / situations section
        const inTaskSection = section?.kind === 'tasks' || section?.kind === 'situations';
        if (heading.id === undefined) {
          if (inTaskSection) {
            this.report('task-without-id', this.say('taskWithoutId', { title: heading.text, id: suggestId(heading.text) }), child);
            proseHeading = { node: child, text: heading.text, reported: true };
          } else {
            prose.push(child);
            proseHeading = { node: child, text: heading.text, reported: false };
          }
          continue;
        }
        if (!idPattern.test(heading.id)) {
          this.report('bad-id', this.say('badTaskId', { id: heading.id }), child);
          proseHeading = { node: child, text: heading.text, reported: true };
          continue;
        }
        if (!this.claimExplicitId(heading.id, this.pos(child))) {
          proseHeading = { node: child, text: heading.text, reported: true };
          continue;
        }
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
      else {
        if (child.type === 'leafDirective' && directiveSpec(child.name)) {
          if (proseHeading && !proseHeading.reported) {
            proseHeading.reported = true;
            this.report('task-without-id', this.say('headingWithoutId', { title: proseHeading.text, directive: `::${child.name}`, id: suggestId(proseHeading.text) }), proseHeading.node);
          } else if (!proseHeading) this.report('directive-outside-task', this.say('directiveOutsideTask', { name: child.name }), child);
        }
        prose.push(child);
      }
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
        else this.report('bad-date', this.say('badReviewed', { value }), at);
      } else if (key === 'review') {
        if (parseDuration(value)) review.period = value;
        else this.report('bad-duration', this.say('badReview', { value, hint: durationHint }), at);
      } else this.report('unknown-attribute', this.say('unknownHeadingAttribute', { key }), at);
    }
    return review.reviewed !== undefined || review.period !== undefined ? review : undefined;
  }

  private claimExplicitId(id: string, at: Position): boolean {
    const first = this.explicitIds.get(id);
    if (first) {
      this.report('duplicate-id', this.say('duplicateId', { id, line: first.line, column: first.column }), at);
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
      if (child.type === 'leafDirective' && directiveSpec(child.name)?.where === 'task') this.taskDirective(child, task);
      else flow.push(child);
    }
    const firstFlow = flow.findIndex((c) => c.type === 'list' || c.type === 'leafDirective');
    const intro = firstFlow === -1 ? flow : flow.slice(0, firstFlow);
    const proseIntro = intro.filter((c) => c.type !== 'html' && !(c.type === 'paragraph' && this.reportDirectiveLike(c)));
    if (proseIntro.length > 0) task.description = this.sliceNodes(proseIntro);
    const chain = new Chain();
    this.compileInto(firstFlow === -1 ? [] : flow.slice(firstFlow), chain);
    this.reportOrphans(chain.notes, this.say('whereTask'));
    for (const set of chain.pending) set(null);
    task.entry = chain.entry;
    this.tasks.push(task);
  }

  private taskDirective(node: LeafDirective, task: Task): void {
    const spec = directiveSpec(node.name)!;
    const attrs = this.checkAttributes(node, spec);
    const label = plainText(node.children);
    if (!label) {
      this.report('missing-label', this.say('missingLabel', { name: node.name }), node);
      return;
    }
    if (node.name === 'when') {
      if (task.trigger) {
        this.report('duplicate-trigger', this.say('duplicateTrigger', { task: task.id, line: task.trigger.position.line }), node);
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
  private compileInto(children: RootContent[], chain: Chain, contentIndent = 0): void {
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      switch (child.type) {
        case 'list':
          for (const item of child.children) this.compileItem(item, chain);
          break;
        case 'code':
          if (!this.reportIndentedCode(child, contentIndent)) this.attachProse(child, chain);
          break;
        case 'leafDirective': {
          const spec = directiveSpec(child.name);
          if (!spec) {
            this.report('unknown-directive', this.say('unknownDirective', { name: child.name, names: directiveNames.map((n) => `::${n}`).join(', ') }), child);
            break;
          }
          if (spec.where === 'task') {
            this.report('misplaced-directive', this.say('misplacedDirective', { name: child.name }), child);
            break;
          }
          if (child.name === 'decision') {
            const next = children[i + 1];
            if (next?.type === 'list') {
              i++;
              this.reportFlushLeft(next, children[i + 1], children[i + 2]);
            }
            this.decision(child, spec, next?.type === 'list' ? next.children : null, chain);
          } else this.flowNode(child, spec, chain);
          break;
        }
        case 'paragraph':
          if (!this.reportDirectiveLike(child)) this.attachProse(child, chain);
          break;
        case 'html':
          if (!/^\s*(<!--[\s\S]*?-->\s*)*$/.test(child.value)) this.attachProse(child, chain);
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
      this.report('container-directive', this.say('containerDirective', { name }), paragraph);
      return true;
    }
    const single = /^:([A-Za-z][\w-]*)[[{]/.exec(source);
    if (single && directiveSpec(single[1]!)) {
      this.report('unknown-directive', this.say('oneColon', { name: single[1]! }), paragraph);
      return true;
    }
    return false;
  }

  /** Prose between nodes belongs to the step before it. */
  private attachProse(node: RootContent, chain: Chain): void {
    const step = chain.lastStep;
    if (!step || node.type === 'heading') {
      chain.notes.push(node);
      return;
    }
    const text = this.sliceNodes([node]);
    step.details = step.details ? `${step.details}\n\n${text}` : text;
    // Appended in place: copying the list for every paragraph was quadratic in time and memory.
    step.links ??= [];
    for (const link of collectLinks([node as Nodes], this.source.path)) step.links.push(link);
  }

  private compileItem(item: ListItem, chain: Chain): void {
    const [first, ...rest] = item.children;
    const indent = first?.position ? first.position.start.column - 1 : 0;
    if (first?.type !== 'paragraph') {
      this.compileInto(item.children, chain, indent);
      return;
    }
    if (this.reportDirectiveLike(first)) {
      this.compileInto(rest, chain, indent);
      return;
    }
    const flowAt = rest.findIndex((c) => c.type === 'leafDirective');
    const details = flowAt === -1 ? rest : rest.slice(0, flowAt);
    const markdownFull = this.slice(first);
    const absorbed = this.reportAbsorbedDirective(markdownFull, first, 'stepDirective');
    const split = splitTrailingAttributes(markdownFull);
    if (!absorbed && split.at !== undefined) this.reportExtraAttributes(split, first, 'step');
    const text = split.at === undefined ? plainText(first) : splitTrailingAttributes(plainText(first)).text;
    if (!text) {
      this.compileInto(rest, chain, indent);
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
    if (flowAt !== -1) this.compileInto(rest.slice(flowAt), chain, first.position ? first.position.start.column - 1 : 0);
  }

  private decision(node: LeafDirective, spec: DirectiveSpec, items: ListItem[] | null, chain: Chain): void {
    const attrs = this.checkAttributes(node, spec);
    const question = plainText(node.children);
    if (!question) this.report('missing-label', this.say('decisionNoQuestion'), node);
    if (!items) {
      this.report('too-few-options', this.say('decisionNoOptions', { question }), node);
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
    const firstColumn = items[0]?.position?.start.column ?? 1;
    let previous: { label: string; indent: number } | null = null;
    for (const item of items) {
      const [first, ...rest] = item.children;
      const itemColumn = item.position?.start.column ?? firstColumn;
      if (previous && itemColumn > firstColumn) {
        this.report('indentation', this.say('optionIndent', { n: itemColumn - 1, question, label: previous.label, k: previous.indent }), item);
      }
      if (first?.type === 'paragraph') {
        const source = this.slice(first);
        if (!this.reportAbsorbedDirective(source, first, 'optionLabelDirective', source.trim().split('\n')[0]!.trim()) && /\n/.test(source.trim())) {
          this.report('option-label-lines', this.say('optionLabelLines', { line: source.trim().split('\n')[1]!.trim() }), first);
        }
      }
      const labelSource = first?.type === 'paragraph' ? splitTrailingAttributes(plainText(first)) : null;
      if (labelSource && labelSource.at !== undefined) this.reportExtraAttributes(labelSource, first!, 'option');
      if (!labelSource || !labelSource.text) {
        this.report('option-without-label', this.say('optionWithoutLabel', { question }), item);
        continue;
      }
      const explicit = labelSource.id;
      let optionId: string;
      if (explicit !== undefined && idPattern.test(explicit) && !optionIds.has(explicit)) {
        optionId = explicit;
        optionIds.add(explicit);
      } else {
        if (explicit !== undefined) this.report('bad-id', this.say('badOptionId', { id: explicit }), item);
        optionId = contentId('option', labelSource.text, optionIds, '');
      }
      const option: Option = { id: optionId, label: labelSource.text, position: this.pos(item), next: null };
      if (optionId === explicit) option.explicitId = true;
      decision.options.push(option);
      const branch = new Chain();
      const indent = first?.position ? first.position.start.column - 1 : 0;
      previous = { label: labelSource.text, indent };
      this.compileInto(first?.type === 'paragraph' ? rest : item.children, branch, indent);
      if (!branch.started && branch.notes.length > 0) {
        option.note = branch.notes.map((n) => this.sliceNodes([n])).join('\n\n');
        branch.notes = [];
      }
      this.reportOrphans(branch.notes, this.say('whereBranch', { option: labelSource.text }));
      if (branch.started) {
        option.next = branch.entry;
        after.push(...branch.pending);
      } else after.push((next) => (option.next = next));
    }
    if (decision.options.length < 2) {
      this.report('too-few-options', this.say('tooFewOptions', { question, n: decision.options.length }), node);
    }
    chain.pending = after;
  }

  private flowNode(node: LeafDirective, spec: DirectiveSpec, chain: Chain): void {
    const attrs = this.checkAttributes(node, spec);
    const label = plainText(node.children);
    if (spec.label === 'required' && !label) {
      this.report('missing-label', this.say('missingLabel', { name: node.name }), node);
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
          this.report('bad-jump-target', this.say('badJumpTarget', { label }), node);
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

  /** Prose left after the last node of a task or branch: nothing would show it. */
  private reportOrphans(notes: RootContent[], where: string): void {
    for (const node of notes) {
      const what = node.type === 'heading' ? this.say('whatHeading') : node.type === 'paragraph' ? this.say('whatParagraph') : this.say('whatBlock');
      this.report('orphan-prose', this.say('orphanProse', { what, where }), node);
    }
  }

  /** An indented code block that holds a step or a directive: the author meant a nested step. */
  private reportIndentedCode(node: Code, contentIndent: number): boolean {
    const line = this.sourceLine(node.position?.start.line ?? 1);
    if (/^\s*(```|~~~)/.test(line)) return false;
    const body = node.value.trimStart();
    const thing = /^(\d+[.)]|[-*+])\s/.test(body) ? this.say('thingStep') : /^::?[A-Za-z]/.test(body) ? this.say('thingDirective') : null;
    if (!thing) return false;
    const n = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
    const fix = contentIndent > 0 ? this.say('indentedCodeOption', { k: contentIndent }) : this.say('indentedCodeTop');
    this.report('indented-code', this.say('indentedCode', { thing, n, fix }), node);
    return true;
  }

  /** `- Yes` / `1. Step` / `- No` flush left: the steps end the options list and the branch stays empty. */
  private reportFlushLeft(options: List, after: RootContent | undefined, then: RootContent | undefined): void {
    if (after?.type !== 'list' || after.ordered === options.ordered) return;
    if (then?.type !== 'list' || then.ordered !== options.ordered) return;
    const last = options.children[options.children.length - 1];
    const label = last?.children[0]?.type === 'paragraph' ? plainText(last.children[0]) : '';
    const indent = last?.children[0]?.position ? last.children[0].position.start.column - 1 : 2;
    this.report('indentation', this.say('flushLeft', { label, k: indent }), after);
  }

  /** A `:end[…]` (or `::end[…]`) line swallowed by a step's or an option's paragraph. */
  private reportAbsorbedDirective(source: string, at: Nodes, key: 'stepDirective' | 'optionLabelDirective', label = ''): boolean {
    const lines = source.split('\n').slice(1);
    for (const raw of lines) {
      const m = /^\s*:{1,2}([A-Za-z][\w-]*)[[{]/.exec(raw);
      if (m && directiveSpec(m[1]!)) {
        this.report('absorbed-directive', this.say(key, { line: raw.trim(), name: m[1]!, label }), at);
        return true;
      }
    }
    return false;
  }

  /** Trailing `{…}` on a step or option may hold only an id; anything else would vanish. */
  private reportExtraAttributes(split: ReturnType<typeof splitTrailingAttributes>, at: Nodes, what: 'step' | 'option'): void {
    const extras = [...split.classes.map((c) => `.${c}`), ...[...split.attributes].map(([k, v]) => (v ? `${k}=${v}` : k))];
    for (const attr of extras) {
      if (what === 'option') {
        this.report('unknown-attribute', this.say('optionAttribute', { attr }), at);
        continue;
      }
      const deadline = split.attributes.get('deadline');
      const fix = attr.startsWith('deadline=') && deadline ? this.say('deadlineFix', { value: deadline }) : this.say('dropFix');
      this.report('unknown-attribute', this.say('stepAttribute', { attr, fix }), at);
    }
  }

  private sourceLine(line: number): string {
    let start = 0;
    for (let i = 1; i < line; i++) {
      const next = this.source.text.indexOf('\n', start);
      if (next === -1) return '';
      start = next + 1;
    }
    const end = this.source.text.indexOf('\n', start);
    return this.source.text.slice(start, end === -1 ? undefined : end);
  }

  private add(node: Node, chain: Chain): void {
    if (chain.notes.length > 0) {
      node.before = chain.notes.map((n) => this.sliceNodes([n])).join('\n\n');
      const links = collectLinks(chain.notes as Nodes[], this.source.path);
      if (links.length > 0) node.links = [...links, ...(node.links ?? [])];
      chain.notes = [];
    }
    this.nodes[node.id] = node;
    chain.attach(node.id);
  }

  private nodeId(kind: Parameters<typeof contentId>[0], text: string, explicit: string | undefined, at: Nodes): string {
    if (explicit !== undefined) {
      if (!idPattern.test(explicit)) this.report('bad-id', this.say('badId', { id: explicit }), at);
      else if (this.claimExplicitId(explicit, this.pos(at))) return explicit;
    }
    return contentId(kind, text, this.usedIds, this.scope);
  }

  private checkAttributes(node: LeafDirective, spec: DirectiveSpec): Map<string, string> {
    return checkAttributes(node, spec, this.slice(node), (rule, message, at) => this.report(rule, message, at ?? node), this.say);
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
function suggestId(title: string, fallback = 'task-id', maxWords = 3): string {
  const words = slugifyPackage().default(title).split('-').slice(0, maxWords);
  const id = words.join('-').slice(0, 48).replace(/-+$/, '');
  return /^[a-z]/.test(id) ? id : fallback;
}

function uniqueSectionId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

export type { Link };
