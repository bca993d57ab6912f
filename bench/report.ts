/**
 * `npm run bench:report`: writes a journal of 100 000 runs (about 1.3 M events) over the test
 * instructions and times `instr report` on it, through the real binary and in-process.
 * `writeJournal` is also used by the test that checks the report's time grows in proportion.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compilePaths } from '../src/compile/compile.js';
import { indexGraph, taskNodes } from '../src/graph/query.js';
import type { Graph } from '../src/graph/types.js';
import { random } from './generate.mjs';

const schedules = [
  '::schedule[Каждый рабочий день в девять]{rrule="FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR" time="09:00"}',
  '::schedule[В последнюю пятницу каждого месяца]{rrule="FREQ=MONTHLY;BYDAY=-1FR" time="10:00"}',
  '::schedule[Каждый понедельник]{rrule="FREQ=WEEKLY;BYDAY=MO" time="11:00"}',
  '',
  '',
];

/**
 * Writes an instruction of five tasks, each of twelve steps with a decision, a wait and a
 * checkpoint (about fourteen journal events a run), into `dir`; returns the file's path.
 */
export function writeBenchInstruction(dir: string): string {
  const tasks = schedules.map((schedule, t) => {
    const steps = Array.from({ length: 12 }, (_, i) => `${i + 1}. Выполнить действие ${i + 1} задачи ${t + 1}: отправить письмо клиенту по шаблону.`);
    return [
      `### Задача номер ${t + 1} {#task-${t + 1}}`,
      '',
      schedule,
      '',
      '::when[Клиент написал в чат]{deadline=P2D}',
      '',
      ...steps.slice(0, 6),
      '',
      '::decision[Клиент согласен?]',
      '- Да',
      '  1. Поставить задачу бухгалтеру.',
      '- Нет',
      '  1. Сообщить директору.',
      '',
      `::wait[Директор согласовал задачу ${t + 1}]{deadline=P1W timeout=P3D}`,
      '',
      ...steps.slice(6).map((line, i) => line.replace(/^\d+/, String(i + 7))),
      '',
      `::checkpoint[Клиент подтвердил результат задачи ${t + 1}]`,
      '',
    ].join('\n');
  });
  const text = ['---', 'id: bench', 'title: Инструкция для замера', 'lang: ru', 'timezone: Europe/Moscow', '---', '', '## Задачи {.tasks}', '', ...tasks].join(
    '\n',
  );
  const path = join(dir, 'bench.md');
  writeFileSync(path, text);
  return path;
}

const reasons = ['Клиент не ответил', 'Уже сделано вчера', 'Нет доступа к CRM', 'Директор в отпуске'];
const notes = ['Где взять пароль?', 'Какой шаблон письма?', 'Кому отправлять копию?', 'Что делать, если клиент не отвечает?'];

/**
 * Writes `runs` runs of the graph's tasks to `path`, a few at a time interleaved as several
 * managers would, spread over 2026 up to 27 November. Same seed → same file. Returns the number
 * of lines written.
 */
export function writeJournal(path: string, graph: Graph, runs: number, seed = 1): number {
  const rnd = random(seed);
  const index = indexGraph(graph);
  const tasks = graph.tasks.map((t) => ({ task: t, nodes: taskNodes(index, t) })).filter((t) => t.nodes.length > 0);
  const fd = openSync(path, 'w');
  let buffer: string[] = [];
  let lines = 0;
  const flush = () => {
    writeSync(fd, buffer.join(''));
    buffer = [];
  };
  const start = Date.parse('2026-01-01T06:00:00Z');
  const span = Date.parse('2026-11-27T06:00:00Z') - start;
  type Live = { run: string; seq: number; at: number; task: (typeof tasks)[number]; step: number };
  const live: Live[] = [];
  let started = 0;
  const emit = (r: Live, type: string, extra: Record<string, unknown>) => {
    r.at += Math.floor(rnd() * 300_000);
    buffer.push(`${JSON.stringify({ v: 1, run: r.run, seq: r.seq++, at: new Date(r.at).toISOString(), type, ...extra })}\n`);
    lines++;
    if (buffer.length >= 5000) flush();
  };
  while (started < runs || live.length > 0) {
    if (started < runs && (live.length < 6 || rnd() < 0.2)) {
      const task = tasks[Math.floor(rnd() * tasks.length)]!;
      const r: Live = { run: `run-${String(started).padStart(6, '0')}`, seq: 0, at: start + Math.floor((started / runs) * span), task, step: 0 };
      started++;
      live.push(r);
      emit(r, 'start', {
        task: task.task.id,
        title: task.task.title,
        file: task.task.file,
        lang: 'ru',
        user: rnd() < 0.5 ? 'anna' : 'boris',
        revision: null,
        contentHash: 'bench',
        scripted: rnd() < 0.02,
      });
      continue;
    }
    const i = Math.floor(rnd() * live.length);
    const r = live[i]!;
    const node = r.task.nodes[r.step];
    if (!node) {
      const roll = rnd();
      if (roll < 0.03) emit(r, 'abandon', { reason: 'bench' });
      else if (roll < 0.05) emit(r, 'pause', { node: r.task.nodes[0]!.id });
      else emit(r, 'end', { node: null, status: roll < 0.1 ? 'cancelled' : 'done', outcome: '', durationMs: r.at - Date.parse(startOf(r)) });
      live.splice(i, 1);
      continue;
    }
    r.step++;
    const roll = rnd();
    if (node.kind === 'checkpoint') emit(r, 'checkpoint', { node: node.id, confirmed: roll > 0.1 });
    else if (node.kind === 'decision') emit(r, 'decision', { node: node.id, option: node.options[0]!.id, label: node.options[0]!.label });
    else if (node.kind === 'wait') {
      emit(r, 'wait', { node: node.id, event: node.event, timeoutAt: new Date(r.at + 3 * 86_400_000).toISOString() });
      emit(r, 'resume', { node: node.id, deadlineAt: new Date(r.at + 7 * 86_400_000).toISOString() });
    } else if (roll < 0.05) emit(r, 'step', { node: node.id, action: 'skip', reason: reasons[Math.floor(rnd() * reasons.length)] });
    else {
      if (roll < 0.08) emit(r, 'unclear', { node: node.id, note: notes[Math.floor(rnd() * notes.length)] });
      emit(r, 'step', { node: node.id, action: 'done' });
    }
  }
  flush();
  closeSync(fd);
  return lines;
  function startOf(r: Live): string {
    return new Date(start + Math.floor((Number(r.run.slice(4)) / runs) * span)).toISOString();
  }
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'instr-bench-report-'));
  try {
    const instructions = writeBenchInstruction(dir);
    const { graph, diagnostics } = await compilePaths([instructions]);
    if (diagnostics.some((d) => d.severity === 'error')) throw new Error(`the bench instruction does not compile: ${diagnostics[0]?.message}`);
    const journal = join(dir, 'journal.jsonl');
    let t = performance.now();
    const lines = writeJournal(journal, graph, runs);
    const size = statSync(journal).size;
    console.log(`journal: ${runs} runs, ${lines} lines, ${(size / 1024 / 1024).toFixed(1)} MB, written in ${Math.round(performance.now() - t)} ms`);

    const { loadRuns } = await import('../src/journal/load-runs.js');
    const { buildReport } = await import('../src/report/build.js');
    t = performance.now();
    const loaded = await loadRuns(journal);
    const read = performance.now() - t;
    const report = buildReport(graph, loaded.runs.values(), {
      since: '2026-01-01',
      until: '2026-11-27',
      today: '2026-11-27',
      journal: { path: journal, missing: false, stats: loaded.stats },
    });
    const total = performance.now() - t;
    console.log(
      `in-process: read ${Math.round(read)} ms, report ${Math.round(total)} ms, ${report.tasks.reduce((n, x) => n + x.started, 0)} runs counted, heap ${Math.round(process.memoryUsage().heapUsed / 1024 / 1024)} MB`,
    );

    const bin = fileURLToPath(new URL('../bin/instr', import.meta.url));
    for (const format of ['text', 'json']) {
      t = performance.now();
      const result = spawnSync(
        process.execPath,
        [bin, 'report', instructions, '--journal', journal, '--since', '2026-01-01', '--until', '2026-11-27', '--today', '2026-11-27', '--format', format],
        { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      );
      const ms = Math.round(performance.now() - t);
      if (result.status !== 0) throw new Error(`instr report exited ${String(result.status)}: ${result.stderr}`);
      console.log(`instr report --format ${format}: ${ms} ms`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
