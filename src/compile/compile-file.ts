import type { List, ListItem, Nodes, Root, RootContent } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Document, Node, Schedule, StepNode, Task } from '../graph/types.js';
import { directiveNames, directiveSpec } from './directives.js';
import { collectLinks, plainText } from './inline.js';
import type { SourceFile } from './source.js';
import { splitTrailingAttributes } from '../parse/trailing-attributes.js';
import { fidelityMessages } from './fidelity-messages.js';
import { DirectiveNodes } from './directive-nodes.js';
import { Chain, type TaskDraft } from './flow-chain.js';
import { type DocumentSections, OrderDependentError } from './document-sections.js';

/** What one file compiles to, before files are linked into one graph. Plain data: cacheable. */
export interface FileResult {
  file: string;
  display: string;
  document: Document | null;
  tasks: Task[];
  nodes: Record<string, Node>;
  diagnostics: Diagnostic[];
  /** Nodes of a task left out because its id is taken: never in the graph, but checked when linking (roles, jumps). */
  shadowNodes?: Record<string, Node>;
}

export function compileFile(tree: Root, source: SourceFile): FileResult {
  return new FileCompiler(tree, source).run();
}

/**
 * Compiles a file handed over in pieces: `parse` calls its `take` with each chunk's tree, in
 * order (positions the file's), and returns null, or the whole file's tree when it parsed the
 * file in one piece (then that tree is compiled as compileFile would). Each task is compiled as
 * soon as the next heading closes it, so a chunk's syntax tree is garbage soon after it is
 * parsed instead of living until the whole file is. The result is compileFile's on the joined
 * tree, diagnostics in the same order (chunk.property.test.ts), except that a file whose result
 * could depend on that order (OrderDependentError) is parsed and compiled whole.
 */
export function compileFileInChunks(source: SourceFile, parse: (take: (tree: Root) => void) => Root | null, parseWhole: () => Root): FileResult {
  const compiler = new FileCompiler({ type: 'root', children: [] }, source);
  try {
    const whole = parse((tree) => compiler.take(tree));
    return whole ? compileFile(whole, source) : compiler.finish();
  } catch (error) {
    if (error instanceof OrderDependentError) return compileFile(parseWhole(), source);
    throw error;
  }
}

/** Tasks and their flows: steps, nested lists, and the directives between them. */
class FileCompiler extends DirectiveNodes {
  run(): FileResult {
    const document = this.documentShell(this.tree.children[0], []);
    if (document) this.collectComments(this.tree, document.comments);
    // without a document, documentShell has chosen the language from the text (the `lang:` line, Cyrillic)
    if (document) this.say = fidelityMessages(document.lang);
    const drafts = this.splitSections(document, this.tree.children);
    for (const draft of drafts) this.compileTask(draft);
    return this.result(document, drafts);
  }

  private streaming: {
    document: Document | null;
    split: ReturnType<DocumentSections['sectionSplitter']>;
    compiled: number;
    /** What compileTask reports, kept apart: the whole-file compile reports it after every splitting diagnostic. */
    taskDiagnostics: Diagnostic[];
  } | null = null;

  /** The next chunk's tree (compileFileInChunks). */
  take(tree: Root): void {
    if (!this.streaming) {
      // the file's first block decides its front matter: a chunk of nothing but blank lines has none
      if (tree.children.length === 0) return;
      this.eager = true;
      const document = this.documentShell(tree.children[0], []);
      if (document) this.say = fidelityMessages(document.lang);
      this.streaming = { document, split: this.sectionSplitter(document), compiled: 0, taskDiagnostics: [] };
    }
    const { document, split } = this.streaming;
    for (const child of tree.children) {
      if (document) this.collectComments(child, document.comments);
      split.add(child);
    }
    // every draft but the last is closed: a heading came after it
    this.compileDrafts(split.drafts.length - 1);
  }

  finish(): FileResult {
    if (!this.streaming) return this.run();
    const { split } = this.streaming;
    split.finish();
    this.compileDrafts(split.drafts.length);
    this.diagnostics = [...this.diagnostics, ...this.streaming.taskDiagnostics];
    return this.result(this.streaming.document, split.drafts);
  }

  private compileDrafts(upTo: number): void {
    const streaming = this.streaming!;
    const splitting = this.diagnostics;
    this.diagnostics = streaming.taskDiagnostics;
    try {
      for (; streaming.compiled < upTo; streaming.compiled++) {
        const draft = streaming.split.drafts[streaming.compiled]!;
        this.compileTask(draft);
        draft.children = [];
      }
    } finally {
      this.diagnostics = splitting;
    }
  }

  private result(document: Document | null, drafts: TaskDraft[]): FileResult {
    const result: FileResult = {
      file: this.source.path,
      display: this.source.display,
      document,
      tasks: this.tasks,
      nodes: { ...this.nodes },
      diagnostics: this.diagnostics,
    };
    const shadows = new Set(drafts.filter((d) => d.shadow).map((d) => d.task.id));
    if (shadows.size > 0) {
      // a task whose id was taken is left out; its nodes go aside, for linking to check their roles and jumps
      result.tasks = result.tasks.filter((t) => !shadows.has(t.id));
      result.shadowNodes = {};
      for (const [id, node] of Object.entries(result.nodes))
        if (shadows.has(node.task)) {
          result.shadowNodes[id] = node;
          delete result.nodes[id];
        }
    }
    return result;
  }

  protected compileTask(draft: TaskDraft): void {
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

  protected taskDirective(node: LeafDirective, task: Task): void {
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
    const table = attrs.get('table');
    // A dates table gives one date a year per row.
    const rrule = attrs.get('rrule') ?? (table !== undefined ? 'FREQ=YEARLY' : undefined);
    if (rrule === undefined) {
      if (!Object.hasOwn(node.attributes ?? {}, 'rrule'))
        this.report('missing-attribute', this.say('missingAttribute', { name: 'schedule', key: 'rrule', hint: this.say('hintRruleOrTable') }), node);
      return;
    }
    const schedule: Schedule = { label, rrule, position: this.pos(node) };
    const time = attrs.get('time');
    if (time !== undefined) schedule.time = time;
    if (attrs.has('workdays')) schedule.workdays = true;
    const shift = attrs.get('shift');
    if (shift === 'before' || shift === 'after') schedule.shift = shift;
    if (table !== undefined) schedule.table = table;
    task.schedules.push(schedule);
  }

  /** Compiles block content into the chain: lists are steps, directives are nodes. */
  protected compileInto(children: RootContent[], chain: Chain, contentIndent = 0): void {
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
          } else if (
            child.name === 'wait' &&
            children[i + 1]?.type === 'list' &&
            !(children[i + 1] as List).ordered &&
            Object.hasOwn(child.attributes ?? {}, 'timeout')
          ) {
            // a bullet item right under a wait with a timeout: what to do when the time runs out
            this.flowNode(child, spec, chain, (children[++i] as List).children);
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

  /** Prose between nodes belongs to the step before it. */
  protected attachProse(node: RootContent, chain: Chain): void {
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

  protected compileItem(item: ListItem, chain: Chain): void {
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
}

function dedentContinuation(markdown: string): string {
  return markdown.replace(/\n[ \t]+/g, '\n');
}
