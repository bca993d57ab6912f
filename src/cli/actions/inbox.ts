import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { ExitError, exitCodes } from '../errors.js';
import { fill, showMessages } from '../../i18n/show-messages.js';
import type { Io } from '../io.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { loadInstructions } from '../load.js';
import { choice } from './journal-flags.js';
import { formatDuration } from '../../i18n/duration.js';
import { messages } from '../../i18n/messages.js';
import { serverMessages } from '../../journal/postgres/messages.js';
import { listDrafts } from '../../inbox/list.js';
import { jsonText } from '../../render/json-text.js';

export interface InboxFlags {
  format: string;
  lang?: string;
  journal?: string;
}

export async function inboxCommand(paths: string[], flags: InboxFlags, io: Io): Promise<number> {
  if (paths[0] === 'show') return showDraft(paths[1], paths.slice(2), flags, io);
  const format = choice(flags.format, ['text', 'json'], '--format');
  // The drafts are listed even when an instruction does not compile: lint reports that.
  const { graph, root } = await loadInstructions(paths, io, { requireClean: false });
  const listed = await listDrafts(root);
  const { problems } = listed;
  const lang = flags.lang ?? graph.documents[0]?.lang ?? 'en';
  const { serverDrafts } = await import('./inbox-server.js');
  const drafts = [...listed.drafts, ...(await serverDrafts(io, flags.journal, lang, graph, listed.drafts))].sort((a, b) => a.captured.localeCompare(b.captured) || a.file.localeCompare(b.file));
  const base = relative(io.cwd, root);
  const shown = (file: string) => (base ? `${base}/${file}` : file).split('\\').join('/');
  const t = messages(lang);
  for (const p of problems) io.err(`${io.color.yellow('instr:')} ${terminalSafe(shown(p.file))}: ${terminalSafe(p.message)}\n`);
  if (format === 'json') {
    io.out(jsonText({ drafts: drafts.map((d) => ('remote' in d ? d : { ...d, file: shown(d.file) })), problems: problems.map((p) => ({ ...p, file: shown(p.file) })) }));
    return exitCodes.ok;
  }
  const c = io.color;
  if (drafts.length === 0) {
    io.out(`${t.inboxEmpty}\n`);
    return exitCodes.ok;
  }
  io.out(`${c.bold(t.inboxTitle)} (${drafts.length})\n\n`);
  const ages = drafts.map((d) => (d.ageDays === 0 ? `< ${formatDuration('P1D', lang)}` : formatDuration(`P${d.ageDays}D`, lang)));
  const ageWidth = Math.max(...ages.map((a) => a.length));
  const taskWidth = Math.max(...drafts.map((d) => (d.task ?? t.inboxGeneral).length));
  drafts.forEach((d, i) => {
    const age = ages[i]!.padEnd(ageWidth);
    const old = d.ageDays >= 14 ? c.red(age) : d.ageDays >= 7 ? c.yellow(age) : age;
    io.out(`  ${d.captured.slice(0, 10)}  ${old}  ${c.cyan(terminalSafe(d.task ?? t.inboxGeneral).padEnd(taskWidth))}  ${terminalSafe(d.title)}\n`);
    const where = 'remote' in d ? `${terminalSafe(d.file)} (${serverMessages(lang).onServer})` : terminalSafe(shown(d.file));
    io.out(`  ${' '.repeat(10 + ageWidth + 4)}${c.dim(`${d.user ? `${terminalSafe(d.user)} · ` : ''}${where}`)}\n`);
  });
  return exitCodes.ok;
}

/** `instr inbox show ID`: one draft, whole, ready to paste into the instruction. */
async function showDraft(query: string | undefined, paths: string[], flags: InboxFlags, io: Io): Promise<number> {
  const { graph, root } = await loadInstructions(paths.length ? paths : ['instructions'], io, { requireClean: false });
  const lang = flags.lang ?? graph.documents[0]?.lang ?? 'en';
  const t = showMessages(lang);
  const { drafts } = await listDrafts(root);
  const q = (query ?? '').trim();
  const matches = q ? drafts.filter((d) => d.id === q || d.id?.endsWith(`-${q}`) || d.file === q || d.file.endsWith(`/${q}`) || d.file.replace(/\.md$/, '').endsWith(q)) : [];
  if (matches.length !== 1) {
    const list = (matches.length > 1 ? matches : drafts).map((d) => `  ${terminalSafe(d.id ?? d.file)}  ${terminalSafe(d.title)}`).join('\n');
    const head = matches.length > 1 ? fill(t.ambiguous, { q: terminalSafe(q) }) : `${fill(t.notFound, { q: terminalSafe(q) })}${drafts.length ? ` ${t.known}` : ''}`;
    throw new ExitError(`${head}${list ? `\n${list}` : ''}`, exitCodes.usage);
  }
  const draft = matches[0]!;
  const text = await readFile(join(root, draft.file), 'utf8');
  if (flags.format === 'json') {
    io.out(jsonText({ ...draft, text }));
    return exitCodes.ok;
  }
  io.out(`${io.color.dim(terminalSafe(draft.file))}\n\n${terminalSafe(text.replace(/^<!-- instr-inbox [^\n]*-->\n/, ''))}`);
  return exitCodes.ok;
}
