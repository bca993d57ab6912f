import type { Heading, Nodes, RootContent } from 'mdast';
import type { Document, Section, Task } from '../graph/types.js';
import { directiveSpec } from './directives.js';
import { durationHint, isValidDate, parseDuration } from '../schedule/durations.js';
import { readFrontMatter } from './front-matter.js';
import { idPattern } from './ids.js';
import { collectLinks, plainText } from './inline.js';
import { spanPositions } from './position.js';
import { splitTrailingAttributes } from '../parse/trailing-attributes.js';
import { lazy } from './lazy.js';
import { toBlocks } from './blocks.js';
import { fidelityMessages } from './fidelity-messages.js';
import { FileContext } from './file-context.js';
import { textLanguage } from '../i18n/text-language.js';
import type { TaskDraft } from './flow-chain.js';

const slugifyPackage = lazy<typeof import('@sindresorhus/slugify')>('@sindresorhus/slugify');

const sectionKinds = new Set(['schedule', 'tasks', 'situations', 'norms', 'gaps']);

/** The front matter, the comments and the sections of a file, and the task headings in them. */
export class DocumentSections extends FileContext {
  /** The document from the front matter (`first`, the file's first block); `comments` becomes its list of comments. */
  protected documentShell(first: RootContent | undefined, comments: Document['comments']): Document | null {
    if (!first || first.type !== 'yaml') {
      // no front matter to say the language: a file written in Cyrillic is told in Russian
      this.say = fidelityMessages(textLanguage(this.source.text));
      this.report('front-matter', this.say('missingFrontMatter'), { line: 1, column: 1 });
      return null;
    }
    // the front matter's own problems in the language it names, when it can be read from the text
    this.say = fidelityMessages(textLanguage(first.value) ?? textLanguage(this.source.text));
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

  /** Appends the HTML comments in `from`, in document order, to `comments`. */
  protected collectComments(from: Nodes, comments: Document['comments']): void {
    const stack: Nodes[] = [from];
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
  }

  /**
   * Whether task drafts are compiled while the file is still being split (the file is handed
   * over chunk by chunk): then a task heading whose id a node before it has already taken is an
   * order the whole-file compile would see differently (there every task heading claims its id
   * first), and splitting stops with OrderDependentError.
   */
  protected eager = false;
  private readonly headingIds = new Set<string>();

  /**
   * The file's top-level blocks → its sections, and a draft for each task heading (its blocks
   * follow). `add` takes the blocks in order, `finish` closes the last section; `drafts` grows
   * as headings come, and only its last draft may still take blocks.
   */
  protected sectionSplitter(document: Document | null): { add(child: RootContent): void; finish(): void; drafts: TaskDraft[] } {
    const drafts: TaskDraft[] = [];
    const sectionIds = new Set<string>();
    let section: Section | null = null;
    let prose: RootContent[] = [];
    let draft: TaskDraft | null = null;
    // the body of a task whose id is taken: it stays section prose, and is compiled aside so its mistakes are still reported
    let shadow: TaskDraft | null = null;
    let introTitle: { text: string; node: Heading } | null = null;
    let proseHeading: { node: Heading; text: string; reported: boolean } | null = null;
    const closeSection = () => {
      if (!section && prose.some((n) => n.type !== 'html' && n.type !== 'thematicBreak')) {
        // The text before the first level-2 heading: the introduction, a section of its own.
        const first = introTitle?.node ?? prose[0]!;
        section = {
          id: uniqueSectionId('intro', sectionIds),
          title: introTitle?.text ?? document?.title ?? '',
          kind: 'intro',
          position: this.pos(first),
          content: '',
          blocks: [],
          tasks: [],
        };
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

    const add = (child: RootContent): void => {
      if (child.type === 'yaml') return;
      if (child.type === 'heading' && child.depth <= 3) {
        draft = null;
        shadow = null;
        const heading = this.headingText(child);
        if (child.depth === 1) {
          if (!section && !introTitle) introTitle = { text: heading.text, node: child };
          return;
        }
        proseHeading = null;
        if (child.depth === 2) {
          closeSection();
          section = { id: '', title: heading.text, position: this.pos(child), content: '', blocks: [], tasks: [] };
          for (const cls of heading.classes) {
            if (sectionKinds.has(cls)) section.kind = cls as NonNullable<Section['kind']>;
            else this.report('unknown-section-kind', this.say('unknownSectionKind', { cls, kinds: [...sectionKinds].map((k) => `.${k}`).join(', ') }), child);
          }
          for (const [key, value] of heading.attributes)
            this.report('unknown-attribute', this.say('sectionAttribute', { attr: value ? `${key}=${value}` : key }), child);
          if (heading.id !== undefined && idPattern.test(heading.id) && !sectionIds.has(heading.id)) {
            section.id = heading.id;
            section.explicitId = true;
            sectionIds.add(heading.id);
          } else {
            if (heading.id !== undefined) this.report('bad-id', this.say('badSectionId', { id: heading.id }), child);
            section.id = uniqueSectionId(suggestId(heading.text, 'section', 6), sectionIds);
          }
          document?.sections.push(section);
          return;
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
          return;
        }
        if (!idPattern.test(heading.id)) {
          this.report('bad-id', this.say('badTaskId', { id: heading.id }), child);
          proseHeading = { node: child, text: heading.text, reported: true };
          return;
        }
        if (this.eager && this.explicitIds.has(heading.id) && !this.headingIds.has(heading.id)) throw new OrderDependentError();
        if (!this.claimExplicitId(heading.id, this.pos(child))) {
          proseHeading = { node: child, text: heading.text, reported: true };
          const id = `${heading.id}~${child.position?.start.line ?? 0}`;
          shadow = { heading: child, task: { ...this.taskShell(id, heading.text, section, document, child), id }, children: [], shadow: true };
          drafts.push(shadow);
          return;
        }
        this.headingIds.add(heading.id);
        const task = this.taskShell(heading.id, heading.text, section, document, child, heading.classes.includes('situation'));
        const review = this.taskReview(heading.attributes, child);
        if (review) task.review = review;
        section?.tasks.push(task.id);
        draft = { heading: child, task, children: [] };
        drafts.push(draft);
        return;
      }
      if (draft) draft.children.push(child);
      else {
        shadow?.children.push(child);
        if (child.type === 'leafDirective' && directiveSpec(child.name)) {
          if (proseHeading && !proseHeading.reported) {
            proseHeading.reported = true;
            this.report(
              'task-without-id',
              this.say('headingWithoutId', { title: proseHeading.text, directive: `::${child.name}`, id: suggestId(proseHeading.text) }),
              proseHeading.node,
            );
          } else if (!proseHeading) this.report('directive-outside-task', this.say('directiveOutsideTask', { name: child.name }), child);
        }
        prose.push(child);
      }
    };
    return { add, finish: closeSection, drafts };
  }

  /** The whole tree's sections and task drafts (see sectionSplitter). */
  protected splitSections(document: Document | null, children: RootContent[]): TaskDraft[] {
    const split = this.sectionSplitter(document);
    for (const child of children) split.add(child);
    split.finish();
    return split.drafts;
  }

  protected taskShell(id: string, title: string, section: Section | null, document: Document | null, heading: Heading, situation = false): Task {
    return {
      id,
      kind: section?.kind === 'situations' || situation ? 'situation' : 'task',
      title,
      file: this.source.path,
      document: document?.id ?? '',
      section: section?.title ?? '',
      position: this.pos(heading),
      schedules: [],
      entry: null,
    };
  }

  protected headingText(heading: Heading) {
    const raw = plainText(heading);
    return splitTrailingAttributes(raw);
  }

  protected taskReview(attributes: Map<string, string>, at: Nodes): Task['review'] | undefined {
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
}

/** A file whose compile, task by task while it is split, could differ from the whole file's: compile it whole. */
export class OrderDependentError extends Error {
  constructor() {
    super('a task heading claims an id that a node before it took');
  }
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
