import { sectionId } from '../../graph/section-id.js';
import type { Document, Graph, Section } from '../../graph/types.js';
import { jsonText } from '../../render/json-text.js';
import { showMessages } from '../../i18n/show-messages.js';
import { exitCodes } from '../errors.js';
import { type Io } from '../io.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { readLinkedFile, renderFileMarkdown, renderProse } from '../../render/linked-file.js';
import type { LinkedFileRef } from '../../graph/linked-files.js';
import { linkCommand } from '../../render/link-command.js';

export interface ShowContext {
  io: Io;
  graph: Graph;
  /** Absolute path of the instructions root. */
  root: string;
  lang: string | undefined;
  json: boolean;
  /** The linked files that exist (templates, price lists): links to them are shown with the command that opens them. */
  files?: LinkedFileRef[];
}

/** A link in `base` as the command that opens it (instr show …). */
function opener(ctx: Pick<ShowContext, 'graph' | 'files'>, base: string): (url: string) => string | null {
  return (url) => linkCommand(url, base, ctx.graph, ctx.files ?? []);
}

/** A section: its heading, its prose rendered for the terminal, and the tasks it holds. */
export function showSection(section: Section, document: Document, ctx: ShowContext): number {
  const { io, graph } = ctx;
  if (ctx.json) {
    io.out(jsonText({ kind: 'section', document: document.id, section }));
    return exitCodes.ok;
  }
  const t = showMessages(ctx.lang ?? document.lang);
  const c = io.color;
  io.out(`${sectionLines(section, document, ctx).join('\n')}\n`);
  const tasks = graph.tasks.filter((x) => section.tasks.includes(x.id) && x.file === document.file);
  if (tasks.length > 0) {
    io.out(`\n${c.underline(t.tasks)}\n`);
    const width = Math.min(24, Math.max(...tasks.map((x) => x.id.length)));
    for (const task of tasks) io.out(`  ${c.cyan(task.id.padEnd(width))}  ${terminalSafe(task.title)}\n`);
  }
  return exitCodes.ok;
}

/** The heading line and rendered prose of a section, as the run's reference screen also shows it. */
function sectionLines(section: Section, document: Document, ctx: Pick<ShowContext, 'io' | 'root' | 'graph' | 'files'>): string[] {
  const c = ctx.io.color;
  const lines = [
    `${c.bold(terminalSafe(section.title))} ${c.dim(`#${sectionId(section)}${section.kind ? ` · .${section.kind}` : ''} · ${document.file}:${section.position.line}`)}`,
  ];
  if (section.content) {
    lines.push('');
    lines.push(
      ...renderProse(section.content, {
        color: c,
        root: ctx.root,
        cwd: ctx.io.cwd,
        columns: ctx.io.columns,
        base: document.file,
        open: opener(ctx, document.file),
      }),
    );
  }
  return lines;
}

/** A whole instruction: its title, who it is for, and its contents — sections and the tasks in each. */
export function showDocument(document: Document, ctx: ShowContext): number {
  const { io, graph } = ctx;
  if (ctx.json) {
    io.out(
      jsonText({
        kind: 'document',
        document: document.id,
        title: document.title,
        sections: document.sections.map((s) => ({ id: s.id, title: s.title, kind: s.kind, tasks: s.tasks })),
      }),
    );
    return exitCodes.ok;
  }
  const t = showMessages(ctx.lang ?? document.lang);
  const c = io.color;
  io.out(`${c.bold(terminalSafe(document.title))} ${c.dim(`#${document.id} · ${document.file}`)}\n`);
  if (document.role) io.out(`${c.dim(`${t.role}:`)} ${terminalSafe(document.role)}\n`);
  if (document.owner) {
    const owner = document.roles[document.owner];
    io.out(`${c.dim(`${t.owner}:`)} ${terminalSafe(owner ? [owner.title, owner.name].filter(Boolean).join(', ') : document.owner)}\n`);
  }
  const intro = document.sections.find((s) => s.kind === 'intro');
  if (intro?.content) {
    io.out('\n');
    io.out(
      `${renderProse(intro.content, { color: c, root: ctx.root, cwd: io.cwd, columns: io.columns, base: document.file, open: opener(ctx, document.file) }).join('\n')}\n`,
    );
  }
  io.out(`\n${c.underline(t.sections)}\n`);
  const sections = document.sections.filter((s) => s.kind !== 'intro');
  const taskIds = graph.tasks.filter((x) => x.file === document.file).map((x) => x.id);
  const width = Math.min(32, Math.max(0, ...sections.map((s) => sectionId(s).length), ...taskIds.map((id) => id.length + 2)));
  for (const section of sections) {
    io.out(`  ${c.cyan(sectionId(section).padEnd(width))}  ${c.bold(terminalSafe(section.title))}${section.kind ? c.dim(` .${section.kind}`) : ''}\n`);
    for (const id of section.tasks) {
      const task = graph.tasks.find((x) => x.id === id && x.file === document.file);
      if (task) io.out(`    ${c.cyan(task.id.padEnd(width - 2))}  ${terminalSafe(task.title)}\n`);
    }
  }
  return exitCodes.ok;
}

/** A linked file (template, price list, sample), laid out for the terminal. */
export function showFile(path: string, ctx: ShowContext): number {
  const { io } = ctx;
  const text = readLinkedFile(ctx.root, path);
  if (ctx.json) {
    io.out(jsonText({ kind: 'file', path, text }));
    return exitCodes.ok;
  }
  io.out(
    `${io.color.dim(path)}\n\n${renderFileMarkdown(text, { color: io.color, root: ctx.root, cwd: io.cwd, columns: io.columns, base: path, open: opener(ctx, path) }).join('\n')}\n`,
  );
  return exitCodes.ok;
}
