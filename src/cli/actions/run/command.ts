/**
 * `instr run`: choose a task (or a run to resume), then drive it interactively or from an
 * answers file, journaling every event. The engine, the drivers and the session are in src/run/;
 * this is the command around them: arguments, the journal, messages and exit codes.
 */
import { osUser } from '../../os-user.js';
import { osErrorText } from '../../../i18n/os-error-text.js';
import type { FindInInstruction, Found } from '../../../run/reference-search.js';
import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { pickTask, taskQueryError } from '../../resolve-task.js';
import { ExitError, exitCodes } from '../../errors.js';
import type { Io } from '../../io.js';
import { loadInstructions } from '../../load.js';
import { findTasks } from '../../../graph/find-task.js';
import type { Graph, Task } from '../../../graph/types.js';
import { formatDuration } from '../../../i18n/duration.js';
import { writeDraft } from '../../../inbox/draft.js';
import { readRegularFile, UnsafePathError } from '../../../fs/safe-open.js';
import { lockRun, RunLockedError } from '../../../journal/run-lock.js';
import { RunElsewhereError } from '../../../journal/postgres/run-claim.js';
import { refusalText } from '../../../run/refusal-text.js';
import type { Refusal } from '../../../run/engine.js';
import type { JournalEvent } from '../../../journal/events.js';
import { openRunJournal, type RunJournal } from '../../../journal/run-journal.js';
import { groupRuns, readJournal } from '../../../journal/reader.js';
import { isOpenStatus, runStatus, type RunStatus } from '../../../journal/run-status.js';
import { JournalWriteError } from '../../../journal/writer.js';
import { terminalSafe } from '../../../text/terminal-safe.js';
import { keptProblem, MAX_ANSWERS_BYTES, parseAnswers, unknownKeys, type AnswersFile } from '../../../run/answers.js';
import { answersProblemText } from '../../../run/answers-messages.js';
import { cliMessages } from '../../../i18n/cli-messages.js';
import { readMessages } from '../../../i18n/read-messages.js';
import { skippedLineText } from '../../../i18n/journal-line-messages.js';
import { screenLanguage } from '../../screen-language.js';
import { resolveLanguage } from '../../../i18n/language.js';
import { drive, type Driver, type Gap, type Outcome } from '../../../run/drive.js';
import { isFinished, startRun } from '../../../run/engine.js';
import { fillRun, runMessages, type RunMessages } from '../../../run/messages.js';
import { contentHash, gitRevision, newRunId } from '../../../run/origin.js';
import { renderMarkdown } from '../../../render/markdown.js';
import { replayRun } from '../../../run/replay.js';
import { ScriptedDriver } from '../../../run/scripted.js';
import { RunSession } from '../../../run/session.js';
import { loadFirmDays } from '../../../calendar/firm-days.js';
import { WorkTimes } from '../../../calendar/work-times.js';
import { pathLine, type RunSummary, statusLabel, summarize, summaryLines } from '../../../run/summary.js';
import { wrapLines } from '../../../render/wrap.js';
import { jsonText } from '../../../render/json-text.js';
import { stepNumbers } from '../../../render/checklist.js';
import { indexGraph } from '../../../graph/query.js';
import { clockAt, nowFlagAtOrAfter } from '../../now.js';
import { documentZone } from '../../../schedule/task-zone.js';
import { localDateTime } from '../../../schedule/zone.js';
import { asksAbout, normalizeAbout } from '../../../run/about.js';
import { timeMessages } from '../../../i18n/time-messages.js';
import { promiseLines, runPromiseSummary } from './promise-lines.js';

const RUN_ID = /^\d{8}T\d{6}Z-[0-9a-f]+$/;

export interface RunFlags {
  answers?: string;
  json?: boolean;
  /** true: choose from a menu; a string: that run's id. */
  resume?: string | boolean;
  journal?: string;
  lang?: string;
  user?: string;
  /** What the run is about (its subject); asked at the start of an interactive run when left out. */
  about?: string;
  /** The moment the run acts at (--now; else INSTR_NOW; else the clock). */
  now?: string;
}

interface Ctx {
  io: Io;
  flags: RunFlags;
  graph: Graph;
  root: string;
  /** The local journal file every record is appended to first (with a server: its outbox). */
  journalFile: string;
  journal: RunJournal;
  answers: AnswersFile | null;
  /** Interactive menus are possible: stdin and stdout are terminals and no answers file is given. */
  interactive: boolean;
  stdinTTY: boolean;
  /** Time comes from here, never from the clock directly: --now / INSTR_NOW fix it. */
  clock: () => Date;
  /** A scripted run: the steps its answers file does not mention, taken as done (set with its driver). */
  assumed?: ReadonlySet<string>;
  /** Working time with the firm's own days (days-off.yaml): waits, deadlines and promises count with it. */
  times: WorkTimes;
}

export async function runCommand(query: string | undefined, paths: string[], flags: RunFlags, io: Io): Promise<number> {
  try {
    return await runOrResume(query, paths, flags, io);
  } catch (error) {
    // every answer is journaled before the next prompt; when that fails the run stops there
    if (error instanceof JournalWriteError) {
      // said in the screen's language: the run's instructions, as they were given
      const lang = await screenLanguage([...(query !== undefined ? [query] : []), ...paths, ...(flags.lang ? ['--lang', flags.lang] : [])], io.cwd);
      const cause = error.cause;
      const why = cause instanceof UnsafePathError ? readMessages(lang).unsafeKept(cause.path, cause.reason, cause.message) : osErrorText(cause, lang);
      throw new ExitError(`${readMessages(lang).journalNotWritten(error.path, why)}. ${runMessages(lang).journalFailed}`, exitCodes.findings);
    }
    throw error;
  }
}

async function runOrResume(query: string | undefined, paths: string[], flags: RunFlags, io: Io): Promise<number> {
  const stdinTTY = Boolean(process.stdin.isTTY);
  const resuming = flags.resume !== undefined && flags.resume !== false;
  if (resuming) {
    // With --resume there is no task: positional arguments are folders. Commander also takes
    // `--resume FOLDER` as the option's value; a run id looks like 20261127T101500Z-a1b2c3.
    const folders: string[] = [];
    if (typeof flags.resume === 'string' && !RUN_ID.test(flags.resume)) {
      folders.push(flags.resume);
      flags = { ...flags, resume: true };
    }
    if (query !== undefined) folders.push(query);
    if (folders.length > 0) paths = paths.length === 1 && paths[0] === 'instructions' ? folders : [...folders, ...paths];
    query = undefined;
  }
  // `instr run FOLDER`: a first argument that is an existing path (with a slash or .md) is not a task
  if (query !== undefined && (query.includes('/') || query.endsWith('.md')) && existsSync(resolve(io.cwd, query))) {
    paths = paths.length === 1 && paths[0] === 'instructions' ? [query] : [query, ...paths];
    query = undefined;
  }
  const { graph, root } = await loadInstructions(paths, io);
  // a run to resume is looked up first: a finished or unknown one says so, not "no terminal"
  if (!flags.answers && !stdinTTY && !resuming) {
    const named = query === undefined ? undefined : findTasks(graph, query)[0];
    throw new ExitError(runMessages(flags.lang ?? docLang(graph, named)).noTerminal, exitCodes.usage);
  }
  const answersLang = flags.lang ?? docLang(graph, query === undefined ? undefined : findTasks(graph, query)[0]);
  const clock = clockAt(flags.now, documentZone(graph.documents[0]));
  const answers = flags.answers ? await loadAnswers(flags.answers, io.cwd, graph, answersLang, clock()) : null;
  const firm = await loadFirmDays(root, answersLang);
  for (const problem of firm.problems) io.err(`instr: ${problem}\n`);
  const times = new WorkTimes(graph, firm.firm);
  const journal = await openRunJournal(io, flags.journal, () => flags.lang ?? docLang(graph, undefined));
  const ctx: Ctx = { io, flags, graph, root, journalFile: journal.file, journal, answers, interactive: !answers && stdinTTY, stdinTTY, clock, times };
  try {
    if (resuming) return await resume(ctx, typeof flags.resume === 'string' ? flags.resume : undefined);
    return await runTask(ctx, query);
  } finally {
    await journal.finish();
  }
}

async function runTask(ctx: Ctx, query: string | undefined): Promise<number> {
  const { flags, graph, root, answers } = ctx;
  const task = await chooseTask(ctx, query);
  if (!task) return exitCodes.ok;
  const lang = flags.lang ?? docLang(graph, task);
  const t = runMessages(lang);
  let about = normalizeAbout(flags.about);
  if (flags.about === undefined && ctx.interactive && asksAbout(task)) {
    const { askAbout } = await import('../../../run/ask-about.js');
    about = await menu(() => askAbout(lang, t, ctx.io.color));
  }
  const now = ctx.clock();
  const writer = ctx.journal.writer(newRunId(now), 0);
  const session = new RunSession(graph, startRun(graph, task.id, now.toISOString()), writer, ctx.clock, ctx.times);
  session.record(
    {
      type: 'start',
      task: task.id,
      title: task.title,
      file: task.file,
      lang,
      user: userName(flags),
      revision: await gitRevision(root),
      contentHash: contentHash(graph),
      scripted: Boolean(answers),
      ...(about !== undefined && { about }),
    },
    now.toISOString(),
  );
  session.recordArrival(0);
  if (!flags.json) printHeader(ctx, task, lang, t, writer.run, about);
  try {
    return await finish(ctx, session, await drive(session, await driverFor(ctx, lang, t), hooks(ctx, lang, t)), lang, t);
  } finally {
    writer.close();
  }
}

async function loadAnswers(file: string, cwd: string, graph: Graph, lang: string, now: Date): Promise<AnswersFile> {
  const t = runMessages(lang);
  let text: string;
  try {
    text = (await readRegularFile(resolve(cwd, file), MAX_ANSWERS_BYTES)).toString('utf8');
  } catch (error) {
    const why = error instanceof UnsafePathError ? readMessages(lang).unsafe(error.reason) : osErrorText(error, lang);
    // the path as typed, and where it led when relative: a wrapper or a `cd` changes the folder it is read from
    const full = resolve(cwd, file);
    throw new ExitError(fillRun(t.answersUnreadable, { file: full === file ? file : `${file} (${full})`, why }), exitCodes.usage);
  }
  const parsed = parseAnswers(text);
  if ('error' in parsed) throw new ExitError(terminalSafe(answersProblemText(parsed.error, file, lang)), exitCodes.usage);
  // `kept:` on a promise step only, with a time that is not after now: said before the run starts
  const kept = keptProblem(graph, parsed.answers, now.getTime());
  if (kept) {
    const { promiseMessages } = await import('../../../i18n/promise-messages.js');
    const p = promiseMessages(lang);
    const key = terminalSafe(kept.entry.key);
    const why =
      kept.problem === 'not-promise' ? p.answerNotPromise(key) : kept.problem === 'future' ? p.answerKeptFuture(key, kept.text) : p.answerKeptValue(key);
    const place = kept.entry.at ? `:${kept.entry.at.line}:${kept.entry.at.column}` : '';
    throw new ExitError(`${file}${place}: ${why}`, exitCodes.usage);
  }
  // a key no prompt has, at its line and column (the others it found after it, with theirs)
  const unknown = unknownKeys(graph, parsed.answers);
  if (unknown.length > 0) {
    const quote = (key: string) => (resolveLanguage(lang) === 'ru' ? `«${terminalSafe(key)}»` : `"${terminalSafe(key)}"`);
    const place = (at: { line: number; column: number } | undefined) => (at ? `${at.line}:${at.column}` : '');
    const keys = unknown.map((e, i) => (i === 0 || !e.at ? quote(e.key) : `${quote(e.key)} (${place(e.at)})`)).join(', ');
    const first = unknown[0]!.at;
    throw new ExitError(fillRun(t.answersUnknownKeys, { file: first ? `${file}:${place(first)}` : file, keys }), exitCodes.usage);
  }
  return parsed.answers;
}

function docLang(graph: Graph, task: Task | undefined): string {
  return graph.documents.find((d) => d.file === task?.file)?.lang ?? graph.documents[0]?.lang ?? 'en';
}

function userName(flags: RunFlags): string {
  return flags.user || osUser();
}

/** The task to run; null when the newcomer chose to read a section instead (it has been shown). */
async function chooseTask(ctx: Ctx, query: string | undefined): Promise<Task | null> {
  const { graph } = ctx;
  const t = runMessages(ctx.flags.lang ?? docLang(graph, undefined));
  const known = () => graph.tasks.map((x) => x.id).join(', ');
  if (graph.tasks.length === 0) throw new ExitError(t.noTasks, exitCodes.usage);
  if (query === undefined) {
    if (!ctx.interactive) throw new ExitError(fillRun(t.nameTask, { list: known() }), exitCodes.usage);
    return chooseFromSearch(ctx, t);
  }
  const picked = pickTask(graph, query);
  if ('task' in picked) return picked.task;
  if (picked.candidates.length === 0) {
    // no task by those words: the nearest things by synonyms and search, with their commands (friend test round 5)
    const nearest = await (await import('../show-suggest.js')).nearestText(graph, ctx.root, ctx.io, query, ctx.flags.lang, 'run');
    if (nearest) throw new ExitError(nearest, exitCodes.usage);
  }
  if (picked.candidates.length === 0 || !ctx.interactive) throw taskQueryError(graph, query, picked.candidates, ctx.flags.lang);
  const { chooseFrom } = await import('../../../run/choose.js');
  return menu(() => chooseFrom(picked.candidates, t, ctx.io.color));
}

/**
 * The menu without a task: the same search as `instr search` (synonyms, sections, templates).
 * A section is shown and the command ends; "list" prints every task and asks again.
 */
async function chooseFromSearch(ctx: Ctx, t: RunMessages): Promise<Task | null> {
  const [{ chooseBySearch }, { openSearch }, { search }, { searchMessages }, { gapSection }] = await Promise.all([
    import('./choose-search.js'),
    import('../../search-setup.js'),
    import('../../../search/search.js'),
    import('../../../search/messages.js'),
    import('../../../search/gap.js'),
  ]);
  const { graph, io } = ctx;
  const lang = ctx.flags.lang ?? docLang(graph, undefined);
  const s = searchMessages(lang);
  const { index, synonyms } = await openSearch(graph, ctx.root, io);
  const c = io.color;
  const out = (lines: string[]) => io.out(`${wrapLines(lines, io.columns).join('\n')}\n`);
  for (;;) {
    const picked = await menu(() => chooseBySearch(graph, (q) => search(index, q, { synonyms, limit: 40 }), t, s, c));
    if ('task' in picked) return picked.task;
    if ('list' in picked) {
      out(graph.tasks.map((x) => `  ${c.cyan(x.id)}  ${terminalSafe(x.title)}${x.trigger ? c.dim(` — ${terminalSafe(x.trigger.text)}`) : ''}`));
      continue;
    }
    const shown = 'gap' in picked ? gapSection(graph, lang) : picked;
    if (!shown) {
      out([s.gapFallback]);
      return null;
    }
    out([
      `${c.bold(terminalSafe(shown.section.title))} ${c.dim(`${relative(io.cwd, resolve(ctx.root, shown.file)) || shown.file}:${shown.section.position.line}`)}`,
      '',
    ]);
    out(renderMarkdown(shown.section.content, { color: c, root: ctx.root, cwd: io.cwd, base: shown.file }));
    return null;
  }
}

/** The run's "Search the instruction…": the index is opened (from the cache) on the first search only. */
function instructionFinder(ctx: Ctx, lang: string): FindInInstruction {
  let opened: Promise<(query: string) => Found[]> | undefined;
  const open = async () => {
    const [{ openSearch }, { search }, { searchMessages }, { foundFromHits }] = await Promise.all([
      import('../../search-setup.js'),
      import('../../../search/search.js'),
      import('../../../search/messages.js'),
      import('./reference-finder.js'),
    ]);
    const { index, synonyms } = await openSearch(ctx.graph, ctx.root, ctx.io);
    const s = searchMessages(lang);
    return (query: string) => foundFromHits(ctx.graph, search(index, query, { synonyms, limit: 40 }), s);
  };
  return async (query) => (await (opened ??= open()))(query);
}

async function driverFor(ctx: Ctx, lang: string, t: RunMessages): Promise<Driver> {
  const interactive = async () => {
    const { InteractiveDriver } = await import('../../../run/interactive.js');
    const { page } = await import('../../../run/pager.js');
    const io = ctx.io;
    return new InteractiveDriver({
      graph: ctx.graph,
      color: io.color,
      t,
      lang,
      root: ctx.root,
      cwd: io.cwd,
      columns: io.columns,
      out: (s) => io.out(s),
      page: (text) => void page(text, { isTTY: io.isTTY, rows: io.isTTY ? (process.stdout.rows ?? 0) : 0, env: process.env, out: (s) => io.out(s) }),
      find: instructionFinder(ctx, lang),
    });
  };
  if (!ctx.answers) return interactive();
  // answers missing from the file are asked at a terminal; never with --json (stdout is the JSON)
  const driver = new ScriptedDriver(ctx.answers, t, ctx.stdinTTY && !ctx.flags.json ? await interactive() : undefined, ctx.flags.answers ?? '', lang);
  ctx.assumed = driver.assumed;
  return driver;
}

function hooks(ctx: Ctx, lang: string, t: RunMessages) {
  return {
    refusal: (refusal: Refusal) => refusalText(refusal, lang),
    notCovered(gap: Gap, session: RunSession): void {
      const { description, actions } = gap;
      const node = session.state.node;
      const task = node && Object.hasOwn(ctx.graph.nodes, node) ? ctx.graph.nodes[node]!.task : session.state.task;
      const how = { ...(gap.decidedBy ? { decidedBy: gap.decidedBy } : {}), ...(gap.result ? { result: gap.result } : {}) };
      const draft = writeDraft(
        ctx.root,
        { captured: ctx.clock().toISOString(), run: session.runId, task, node, user: userName(ctx.flags), lang, description, actions, ...how },
        undefined,
        ctx.io.cwd,
      );
      session.record({ type: 'not-covered', node, description, action: actions.join('\n'), draft, ...how });
      ctx.io.out(`${ctx.io.color.green('✔')} ${t.draftSaved} ${relative(ctx.io.cwd, `${ctx.root}/${draft}`)}\n`);
      if (gap.end) session.endNotCovered(description);
    },
  };
}

function printHeader(ctx: Ctx, task: Task, lang: string, t: RunMessages, run: string, about?: string): void {
  const c = ctx.io.color;
  const out = (s: string) => ctx.io.out(`${wrapLines([s], ctx.io.columns).join('\n')}\n`);
  out(`${c.bold(terminalSafe(task.title))} ${c.dim(`#${task.id} · ${(task.kind === 'situation' ? t.situation : t.task).toLowerCase()}`)}`);
  if (task.trigger) {
    const deadline = task.trigger.deadline ? c.dim(` · ${t.deadline}: ${formatDuration(task.trigger.deadline, lang)} ${t.afterTrigger}`) : '';
    out(`${c.dim(`${t.trigger}:`)} ${terminalSafe(task.trigger.text)}${deadline}`);
  }
  // base: a relative link in the description is relative to the task's file, as in `show`
  if (task.description) for (const line of renderMarkdown(task.description, { color: c, root: ctx.root, cwd: ctx.io.cwd, base: task.file })) out(line);
  if (about !== undefined) out(`${c.dim(`${timeMessages(lang).about}:`)} ${terminalSafe(about)}`);
  out(c.dim(`${t.run} ${run} · ${t.journal}: ${ctx.journal.label ?? journalPath(ctx.io.cwd, ctx.journalFile)}`));
}

async function finish(ctx: Ctx, session: RunSession, outcome: Outcome, lang: string, t: RunMessages): Promise<number> {
  const { io } = ctx;
  const c = io.color;
  // a run stopped to go on later says so, not «в процессе» (friend test: the pause screen read as still running)
  let paused = false;
  const summary = (): RunSummary => {
    const s = summarize(ctx.graph, session.state, session.runId, ctx.assumed);
    return paused && s.status === 'active' ? { ...s, status: 'paused' } : s;
  };
  const promises = () => {
    const list = runPromiseSummary(session);
    return list.length > 0 ? { promises: list } : {};
  };
  const json = (extra: Record<string, unknown> = {}) => io.out(jsonText({ ...summary(), ...promises(), journal: ctx.journalFile, ...extra }));
  const promiseText = () => {
    const lines = promiseLines(session, lang, c);
    return lines.length > 0 ? `\n${wrapLines(lines, io.columns).join('\n')}\n` : '';
  };
  switch (outcome.kind) {
    case 'finished': {
      if (ctx.flags.json) json();
      else io.out(`\n${wrapLines(summaryLines(summary(), lang, t, c, stepNumbers(indexGraph(ctx.graph))), io.columns).join('\n')}\n${promiseText()}`);
      return session.state.status === 'failed' ? exitCodes.findings : exitCodes.ok;
    }
    case 'paused': {
      paused = true;
      session.record({ type: 'pause', node: session.state.node ?? '', ...(outcome.until !== undefined && { until: outcome.until }) });
      if (outcome.unconfirmed) return unconfirmedPause(ctx, session, lang, t, { summary, json, promiseText });
      io.out(`\n${outcome.interrupted ? t.interrupted : t.paused} ${t.resumeHint} ${resumeCommand(ctx, session)}\n`);
      return outcome.interrupted ? 130 : exitCodes.ok;
    }
    case 'suspended': {
      const prompt = session.prompt();
      const event = prompt.kind === 'wait' ? prompt.node.event : '';
      if (ctx.flags.json) json();
      else {
        // A scripted run printed none of its steps: what was done so far, as a finished run shows it.
        if (ctx.flags.answers !== undefined)
          io.out(`\n${wrapLines(summaryLines(summary(), lang, t, c, stepNumbers(indexGraph(ctx.graph))), io.columns).join('\n')}\n${promiseText()}`);
        io.out(`\n${c.blue('⏳')} ${t.suspended} ${terminalSafe(event)}\n${t.resumeHint} ${resumeCommand(ctx, session, ctx.flags.answers)}\n`);
      }
      return exitCodes.ok;
    }
    case 'stopped': {
      // The file lacks an answer, or has one the run refuses here («11:00» later than now): the run
      // is paused at that prompt, never cancelled (a refused answer left a ghost run that the
      // report counted as abandoned); the person fixes the file and resumes with it.
      const open = !isFinished(session.state);
      if (open) session.record({ type: 'pause', node: session.state.node ?? '' });
      paused = open;
      if (ctx.flags.json) json(outcome.missing ? { missing: session.state.node } : { refused: session.state.node });
      else io.out(`\n${wrapLines(summaryLines(summary(), lang, t, c, stepNumbers(indexGraph(ctx.graph))), io.columns).join('\n')}\n`);
      if (!open) throw new ExitError(terminalSafe(outcome.message), exitCodes.usage);
      const again = resumeCommand(ctx, session, outcome.missing ? t.moreAnswersFile : (ctx.flags.answers ?? t.moreAnswersFile));
      const how = fillRun(outcome.missing ? t.missingPaused : t.refusedPaused, { run: session.runId ?? '' });
      throw new ExitError(terminalSafe(`${outcome.message}\n${how}\n  ${again}`), exitCodes.usage);
    }
  }
}

/**
 * A checkpoint answered no: the run is paused at it (never done past it). A scripted run printed
 * none of its steps, so the path so far comes first, as when an answer is missing.
 */
function unconfirmedPause(
  ctx: Ctx,
  session: RunSession,
  lang: string,
  t: RunMessages,
  show: { summary: () => RunSummary; json: (extra?: Record<string, unknown>) => void; promiseText: () => string },
): number {
  const { io } = ctx;
  const node = session.state.node ?? '';
  if (ctx.flags.json) {
    show.json({ unconfirmed: node });
    return exitCodes.ok;
  }
  if (ctx.flags.answers !== undefined)
    io.out(`\n${wrapLines(summaryLines(show.summary(), lang, t, io.color, stepNumbers(indexGraph(ctx.graph))), io.columns).join('\n')}\n${show.promiseText()}`);
  const checkpoint = Object.hasOwn(ctx.graph.nodes, node) ? ctx.graph.nodes[node] : undefined;
  const text = checkpoint?.kind === 'checkpoint' ? checkpoint.text : node;
  const quoted = lang === 'ru' ? `«${text}»` : `"${text}"`;
  const again = `instr run --resume ${session.runId ?? ''}${ctx.flags.answers !== undefined ? ` --answers ${t.moreAnswersFile}` : ''}`;
  const message = fillRun(t.unconfirmedPaused, { run: session.runId ?? '', text: quoted });
  io.out(`\n${io.color.red('☐')} ${wrapLines([terminalSafe(message)], io.columns).join('\n')}\n  ${terminalSafe(again)}\n`);
  return exitCodes.ok;
}

/**
 * The command that continues this run: its id (with several open runs, a bare --resume needs a
 * terminal for its menu), the journal when one was named, and the answers file of a scripted run.
 */
function resumeCommand(ctx: Ctx, session: RunSession, answers?: string): string {
  const words = ['instr', 'run', '--resume', session.runId ?? ''];
  if (answers !== undefined) words.push('--answers', shellWord(answers));
  if (ctx.flags.journal !== undefined) words.push('--journal', shellWord(ctx.flags.journal));
  return words.join(' ');
}

/** A path as a shell reads it back: quoted when it has spaces or other special characters. */
function shellWord(text: string): string {
  return /^[\p{L}\p{N}@%+=:,./_-]+$/u.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}

interface Candidate {
  id: string;
  events: JournalEvent[];
  status: RunStatus;
}

async function resume(ctx: Ctx, wanted: string | undefined): Promise<number> {
  const { io, graph } = ctx;
  // a run begun on another machine: the team journal's copy is brought into the local file first
  await ctx.journal.catchUp?.(wanted ? { run: wanted } : { user: userName(ctx.flags) });
  const screen = ctx.flags.lang ?? docLang(graph, undefined);
  const { events, problems } = await readJournal(ctx.journalFile, ctx.journal.options).catch((error: unknown) => {
    const shown = relative(io.cwd, ctx.journalFile) || ctx.journalFile;
    const cannot = (detail: string) => cliMessages(screen).journalCannotRead(ctx.journalFile, detail);
    // a journal refused for where it lies: what to do about it (remove the link), in the screen's language
    if (error instanceof UnsafePathError) throw new ExitError(readMessages(screen).unsafeKept(shown, error.reason, cannot(error.message)), exitCodes.usage);
    throw new ExitError(cannot(osErrorText(error, screen)), exitCodes.usage);
  });
  for (const p of problems) io.err(`${io.color.yellow('instr:')} ${relative(io.cwd, ctx.journalFile)}:${p.line}: ${skippedLineText(p.why, screen)}\n`);
  const all: Candidate[] = [...groupRuns(events)].map(([id, evs]) => ({ id, events: evs, status: runStatus(evs) }));
  // open runs of tasks these instructions have (a journal may hold runs of other folders too), newest first
  const tasks = new Set(graph.tasks.map((x) => x.id));
  const open = all.filter((r) => isOpenStatus(r.status) && r.events[0]?.type === 'start' && tasks.has(r.events[0].task)).reverse();
  const t0 = runMessages(ctx.flags.lang ?? docLang(graph, undefined));
  let chosen: Candidate | undefined;
  if (wanted) {
    chosen = all.find((r) => r.id === wanted);
    if (!chosen) throw new ExitError(fillRun(t0.noRun, { run: terminalSafe(wanted), journal: ctx.journalFile }), exitCodes.usage);
    if (!isOpenStatus(chosen.status))
      throw new ExitError(fillRun(chosen.status === 'abandoned' ? t0.runAbandoned : t0.runFinished, { run: terminalSafe(wanted) }), exitCodes.usage);
  } else if (open.length === 0) {
    io.out(`${t0.noRuns} ${relative(io.cwd, ctx.journalFile) || ctx.journalFile}\n`);
    return exitCodes.ok;
  } else if (!ctx.interactive) {
    throw new ExitError(`${t0.giveRun}\n${open.map((r) => `  ${r.id}  ${describeRun(r, graph)}`).join('\n')}`, exitCodes.usage);
  } else {
    const { chooseRun } = await import('../../../run/choose.js');
    const picked = await menu(() =>
      chooseRun(
        open.map((r) => ({ id: r.id, label: `${describeRun(r, graph)} · ${statusText(r.status, t0)}` })),
        t0,
        io.color,
      ),
    );
    if ('discard' in picked) {
      const run = open.find((r) => r.id === picked.discard)!;
      const writer = ctx.journal.writer(run.id, run.events.at(-1)!.seq + 1);
      writer.append({ type: 'abandon', reason: 'discarded' }, ctx.clock().toISOString());
      writer.close();
      io.out(`${t0.discarded} ${describeRun(run, graph)}\n`);
      return exitCodes.ok;
    }
    chosen = open.find((r) => r.id === picked.continue)!;
  }
  if (!ctx.answers && !ctx.stdinTTY) throw new ExitError(t0.noTerminal, exitCodes.usage);
  // One process at a time per run; and the run must not have moved since it was read.
  let release: () => void;
  try {
    release = lockRun(ctx.journalFile, chosen.id);
  } catch (error) {
    if (error instanceof RunLockedError)
      throw new ExitError(fillRun(t0.runLocked, { run: terminalSafe(error.run), pid: error.pid, journal: ctx.journalFile }), exitCodes.usage);
    throw error;
  }
  try {
    // and one machine at a time: the team journal's lock on the run (postgres/run-claim.ts)
    await ctx.journal.claim?.(chosen.id).catch((error: unknown) => {
      if (error instanceof RunElsewhereError)
        throw new ExitError(fillRun(t0.runElsewhere, { run: terminalSafe(error.run), server: ctx.journal.label ?? '' }), exitCodes.usage);
      throw error;
    });
    const again = groupRuns((await readJournal(ctx.journalFile, ctx.journal.options)).events).get(chosen.id);
    if (again?.at(-1)?.seq !== chosen.events.at(-1)?.seq) {
      throw new ExitError(fillRun(t0.runMoved, { run: terminalSafe(chosen.id) }), exitCodes.usage);
    }
    return await continueRun(ctx, chosen);
  } finally {
    release();
  }
}

async function continueRun(ctx: Ctx, chosen: Candidate): Promise<number> {
  const { io, graph } = ctx;
  const start = chosen.events[0]!;
  if (start.type !== 'start' || typeof start.task !== 'string' || typeof start.title !== 'string' || typeof start.lang !== 'string') {
    throw new ExitError(cliMessages(ctx.flags.lang ?? docLang(graph, undefined)).runDamaged(terminalSafe(chosen.id), ctx.journalFile), exitCodes.findings);
  }
  const lang = ctx.flags.lang ?? (start.type === 'start' ? start.lang : undefined) ?? docLang(graph, undefined);
  const t = runMessages(lang);
  const replay = replayRun(graph, chosen.events);
  const changed = start.type === 'start' && start.contentHash !== contentHash(graph);
  if (!replay.ok) {
    const why = terminalSafe(replay.error);
    throw new ExitError(
      changed ? `${t.changedRefuse} ${why}. ${t.startOver} ${start.type === 'start' ? start.task : ''}` : fillRun(t.cannotContinue, { run: chosen.id, why }),
      exitCodes.findings,
    );
  }
  if (changed) {
    const then = start.type === 'start' ? start.revision : null;
    const now = await gitRevision(ctx.root);
    const revisions = then && now && then !== now ? ` (${then.slice(0, 7)} → ${now.slice(0, 7)})` : '';
    io.err(`${io.color.yellow('instr:')} ${t.changedContinue}${revisions}\n`);
  }
  const last = chosen.events.at(-1)!;
  // time cannot go backwards within a run (--now earlier than what the journal already holds)
  const lastAt = Date.parse(last.at);
  if (Number.isFinite(lastAt) && ctx.clock().getTime() < lastAt) {
    const task0 = graph.tasks.find((x) => x.id === start.task);
    const zone = documentZone(graph.documents.find((d) => d.file === task0?.file) ?? graph.documents[0]);
    throw new ExitError(
      fillRun(t.nowBeforeLast, {
        run: chosen.id,
        last: localDateTime(lastAt, zone),
        now: localDateTime(ctx.clock().getTime(), zone),
        at: nowFlagAtOrAfter(lastAt, zone),
      }),
      exitCodes.usage,
    );
  }
  const writer = ctx.journal.writer(chosen.id, last.seq + 1);
  const session = new RunSession(graph, replay.state, writer, ctx.clock, ctx.times);
  for (const e of chosen.events)
    if (e.type === 'promise' && e.state === 'kept' && (e.by === 'answer' || e.by === 'hand')) session.keptByAnswer.set(e.node, e.at);
  // A kill between an answer and what the engine did on its own after it (the end of the run,
  // or reaching a wait) leaves those records out: write them now, once.
  const lastWait = chosen.events.findLast((e) => e.type === 'wait' || e.type === 'resume' || e.type === 'timeout');
  session.recordArrival(replay.state.path.length, lastWait?.type === 'wait' ? lastWait.node : null);
  const task = graph.tasks.find((x) => x.id === replay.start.task)!;
  if (!ctx.flags.json) {
    printHeader(ctx, task, lang, t, chosen.id, start.type === 'start' && typeof start.about === 'string' ? start.about : undefined);
    // where the run stands: the last few things done
    const path = summarize(graph, replay.state, chosen.id).path;
    if (path.length > 0) {
      const numbers = stepNumbers(indexGraph(graph));
      const shown = path.slice(-3).map((p) => `  ${pathLine(p, t, io.color, numbers, replay.start.task)}`);
      if (path.length > 3) shown.unshift(io.color.dim(`  … ${t.earlier} ${path.length - 3}`));
      io.out(`${t.path}:\n${wrapLines(shown, io.columns).join('\n')}\n`);
    }
  }
  try {
    return await finish(ctx, session, await drive(session, await driverFor(ctx, lang, t), hooks(ctx, lang, t)), lang, t);
  } finally {
    writer.close();
  }
}

/** A menu before any run started: Ctrl-C there just exits (130), nothing to journal. */
async function menu<T>(ask: () => Promise<T>): Promise<T> {
  try {
    return await ask();
  } catch (error) {
    const { isPromptExit } = await import('../../../run/interactive.js');
    if (isPromptExit(error)) throw new ExitError('', 130);
    throw error;
  }
}

/** «Обработать заявку клиента — ООО Ромашка (#request) · 2026-11-27 10:15», the time in the instruction's zone. */
function describeRun(r: Candidate, graph: Graph): string {
  const s = r.events[0];
  if (s?.type !== 'start') return terminalSafe(r.id);
  const about = typeof s.about === 'string' && s.about ? ` — ${terminalSafe(s.about)}` : '';
  const task = graph.tasks.find((x) => x.id === s.task);
  const at = Date.parse(s.at);
  const when = Number.isFinite(at) ? localDateTime(at, documentZone(graph.documents.find((d) => d.file === task?.file) ?? graph.documents[0])) : '';
  return `${terminalSafe(String(s.title))}${about} (#${terminalSafe(String(s.task))}) · ${when}`;
}

function statusText(status: RunStatus, t: RunMessages): string {
  return status === 'waiting' || status === 'paused' ? statusLabel(status, t) : statusLabel('active', t);
}

/** The journal as a path from here, or absolute when it is outside (no «../../tmp/…»). */
function journalPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? resolve(cwd, file) : rel;
}
