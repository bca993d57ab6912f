/**
 * The interactive UI: each prompt printed for the terminal, then an inquirer menu of what one can
 * do. Imported only by `instr run` in a terminal (inquirer is not loaded otherwise).
 */
import input from '@inquirer/input';
import select, { Separator } from '@inquirer/select';
import type { ChalkInstance } from 'chalk';
import { nodeRoleMentions } from '../analyze/role-mentions.js';
import type { Graph } from '../graph/types.js';
import { waitDeadlineText, waitTimeoutText } from '../i18n/wait-text.js';
import { indexGraph } from '../graph/query.js';
import { stepNumbers } from '../render/checklist.js';
import { contactLabel, roleContactsLine } from '../render/role-contacts.js';
import { LinkedFileError, readLinkedFile, renderFileMarkdown } from '../render/linked-file.js';
import { readMessages } from '../i18n/read-messages.js';
import { documentZone } from '../schedule/task-zone.js';
import { localDate, localDateTime, localParts, hhmm } from '../schedule/zone.js';
import { timeMessages } from '../i18n/time-messages.js';
import { terminalSafe } from '../text/terminal-safe.js';
import type { Answer } from './engine.js';
import type { Action, Driver, Gap, Open } from './drive.js';
import { parseHappened, parseUntil } from './happened.js';
import { renderMarkdown } from '../render/markdown.js';
import { documentOf, nodeReferences, referenceSections, type Reference } from './reference.js';
import type { RunMessages } from './messages.js';
import type { RunSession } from './session.js';
import { foundLabel, taskSheet, type FindInInstruction, type Found } from './reference-search.js';
import { wrapLines } from '../render/wrap.js';

export interface UiContext {
  graph: Graph;
  color: ChalkInstance;
  t: RunMessages;
  lang: string;
  root: string;
  cwd: string;
  /** Terminal width, for wrapping. */
  columns: number;
  out(text: string): void;
  /** Long text (a template, a section): paged at a terminal, else printed. */
  page?(text: string): void;
  /** The instruction's search (the one `instr search` uses), offered inside the reference menu. */
  find?: FindInInstruction;
}

type Choice =
  | 'done'
  | 'skip'
  | 'unclear'
  | 'back'
  | 'not-covered'
  | 'pause'
  | 'confirm'
  | 'no'
  | 'value'
  | 'ack'
  | 'arrived'
  | 'timeout'
  | 'suspend'
  | 'reference'
  | 'search'
  | `option:${string}`
  | `open:${number}`
  | `kept:${string}`;

/** Inquirer's theme drawn with our colour instance, so NO_COLOR and non-TTY output stay plain. */
export function inquirerTheme(c: ChalkInstance, t?: RunMessages) {
  const actions: Record<string, string> = t ? { navigate: t.keyNavigate, select: t.keySelect } : {};
  return {
    prefix: { idle: c.blue('?'), done: c.green('✔') },
    style: {
      answer: (s: string) => c.cyan(s),
      message: (s: string) => c.bold(s),
      error: (s: string) => c.red(`> ${s}`),
      defaultAnswer: (s: string) => c.dim(`(${s})`),
      help: (s: string) => c.dim(s),
      highlight: (s: string) => c.cyan(s),
      key: (s: string) => c.cyan(c.bold(`<${s}>`)),
      description: (s: string) => c.dim(s),
      disabled: (s: string) => c.dim(s),
      keysHelpTip: (keys: Array<[string, string]>) => c.dim(keys.map(([key, action]) => `${key} ${actions[action] ?? action}`).join(' • ')),
    },
  };
}

export function isPromptExit(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

export class InteractiveDriver implements Driver {
  private shown = '';
  private readonly theme;
  private readonly titles = new Map<string, string | null>();

  /** Each node's number as `instr show` prints it ("7.a.1"). */
  private readonly numbers: Map<string, string>;

  constructor(private readonly ui: UiContext) {
    this.theme = inquirerTheme(ui.color, ui.t);
    this.numbers = stepNumbers(indexGraph(ui.graph));
  }

  async next(prompt: Open, session: RunSession): Promise<Action> {
    try {
      return await this.ask(prompt, session);
    } catch (error) {
      if (isPromptExit(error)) return { kind: 'pause', interrupted: true };
      throw error;
    }
  }

  rejected(error: string): null {
    this.ui.out(`${this.ui.color.red('✗')} ${terminalSafe(error)}\n`);
    return null;
  }

  private async ask(prompt: Open, session: RunSession): Promise<Action> {
    const key = `${prompt.node.id}:${session.state.path.length}`;
    if (key !== this.shown) {
      this.shown = key;
      const lines = this.describe(prompt, session);
      if (lines.length) this.ui.out(`\n${wrapLines(lines, this.ui.columns).join('\n')}\n`);
    }
    const { t } = this.ui;
    const canGoBack = session.state.history.length > 0;
    const references = nodeReferences(this.ui.graph, prompt.node);
    // The reference menu only where the document has reference sections; without them its search
    // is offered directly, last, so the menus of short documents keep their order.
    const hasReference = referenceSections(documentOf(this.ui.graph, prompt.node)).length > 0;
    const searchDirectly = !hasReference && this.ui.find !== undefined;
    const opens = references.map((r, i) => ({
      value: `open:${i}` as Choice,
      name:
        r.kind === 'file'
          ? `${t.openFile} ${terminalSafe(this.fileTitle(r.path) ?? r.label)} (${terminalSafe(r.path)})`
          : `${t.openSection} «${terminalSafe(r.section.title)}»`,
    }));
    const tail = (): Array<{ value: Choice; name: string; disabled?: boolean } | Separator> => [
      ...(opens.length > 0 ? [new Separator(), ...opens] : []),
      new Separator(),
      ...(canGoBack ? [{ value: 'back' as Choice, name: t.back }] : []),
      ...(hasReference ? [{ value: 'reference' as Choice, name: t.reference }] : []),
      { value: 'not-covered', name: t.notCovered },
      { value: 'pause', name: t.pause },
      ...(searchDirectly ? [{ value: 'search' as Choice, name: t.referenceSearch }] : []),
      // last, so the places of the other actions never move
      ...session
        .promises()
        .filter((p) => !p.kept && !p.dropped)
        .map((p) => ({ value: `kept:${p.node}` as Choice, name: `${timeMessages(this.ui.lang).promiseKeptChoice} ${terminalSafe(p.text)}` })),
    ];
    let message = t.whatNow;
    let choices: Array<{ value: Choice; name: string; disabled?: boolean } | Separator>;
    switch (prompt.kind) {
      case 'step':
        choices = [{ value: 'done', name: t.done }, { value: 'skip', name: t.skip }, { value: 'unclear', name: t.unclear }, ...tail()];
        break;
      case 'decision':
        message = terminalSafe(prompt.node.question);
        choices = [
          ...prompt.node.options.map((o) => ({
            value: `option:${o.id}` as Choice,
            name: terminalSafe(o.label),
            ...(o.note ? { description: terminalSafe(o.note.replace(/\s+/g, ' ')) } : {}),
          })),
          // the engine takes a question at a decision as at a step; the decision stays open (friend test)
          { value: 'unclear', name: t.unclear },
          ...tail(),
        ];
        break;
      case 'checkpoint':
        choices = [
          prompt.node.value ? { value: 'value', name: `${t.enterValue} ${terminalSafe(prompt.node.value)}` } : { value: 'confirm', name: t.confirm },
          { value: 'no', name: t.notDone },
          ...tail(),
        ];
        break;
      case 'escalation':
        choices = [{ value: 'ack', name: t.escalationDone }, ...tail()];
        break;
      case 'wait':
        choices = [
          { value: 'arrived', name: t.waitArrived },
          ...(prompt.node.onTimeout ? [{ value: 'timeout' as Choice, name: `${t.waitTimedOut} ${terminalSafe(prompt.node.onTimeout.label)}` }] : []),
          { value: 'suspend', name: t.waitSuspend },
          ...tail(),
        ];
        break;
    }
    const choice = await select<Choice>({ message, choices, pageSize: 14, loop: false, theme: this.theme });
    if (choice.startsWith('open:')) {
      const reference = references[Number(choice.slice('open:'.length))];
      if (reference) this.open(reference);
      return this.ask(prompt, session);
    }
    if (choice.startsWith('kept:')) {
      if (session.keepPromise(choice.slice('kept:'.length))) this.ui.out(`${this.ui.color.green('✔')} ${timeMessages(this.ui.lang).promiseKeptNoted}\n`);
      return this.ask(prompt, session);
    }
    if (choice === 'reference') {
      await this.referenceMenu(prompt);
      return this.ask(prompt, session);
    }
    if (choice === 'search') {
      await this.searchInstruction();
      return this.ask(prompt, session);
    }
    return this.act(choice, prompt, session);
  }

  private async act(choice: Choice, prompt: Open, session: RunSession): Promise<Action> {
    const { t } = this.ui;
    const answer = (a: Answer): Action => ({ kind: 'answer', answer: a });
    if (choice.startsWith('option:')) return answer({ type: 'choose', option: choice.slice('option:'.length) });
    switch (choice) {
      case 'done':
        return answer({ type: 'done' });
      case 'skip':
        return answer({ type: 'skip', reason: await this.text(t.skipReason, t.reasonRequired) });
      case 'unclear': {
        const note = await this.text(t.unclearNote, t.noteRequired);
        this.ui.out(`${this.ui.color.dim(prompt.kind === 'decision' ? t.noteSavedDecision : t.noteSaved)}\n`);
        return answer({ type: 'unclear', note });
      }
      case 'back':
        return answer({ type: 'back' });
      case 'pause':
        return this.pauseUntil(prompt, session);
      case 'confirm':
        return answer({ type: 'confirm', confirmed: true });
      case 'no':
        // a checkpoint must be true before the run goes on: not done, the run pauses at it
        return { kind: 'pause', unconfirmed: true };
      case 'value': {
        const name = prompt.kind === 'checkpoint' && prompt.node.value ? terminalSafe(prompt.node.value) : t.checkpoint;
        return answer({ type: 'confirm', confirmed: true, value: await this.text(name, t.valueRequired) });
      }
      case 'ack':
        return answer({ type: 'ack' });
      case 'arrived':
        return answer(await this.happened(prompt, session));
      case 'timeout':
        return answer({ type: 'timeout' });
      case 'suspend':
        return { kind: 'suspend' };
      case 'not-covered':
        return { kind: 'not-covered', gap: await this.gap(prompt) };
    }
    return { kind: 'pause' };
  }

  /**
   * "This is not in the instruction", the way the firm's gap procedure has it: the procedure first,
   * then what happened; who decided and what was done only once something has been decided; then
   * back to the step, or the end of the run with the outcome "not covered".
   */
  private async gap(prompt: Open): Promise<Gap> {
    const { t, color: c } = this.ui;
    const procedure = this.gapProcedure(prompt.node.position.file);
    this.ui.out(`\n${wrapLines(procedure.length > 0 ? procedure : [c.yellow(t.notCoveredNoProcedure)], this.ui.columns).join('\n')}\n\n`);
    const description = await this.text(t.notCoveredWhat, t.descriptionRequired);
    const gap: Gap = { description, actions: [], end: false };
    const decided = await select<boolean>({
      message: t.notCoveredDecided,
      choices: [
        { value: true, name: t.notCoveredDecidedYes },
        { value: false, name: t.notCoveredDecidedNo },
      ],
      loop: false,
      theme: this.theme,
    });
    if (decided) {
      gap.decidedBy = await this.text(t.notCoveredWho, t.notCoveredWhoRequired);
      this.ui.out(`${c.dim(t.notCoveredDid)}\n`);
      for (let i = 1; i <= 30; i++) {
        const line = (await input({ message: `${i}.`, theme: this.theme })).trim();
        if (!line) break;
        gap.actions.push(line);
      }
      const result = (await input({ message: t.notCoveredResult, theme: this.theme })).trim();
      if (result) gap.result = result;
    }
    const number = this.numbers.get(prompt.node.id);
    const back = number ? `${t.notCoveredBack} (${t.stepOf} ${number})` : t.notCoveredBack;
    gap.end = await select<boolean>({
      message: t.notCoveredThen,
      choices: [
        { value: false, name: back },
        { value: true, name: t.notCoveredEnd },
      ],
      loop: false,
      theme: this.theme,
    });
    return gap;
  }

  /** A linked file's first heading ("Скрипт приветствия"), read once; null when it has none or cannot be read. */
  private fileTitle(path: string): string | null {
    if (!this.titles.has(path)) {
      let title: string | null = null;
      try {
        title = /^#{1,3}[ \t]+(.+?)[ \t#]*$/m.exec(readLinkedFile(this.ui.root, path))?.[1] ?? null;
      } catch {
        // the menu falls back to the link's text; opening it says what is wrong
      }
      this.titles.set(path, title);
    }
    return this.titles.get(path) ?? null;
  }

  /** The document's reference sections and the search as a menu; what is chosen is shown, then the run goes on. */
  private async referenceMenu(prompt: Open): Promise<void> {
    const { t } = this.ui;
    const document = documentOf(this.ui.graph, prompt.node);
    const sections = referenceSections(document);
    const searchEntry = -2;
    const chosen = await select<number>({
      message: t.referenceWhich,
      choices: [
        ...sections.map((s, i) => ({ value: i, name: `${terminalSafe(s.title)}${s.kind ? ` (.${s.kind})` : ''}` })),
        ...(this.ui.find ? [{ value: searchEntry, name: t.referenceSearch }] : []),
        new Separator(),
        { value: -1, name: t.referenceBack },
      ],
      pageSize: 14,
      loop: false,
      theme: this.theme,
    });
    if (chosen === searchEntry) return this.searchInstruction();
    const section = sections[chosen];
    if (section && document) this.open({ kind: 'section', section, document });
  }

  /** Words → the best results → one opened through the pager (a task as its checklist); nothing is journaled. */
  private async searchInstruction(): Promise<void> {
    const { t, color: c } = this.ui;
    const find = this.ui.find;
    if (!find) return;
    for (;;) {
      const query = (await input({ message: t.referenceSearchAsk, theme: this.theme })).trim();
      if (!query) return;
      const results = await find(query);
      if (results.length === 0) {
        this.ui.out(`${c.yellow(t.referenceSearchNothing)} «${terminalSafe(query)}»\n`);
        continue;
      }
      const kinds = { task: t.referenceKindTask, section: t.referenceKindSection, file: t.referenceKindFile };
      const picked = await select<number>({
        message: t.referenceSearchWhich,
        choices: [
          ...results.map((r, i) => ({ value: i, name: foundLabel(r, kinds), description: terminalSafe(r.context) })),
          new Separator(),
          { value: -2, name: t.referenceSearchAgain },
          { value: -1, name: t.referenceBack },
        ],
        pageSize: 14,
        loop: false,
        theme: this.theme,
      });
      const result = results[picked];
      if (result) return this.openFound(result);
      if (picked === -1) return;
    }
  }

  private openFound(found: Found): void {
    if (found.kind === 'section') return this.open({ kind: 'section', section: found.section, document: found.document });
    if (found.kind === 'file') return this.open({ kind: 'file', path: found.path, label: found.title });
    const text = `\n${taskSheet(this.ui.graph, found.task, this.ui.lang, this.ui.color, this.ui.t.referenceRunLater).join('\n')}\n\n`;
    if (this.ui.page) this.ui.page(text);
    else this.ui.out(text);
  }

  /** A linked file or a section, laid out for the terminal and paged when longer than the screen. */
  private open(reference: Reference): void {
    const { color: c, root, cwd, columns } = this.ui;
    let lines: string[];
    if (reference.kind === 'file') {
      try {
        const text = readLinkedFile(root, reference.path);
        lines = [c.dim(terminalSafe(reference.path)), '', ...renderFileMarkdown(text, { color: c, root, cwd, columns, base: reference.path })];
      } catch (error) {
        const why =
          error instanceof LinkedFileError
            ? readMessages(this.ui.lang).linkedFile(error.path, error.reason)
            : error instanceof Error
              ? error.message
              : String(error);
        this.ui.out(`${c.red('✗')} ${terminalSafe(why)}\n`);
        return;
      }
    } else {
      const { section, document } = reference;
      lines = [
        `${c.bold(terminalSafe(section.title))} ${c.dim(`${document.file}:${section.position.line}`)}`,
        '',
        ...renderFileMarkdown(section.content, { color: c, root, cwd, columns, base: document.file }),
      ];
    }
    const text = `\n${lines.join('\n')}\n\n`;
    if (this.ui.page) this.ui.page(text);
    else this.ui.out(text);
  }

  /** The firm's own procedure for situations the instruction does not cover: the section of class `gaps` of the prompt's document. */
  private gapProcedure(file: string): string[] {
    const { graph, color: c } = this.ui;
    const doc = graph.documents.find((d) => d.file === file);
    const section = doc?.sections.find((s) => s.kind === 'gaps');
    if (!doc || !section) return [];
    const body = renderMarkdown(section.content, { color: c, root: this.ui.root, cwd: this.ui.cwd, links: section.links ?? [], base: doc.file });
    return [c.bold(terminalSafe(section.title)), ...body.map((l) => `  ${l}`)];
  }

  /** "Until when?": a pause may say when to pick the run up again; empty: no date. */
  private async pauseUntil(prompt: Open, session: RunSession): Promise<Action> {
    const { t } = this.ui;
    const now = session.now().getTime();
    const doc = this.ui.graph.documents.find((d) => d.file === prompt.node.position.file);
    const zone = documentZone(doc);
    const open = /^(\d{2}:\d{2})-/.exec(doc?.hours?.open ?? '')?.[1] ?? '09:00';
    const read = (v: string) => parseUntil(v, now, zone, open);
    const text = await input({
      message: t.pauseUntilAsk,
      theme: this.theme,
      validate: (v) => {
        if (!v.trim()) return true;
        const r = read(v);
        return r.ok ? true : `${v.trim()} ${r.error === 'past' ? t.pauseUntilPast : t.happenedFormat}`;
      },
    });
    const r = text.trim() ? read(text) : null;
    return r?.ok ? { kind: 'pause', until: new Date(r.at).toISOString() } : { kind: 'pause' };
  }

  /**
   * "When did it happen?": now, earlier today at a time, or another day. A deadline after the
   * wait counts from that moment, and is shown.
   */
  private async happened(prompt: Open, session: RunSession): Promise<Answer> {
    const { t, color: c } = this.ui;
    const when = await select<'now' | 'today' | 'other'>({
      message: t.happenedWhen,
      choices: [
        { value: 'now', name: t.happenedNow },
        { value: 'today', name: t.happenedToday },
        { value: 'other', name: t.happenedOther },
      ],
      loop: false,
      theme: this.theme,
    });
    const now = session.now().getTime();
    const zone = documentZone(this.ui.graph.documents.find((d) => d.file === prompt.node.position.file));
    let at = now;
    if (when !== 'now') {
      const read = (v: string) => parseHappened(when === 'today' && !v.includes(':') && !v.includes('.') ? `${v}:00` : v, now, zone);
      const text = await input({
        message: when === 'today' ? t.happenedTodayAsk : t.happenedOtherAsk,
        theme: this.theme,
        validate: (v) => {
          const r = read(v);
          return r.ok ? true : `${v.trim()} ${r.error === 'future' ? t.happenedFuture : t.happenedFormat}`;
        },
      });
      const r = read(text);
      if (r.ok) at = r.at;
    }
    if (prompt.kind === 'wait' && prompt.node.deadline) {
      const due = session.times.due(prompt.node.position.file, at, prompt.node.deadline);
      if (due !== null) {
        const show = (ms: number) => {
          const p = localParts(ms, zone);
          return `${localDate(ms, zone) === localDate(now, zone) ? '' : `${localDate(ms, zone)} `}${hhmm(p)}`;
        };
        this.ui.out(`${c.dim(t.happenedDeadline)} ${show(at)} → ${c.bold(show(due))}\n`);
      }
    }
    return at === now ? { type: 'arrived' } : { type: 'arrived', at: new Date(at).toISOString() };
  }

  private async text(message: string, required: string): Promise<string> {
    const value = await input({ message, theme: this.theme, validate: (v) => (v.trim() ? true : required) });
    return value.trim();
  }

  /** What the prompt says, before its menu. */
  private describe(prompt: Open, session: RunSession): string[] {
    const { color: c, t, graph, lang } = this.ui;
    const md = { color: c, root: this.ui.root, cwd: this.ui.cwd };
    const task = graph.tasks.find((x) => x.id === prompt.node.task);
    const lines: string[] = [];
    if (prompt.node.before) for (const l of renderMarkdown(prompt.node.before, { ...md, links: prompt.node.links ?? [] })) lines.push(c.italic(l));
    if (prompt.kind === 'decision' && session.state.stack.length === 0 && prompt.node.task === session.state.task) return lines;
    if (session.state.stack.length > 0 || prompt.node.task !== session.state.task) lines.push(c.dim(`[${terminalSafe(task?.title ?? prompt.node.task)}]`));
    switch (prompt.kind) {
      case 'step': {
        lines.push(c.bold(`${t.stepOf} ${this.numbers.get(prompt.node.id) ?? '?'}`));
        const body = renderMarkdown(prompt.node.markdown, { ...md, links: prompt.node.links ?? [] });
        const details = prompt.node.details ? renderMarkdown(prompt.node.details, { ...md, links: prompt.node.links ?? [] }) : [];
        for (const l of [...body, ...details]) lines.push(`  ${l}`);
        const promise = prompt.node.promise;
        if (promise) {
          const file = prompt.node.position.file;
          const due = session.times.promiseDue(file, session.now().getTime(), promise);
          const when = due === null ? terminalSafe(promise.due) : localDateTime(due, session.times.forFile(file).zone);
          lines.push(`  ${c.yellow('🤝')} ${c.bold(timeMessages(lang).promiseStep)} ${c.dim(`· ${timeMessages(lang).promiseDue}: ${when}`)}`);
        }
        break;
      }
      case 'decision':
        // the menu's own question says it
        break;
      case 'checkpoint':
        lines.push(
          `${c.green('☑')} ${c.bold(`${t.checkpoint}:`)} ${terminalSafe(prompt.node.text)}${prompt.node.value ? c.dim(` (${terminalSafe(prompt.node.value)})`) : ''}`,
        );
        break;
      case 'escalation': {
        const doc = graph.documents.find((d) => d.file === task?.file);
        const role = doc?.roles[prompt.node.role];
        lines.push(
          `${c.magenta('!')} ${c.bold(`${t.escalateTo}:`)} ${terminalSafe(role?.title ?? prompt.node.role)}${role?.name ? ` — ${terminalSafe(role.name)}` : ''}`,
        );
        lines.push(`  ${terminalSafe(prompt.node.reason)}`);
        const contacts = Object.entries(role?.contacts ?? {});
        if (contacts.length) {
          lines.push(`  ${c.dim(`${t.contacts}:`)}`);
          for (const [kind, value] of contacts) lines.push(`    ${terminalSafe(contactLabel(kind, lang))}: ${c.bold(terminalSafe(value))}`);
        }
        break;
      }
      case 'wait': {
        const extra: string[] = [];
        if (prompt.node.timeout) extra.push(waitTimeoutText(prompt.node.timeout, lang, prompt.node.onTimeout?.label));
        if (prompt.node.deadline) extra.push(waitDeadlineText(prompt.node.deadline, lang));
        lines.push(`${c.blue('⏳')} ${c.bold(`${t.waitFor}:`)} ${terminalSafe(prompt.node.event)}`);
        if (extra.length) lines.push(`  ${c.dim(extra.join('; '))}`);
        break;
      }
    }
    if (prompt.kind === 'step' || prompt.kind === 'checkpoint' || prompt.kind === 'wait') {
      // the contacts of a role the text names («написать главному бухгалтеру»)
      const doc = graph.documents.find((d) => d.file === prompt.node.position.file);
      for (const m of nodeRoleMentions(graph, prompt.node)) {
        const role = doc?.roles[m.role];
        if (role) lines.push(`  ${c.dim('☎')} ${c.dim(terminalSafe(roleContactsLine(role, lang)))}`);
      }
    }
    return lines;
  }
}
