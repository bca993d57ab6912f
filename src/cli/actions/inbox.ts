import { UnsafePathError } from '../../fs/safe-open.js';
import { readMessages } from '../../i18n/read-messages.js';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { ExitError, exitCodes } from '../errors.js';
import { fill, showMessages } from '../../i18n/show-messages.js';
import type { Io } from '../io.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { loadInstructions } from '../load.js';
import { choice } from './journal-flags.js';
import { openJournal } from './journal-store.js';
import type { Graph } from '../../graph/types.js';
import { formatDuration } from '../../i18n/duration.js';
import { messages } from '../../i18n/messages.js';
import { serverMessages } from '../../journal/postgres/messages.js';
import { listDrafts, withoutHeader } from '../../inbox/list.js';
import { inboxMessages } from '../../inbox/messages.js';
import { inboxQuestions, type InboxQuestion } from '../../report/questions.js';
import { jsonText } from '../../render/json-text.js';
import { documentZone } from '../../schedule/task-zone.js';
import { localDate, localDateTime } from '../../schedule/zone.js';

export interface InboxFlags {
  format: string;
  json?: boolean;
  lang?: string;
  journal?: string;
  /** Answered questions too (with their answers). */
  all?: boolean;
  /** `inbox answer`: the answer, and who gives it. */
  note?: string;
  user?: string;
}

export async function inboxCommand(paths: string[], flags: InboxFlags, io: Io): Promise<number> {
  const format = flags.json ? 'json' : choice(flags.format, ['text', 'json'], '--format');
  if (paths[0] === 'show') return showEntry(paths[1], paths.slice(2), format, flags, io);
  if (paths[0] === 'answer') return (await import('./inbox-answer.js')).answerQuestion(paths[1], paths.slice(2), { ...flags, format }, new Date(), io);
  // The drafts are listed even when an instruction does not compile: lint reports that.
  const { graph, root } = await loadInstructions(paths, io, { requireClean: false });
  const listed = await listDrafts(root);
  const { problems } = listed;
  const lang = flags.lang ?? graph.documents[0]?.lang ?? 'en';
  const { serverDrafts } = await import('./inbox-server.js');
  const drafts = [...listed.drafts, ...(await serverDrafts(io, flags.journal, lang, graph, listed.drafts))].sort(
    (a, b) => a.captured.localeCompare(b.captured) || a.file.localeCompare(b.file),
  );
  const base = relative(io.cwd, root);
  const shown = (file: string) => (base ? `${base}/${file}` : file).split('\\').join('/');
  const t = messages(lang);
  const q9 = inboxMessages(lang);
  const everyQuestion = await journalQuestions(io, flags.journal, lang, graph);
  // answered questions are closed: listed only with --all (and always in --json, with their answers)
  const questions = flags.all || format === 'json' ? everyQuestion : everyQuestion.filter((q) => !q.answer);
  const hidden = everyQuestion.length - questions.length;
  for (const p of problems) io.err(`${io.color.yellow('instr:')} ${terminalSafe(shown(p.file))}: ${terminalSafe(q9[p.code])}\n`);
  if (format === 'json') {
    io.out(
      jsonText({
        drafts: drafts.map((d) => ('remote' in d ? d : { ...d, file: shown(d.file) })),
        questions,
        problems: problems.map((p) => ({ ...p, file: shown(p.file) })),
      }),
    );
    return exitCodes.ok;
  }
  const c = io.color;
  if (drafts.length === 0 && questions.length === 0) {
    io.out(`${t.inboxEmpty}\n`);
    if (hidden > 0) io.out(`${c.dim(fill(q9.answeredHidden, { n: hidden }))}\n`);
    return exitCodes.ok;
  }
  const age = (days: number) => (days === 0 ? `< ${formatDuration('P1D', lang)}` : formatDuration(`P${days}D`, lang));
  if (drafts.length > 0) io.out(`${c.bold(t.inboxTitle)} (${drafts.length})\n\n`);
  const ages = drafts.map((d) => age(d.ageDays));
  const ageWidth = Math.max(0, ...ages.map((a) => a.length));
  const taskWidth = Math.max(...drafts.map((d) => (d.task ?? t.inboxGeneral).length));
  drafts.forEach((d, i) => {
    const age = ages[i]!.padEnd(ageWidth);
    const old = d.ageDays >= 14 ? c.red(age) : d.ageDays >= 7 ? c.yellow(age) : age;
    io.out(
      `  ${dayOf(d.captured, zoneOf(graph, d.task ?? null))}  ${old}  ${c.cyan(terminalSafe(d.task ?? t.inboxGeneral).padEnd(taskWidth))}  ${terminalSafe(d.title)}\n`,
    );
    const where = 'remote' in d ? `${terminalSafe(d.file)} (${serverMessages(lang).onServer})` : terminalSafe(shown(d.file));
    io.out(`  ${' '.repeat(10 + ageWidth + 4)}${c.dim(`${d.user ? `${terminalSafe(d.user)} · ` : ''}${where}`)}\n`);
  });
  if (questions.length > 0) {
    io.out(`${drafts.length > 0 ? '\n' : ''}${c.bold(q9.questionsTitle)} (${questions.length})\n\n`);
    const qAges = questions.map((q) => age(q.ageDays));
    const width = Math.max(...qAges.map((a) => a.length));
    const pad = ' '.repeat(10 + width + 4);
    questions.forEach((q, i) => {
      const step = q.stepText === null ? c.yellow(`(${q9.stepGone})`) : `${q9.step} ${q.step ?? '?'}. ${terminalSafe(oneLine(q.stepText, 60))}`;
      io.out(`  ${dayOf(q.at, zoneOf(graph, q.task))}  ${qAges[i]!.padEnd(width)}  ${c.cyan(terminalSafe(q.task))}  ${step}\n`);
      io.out(`  ${pad}${c.yellow('?')} ${terminalSafe(oneLine(q.note, 200))}\n`);
      if (q.answer) io.out(`  ${pad}${c.green('✔')} ${terminalSafe(oneLine(q.answer.text, 200))}\n`);
      io.out(`  ${pad}${c.dim(`${q.about ? `${terminalSafe(q.about)} · ` : ''}${q.user ? `${terminalSafe(q.user)} · ` : ''}${q.id}`)}\n`);
    });
  }
  if (hidden > 0) io.out(`\n${c.dim(fill(q9.answeredHidden, { n: hidden }))}\n`);
  return exitCodes.ok;
}

/** The questions noted during runs of these instructions; an unreadable journal is said, not fatal. */
async function journalQuestions(io: Io, flag: string | undefined, lang: string, graph: Graph): Promise<InboxQuestion[]> {
  try {
    const journal = await openJournal(io, flag, lang);
    try {
      return inboxQuestions(graph, await journal.store.questions());
    } finally {
      await journal.store.close();
    }
  } catch (error) {
    if (error instanceof ExitError) throw error;
    const said =
      error instanceof UnsafePathError
        ? readMessages(lang).unsafeKept(relative(io.cwd, error.path) || error.path, error.reason, error.message)
        : error instanceof Error
          ? error.message
          : String(error);
    io.err(`${io.color.yellow('instr:')} ${terminalSafe(said)}\n`);
    return [];
  }
}

function oneLine(text: string, max: number): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return [...s].length > max
    ? `${[...s]
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`
    : s;
}

/** `instr inbox show ID`: one draft, whole, ready to paste into the instruction; or one question with its step. */
async function showEntry(query: string | undefined, paths: string[], format: string, flags: InboxFlags, io: Io): Promise<number> {
  const { graph, root } = await loadInstructions(paths.length ? paths : ['instructions'], io, { requireClean: false });
  const lang = flags.lang ?? graph.documents[0]?.lang ?? 'en';
  const t = showMessages(lang);
  const { drafts } = await listDrafts(root);
  const questions = await journalQuestions(io, flags.journal, lang, graph);
  const q = (query ?? '').trim();
  const draftMatches = q
    ? drafts.filter((d) => d.id === q || d.id?.endsWith(`-${q}`) || d.file === q || d.file.endsWith(`/${q}`) || d.file.replace(/\.md$/, '').endsWith(q))
    : [];
  const questionMatches = q ? questions.filter((x) => x.id === q) : [];
  const count = draftMatches.length + questionMatches.length;
  if (count !== 1) {
    const everything = [...drafts.map((d) => ({ id: d.id ?? d.file, title: d.title })), ...questions.map((x) => ({ id: x.id, title: oneLine(x.note, 60) }))];
    const listed =
      count > 1
        ? [...draftMatches.map((d) => ({ id: d.id ?? d.file, title: d.title })), ...questionMatches.map((x) => ({ id: x.id, title: x.note }))]
        : everything;
    const list = listed.map((d) => `  ${terminalSafe(d.id)}  ${terminalSafe(d.title)}`).join('\n');
    const head = count > 1 ? fill(t.ambiguous, { q: terminalSafe(q) }) : `${fill(t.notFound, { q: terminalSafe(q) })}${listed.length ? ` ${t.known}` : ''}`;
    throw new ExitError(`${head}${list ? `\n${list}` : ''}`, exitCodes.usage);
  }
  const question = questionMatches[0];
  if (question) return showQuestion(question, format, lang, io, zoneOf(graph, question.task));
  const draft = draftMatches[0]!;
  const text = await readFile(join(root, draft.file), 'utf8');
  if (format === 'json') {
    io.out(jsonText({ ...draft, text }));
    return exitCodes.ok;
  }
  io.out(`${io.color.dim(terminalSafe(draft.file))}\n\n${terminalSafe(withoutHeader(text))}`);
  return exitCodes.ok;
}

function showQuestion(q: InboxQuestion, format: string, lang: string, io: Io, zone: string): number {
  if (format === 'json') {
    io.out(jsonText({ kind: 'question', ...q }));
    return exitCodes.ok;
  }
  const c = io.color;
  const q9 = inboxMessages(lang);
  io.out(`${c.bold(terminalSafe(q.taskTitle))}${q.about ? ` — ${terminalSafe(q.about)}` : ''} ${c.dim(`#${terminalSafe(q.task)}`)}\n`);
  io.out(
    q.stepText === null ? `${c.yellow(q9.stepGone)} ${c.dim(`(${terminalSafe(q.node)})`)}\n` : `${q9.step} ${q.step ?? '?'}. ${terminalSafe(q.stepText)}\n`,
  );
  io.out(`\n${c.yellow(`${q9.question}:`)} ${terminalSafe(q.note)}\n\n`);
  if (q.answer)
    io.out(
      `${c.green(`${q9.answer}:`)} ${terminalSafe(q.answer.text)}\n${c.dim(`${q9.answeredBy} ${timeOf(q.answer.at, zone)}${q.answer.user ? ` · ${terminalSafe(q.answer.user)}` : ''}`)}\n\n`,
    );
  io.out(`${c.dim(`${q9.asked} ${timeOf(q.at, zone)}${q.user ? ` · ${terminalSafe(q.user)}` : ''} · ${q9.run} ${terminalSafe(q.run)} · ${q.id}`)}\n`);
  return exitCodes.ok;
}

/** The zone a run's times are shown in: its instruction's, else the machine's (UTC only in JSON). */
function zoneOf(graph: Graph, task: string | null): string {
  const file = graph.tasks.find((t) => t.id === task)?.file;
  return documentZone(graph.documents.find((d) => d.file === file) ?? graph.documents[0]);
}

function dayOf(iso: string, zone: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso.slice(0, 10) : localDate(t, zone);
}

function timeOf(iso: string, zone: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : localDateTime(t, zone);
}
