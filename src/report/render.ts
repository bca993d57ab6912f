import { forkMessages } from '../i18n/fork-messages.js';
import type { ChalkInstance } from 'chalk';
import { cell } from '../render/markdown-cell.js';
import { messages, type Messages } from '../i18n/messages.js';
import { terminalSafe } from '../text/terminal-safe.js';
import type { GapItem, Report, StepRef, TaskReport } from './build.js';
import { gapMessages, type GapMessages } from './gap-messages.js';
import { resolveLanguage } from '../i18n/language.js';
import { localDateTime } from '../schedule/zone.js';
import { timeMessages, type TimeMessages } from '../i18n/time-messages.js';
import { reportMessages } from './report-messages.js';
import { statusWord, type RunStatus } from '../journal/run-status.js';

/** 90 000 ms → «1 мин 30 с» / "1 min 30 s"; whole days, hours and minutes beyond that. */
export function formatMs(ms: number, lang: string): string {
  const ru = resolveLanguage(lang) === 'ru';
  const [d, h, m, s] = ru ? ['д', 'ч', 'мин', 'с'] : ['d', 'h', 'min', 's'];
  const total = Math.round(ms / 1000);
  const parts: Array<[number, string]> = [
    [Math.floor(total / 86_400), d],
    [Math.floor((total % 86_400) / 3600), h],
    [Math.floor((total % 3600) / 60), m],
    [total % 60, s],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  if (first === -1) return `0 ${s}`;
  return parts
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, unit]) => `${n} ${unit}`)
    .join(' ');
}

function where(ref: { file: string | null; line: number | null }): string {
  return ref.file ? `${ref.file}:${ref.line ?? 1}` : '';
}

function stepLabel(ref: StepRef, t: Messages): string {
  if (ref.text === null) return `${ref.node} (${t.reportGone})`;
  return ref.number ? `${ref.number}. ${ref.text}` : ref.text;
}

/** "request 7.a.1. Step text · decided by: Director · the run ended here" */
function gapLine(g: GapItem, t: Messages, g9: GapMessages): string {
  const parts = [`${g.task} ${g.step ? stepLabel(g.step, t) : g9.outsideStep}`];
  if (g.decidedBy) parts.push(`${g9.decidedBy}: ${g.decidedBy}`);
  if (g.endedRun) parts.push(g9.endedRun);
  parts.push(`${t.agendaRun} ${g.run}${g.about ? ` (${g.about})` : ''}${g.user ? `, ${g.user}` : ''}`);
  return parts.join(' · ');
}

function counts(r: TaskReport, t: Messages, lang: string): string {
  const word = (status: RunStatus) => statusWord(status, lang);
  const parts = [`${t.reportStarted} ${r.started}`, `${word('done')} ${r.finished}`];
  if (r.cancelled) parts.push(`${word('cancelled')} ${r.cancelled}`);
  if (r.failed) parts.push(`${word('failed')} ${r.failed}`);
  parts.push(`${word('abandoned')} ${r.abandoned}`);
  if (r.waiting) parts.push(`${t.reportWaiting} ${r.waiting}`);
  if (r.paused) parts.push(`${word('paused')} ${r.paused}`);
  if (r.inProgress) parts.push(`${word('active')} ${r.inProgress}`);
  if (r.late) parts.push(`${t.reportLate} ${r.late}`);
  if (r.medianMs !== null) parts.push(`${t.reportMedian} ${formatMs(r.medianMs, lang)}`);
  return parts.join(' · ');
}

/**
 * Runs dated after the report's moment (made with a later `--now`): said first, with the `--now`
 * that shows them (friend test, round 11: they were silently left out).
 */
function futureLines(report: Report, lang: string): string[] {
  const f = report.future;
  if (!f) return [];
  const r9 = reportMessages(lang);
  // rounded up to the minute, so the latest record is not after it
  const latest = localDateTime(Math.ceil(Date.parse(f.latest) / 60_000) * 60_000, f.zone).replace(' ', 'T');
  return [r9.futureRuns(f.runs, localDateTime(Date.parse(f.now), f.zone)), r9.futureHint(f.runs, `instr report --now ${latest}`)];
}

function header(report: Report, t: Messages): string[] {
  const j = report.journal;
  const lines = [
    `${t.reportPeriod}: ${report.since} … ${report.until}`,
    `${t.reportJournal}: ${terminalSafe(j.path)}${j.missing ? ` (${t.reportNoJournal})` : ''}`,
  ];
  if (j.stats?.unreadable)
    lines.push(
      `${t.reportUnreadable}: ${j.stats.unreadable} (${j.stats.unreadableLines.join(', ')}${j.stats.unreadable > j.stats.unreadableLines.length ? ', …' : ''})`,
    );
  if (j.stats?.duplicates) lines.push(`${t.reportDuplicates}: ${j.stats.duplicates}`);
  if (report.scriptedRuns) lines.push(`${t.reportScripted}: ${report.scriptedRuns}`);
  if (report.journalSince !== null && report.journalSince.slice(0, 10) > report.since) lines.push(`${t.reportChecksFrom}: ${report.journalSince.slice(0, 10)}`);
  return lines;
}

export function reportText(report: Report, lang: string, c: ChalkInstance): string {
  const t = messages(lang);
  const future = futureLines(report, lang);
  const out: string[] = [c.bold(t.reportTitle), ...header(report, t).map((l) => c.dim(l))];
  if (future.length > 0) out.push(c.yellow(`${future[0]!};`), c.yellow(`  ${future[1]!}`));
  out.push('');
  out.push(c.bold(t.reportRuns));
  if (report.tasks.length === 0) out.push(`  ${c.dim(t.reportNone)}`);
  for (const r of report.tasks) {
    out.push(`  ${c.cyan(terminalSafe(r.task))}  ${terminalSafe(r.title)}${r.known ? '' : c.yellow(` (${t.reportGone})`)}`);
    out.push(`    ${counts(r, t, lang)}`);
    if (r.skipped.length > 0) out.push(`    ${c.yellow(t.reportSkipped)}:`);
    for (const s of r.skipped) {
      out.push(`      ${s.count}× ${terminalSafe(stepLabel(s, t))} ${c.dim(where(s))}`);
      for (const reason of s.reasons) out.push(`         ${reason.count}× ${terminalSafe(reason.reason || t.reportNoReason)}`);
    }
    if (r.checkpoints.length > 0) out.push(`    ${c.red(t.reportCheckpoints)}:`);
    for (const p of r.checkpoints) out.push(`      ${p.count}× ${terminalSafe(stepLabel(p, t))} ${c.dim(where(p))}`);
    for (const sc of r.schedules) {
      if (sc.missed.length > 0)
        out.push(
          `    ${c.red(`${t.reportMissed} ${sc.missed.length}/${sc.due}`)} «${terminalSafe(sc.label)}»: ${dateList(sc.missed.map((m) => m.date))} ${c.dim(`${r.file}:${sc.line}`)}`,
        );
      if (sc.late.length > 0)
        out.push(
          `    ${c.yellow(`${reportMessages(lang).scheduleLate} ${sc.late.length}/${sc.due}`)} «${terminalSafe(sc.label)}»: ${lateList(sc, lang)} ${c.dim(`${r.file}:${sc.line}`)}`,
        );
    }
  }
  out.push('', c.bold(t.reportUnclear));
  if (report.unclear.length === 0) out.push(`  ${c.dim(t.reportNone)}`);
  for (const u of report.unclear) {
    out.push(`  ${c.yellow(`${u.count}×`)} ${c.cyan(terminalSafe(u.task))} ${terminalSafe(stepLabel(u, t))} ${c.dim(where(u))}`);
    for (const n of u.notes) out.push(`     ${n.count > 1 ? `${n.count}× ` : ''}${terminalSafe(n.note)}`);
  }
  const g9 = gapMessages(lang);
  out.push('', c.bold(g9.title));
  if (report.notCovered.length === 0) out.push(`  ${c.dim(t.reportNone)}`);
  for (const g of report.notCovered) {
    out.push(`  ${c.yellow('?')} ${terminalSafe(g.description)}`);
    out.push(`    ${c.dim(terminalSafe(gapLine(g, t, g9)))}`);
  }
  out.push('', c.bold(t.reportOverdue));
  if (report.overdue.length === 0) out.push(`  ${c.dim(t.reportNone)}`);
  for (const o of report.overdue)
    out.push(
      `  ${c.red(local(o.due, o.zone))}  ${c.cyan(terminalSafe(o.task))}  ${terminalSafe(overdueText(o, t))}${o.about ? ` — ${terminalSafe(o.about)}` : ''}  ${c.dim(`${t.agendaRun} ${terminalSafe(o.run)}${o.user ? `, ${terminalSafe(o.user)}` : ''}`)}`,
    );
  out.push(...promiseLines(report, lang, c), ...forkLines(report, lang, c), '', c.bold(t.reportReview));
  if (report.review.length === 0) out.push(`  ${c.dim(t.reportNone)}`);
  for (const r of report.review)
    out.push(
      `  ${r.file}${r.line ? `:${r.line}` : ''}${r.task ? ` ${c.cyan(terminalSafe(r.task))}` : ''}  ${t.reviewed} ${r.reviewed ?? '—'}, ${t.deadline.toLowerCase()} ${r.dueOn}`,
    );
  out.push('');
  return out.join('\n');
}

/** Runs continued on two machines offline: shown only when there are any (journal/postgres/fork.ts). */
function forkLines(report: Report, lang: string, c: ChalkInstance): string[] {
  if (!report.forks?.length) return [];
  const f9 = forkMessages(lang);
  const out = ['', c.bold(c.red(f9.reportTitle))];
  for (const f of report.forks)
    out.push(
      `  ${c.red('⑂')} ${terminalSafe(f9.reportLine(f.run, f.of, f.from))}  ${c.dim(`${terminalSafe(f.task)}${f.user ? `, ${terminalSafe(f.user)}` : ''}${f.about ? ` — ${terminalSafe(f.about)}` : ''}`)}`,
    );
  out.push(`  ${c.dim(f9.reportAdvice)}`);
  return out;
}

/** «Обещания клиентам»: the counts, then each promise kept late or broken, its times local. */
function promiseLines(report: Report, lang: string, c: ChalkInstance): string[] {
  const p = report.promises;
  const t9 = timeMessages(lang);
  const out = ['', c.bold(t9.promisesTitle)];
  if (p.made === 0) return [...out, `  ${c.dim(messages(lang).reportNone)}`];
  out.push(`  ${t9.promisesCounts(p.made, p.kept, p.late, p.broken, p.open)}`);
  for (const x of p.items)
    out.push(`  ${c.red(promiseItemText(x, t9))}  ${c.dim(`${messages(lang).agendaRun} ${terminalSafe(x.run)}${x.user ? `, ${terminalSafe(x.user)}` : ''}`)}`);
  return out;
}

function promiseItemText(x: Report['promises']['items'][number], t9: TimeMessages): string {
  const by = x.keptBy?.text ? ` ${t9.promiseKeptByStep(`${x.keptBy.number ? `${x.keptBy.number} ` : ''}«${x.keptBy.text}»`)}` : '';
  const state = x.state === 'late' && x.kept ? `${t9.promiseKeptLate} ${local(x.kept, x.zone)}${by}` : t9.promiseBroken;
  return terminalSafe(`${local(x.due, x.zone)}  ${x.task}  ${x.text}${x.about ? ` — ${x.about}` : ''} (${state})`);
}

/**
 * A missed wait whose event did come, later than its time, is not something to chase any more
 * (friend test, round 9): it says when the event came instead of «Напомнить».
 */
function overdueText(o: Report['overdue'][number], t: Messages): string {
  if (o.kind === 'wait' && o.happened) return `«${o.label}» — ${t.reportHappenedLate} ${local(o.happened, o.zone)}`;
  return overdueLabel(o.kind, o.label, t);
}

/** An ISO instant as the instruction's local date and time: UTC appears only in JSON. */
function local(iso: string, zone: string): string {
  return localDateTime(Date.parse(iso), zone);
}

function overdueLabel(kind: 'wait' | 'deadline' | 'task-deadline', label: string, t: Messages): string {
  if (kind === 'wait') return `${t.agendaChase}: ${label}`;
  if (kind === 'deadline') return `${t.agendaDeadlineAfter} «${label}»`;
  return `${t.agendaTaskDeadline}: ${label}`;
}

export function reportMarkdown(report: Report, lang: string): string {
  const t = messages(lang);
  const future = futureLines(report, lang);
  const out: string[] = [`# ${t.reportTitle}`, '', ...header(report, t).map((l) => `- ${cell(l)}`)];
  if (future.length > 0) out.push(`- **${cell(future[0]!)}**; ${cell(future[1]!)}`);
  out.push('');
  out.push(`## ${t.reportRuns}`, '');
  if (report.tasks.length === 0) out.push(t.reportNone, '');
  else {
    out.push(
      `| ${t.tasks} | ${t.reportStarted} | ${statusWord('done', lang)} | ${statusWord('abandoned', lang)} | ${t.reportMedian} | ${t.reportLate} | ${t.reportMissed} |`,
      '|---|--:|--:|--:|--:|--:|--:|',
    );
    for (const r of report.tasks) {
      out.push(
        `| \`${cell(r.task)}\` ${cell(r.title)}${r.known ? '' : ` (${t.reportGone})`} | ${r.started} | ${r.finished} | ${r.abandoned} | ${r.medianMs === null ? '—' : formatMs(r.medianMs, lang)} | ${r.late} | ${missedCount(r)} |`,
      );
    }
    out.push('');
  }
  const skipped = report.tasks.flatMap((r) => r.skipped.map((s) => ({ task: r.task, ...s })));
  out.push(`## ${t.reportSkipped}`, '');
  if (skipped.length === 0) out.push(t.reportNone);
  for (const s of skipped) {
    out.push(`- **${s.count}×** \`${cell(s.task)}\` ${cell(stepLabel(s, t))}${s.file ? ` (${where(s)})` : ''}`);
    for (const r of s.reasons) out.push(`  - ${r.count}× ${cell(r.reason || t.reportNoReason)}`);
  }
  out.push('', `## ${t.reportUnclear}`, '');
  if (report.unclear.length === 0) out.push(t.reportNone);
  for (const u of report.unclear) {
    out.push(`- [ ] **${u.count}×** \`${cell(u.task)}\` ${cell(stepLabel(u, t))}${u.file ? ` (${where(u)})` : ''}`);
    for (const n of u.notes) out.push(`  - ${n.count > 1 ? `${n.count}× ` : ''}${cell(n.note)}`);
  }
  const g9 = gapMessages(lang);
  out.push('', `## ${g9.title}`, '');
  if (report.notCovered.length === 0) out.push(t.reportNone);
  for (const g of report.notCovered) out.push(`- [ ] ${cell(g.description)} (${cell(gapLine(g, t, g9))})`);
  const checkpoints = report.tasks.flatMap((r) => r.checkpoints.map((p) => ({ task: r.task, ...p })));
  out.push('', `## ${t.reportCheckpoints}`, '');
  if (checkpoints.length === 0) out.push(t.reportNone);
  for (const p of checkpoints) out.push(`- **${p.count}×** \`${cell(p.task)}\` ${cell(stepLabel(p, t))}${p.file ? ` (${where(p)})` : ''}`);
  out.push('', `## ${t.reportOverdue}`, '');
  if (report.overdue.length === 0) out.push(t.reportNone);
  for (const o of report.overdue)
    out.push(
      `- ${local(o.due, o.zone)} \`${cell(o.task)}\` ${cell(overdueText(o, t))}${o.about ? ` — ${cell(o.about)}` : ''} (${t.agendaRun} ${cell(o.run)}${o.user ? `, ${cell(o.user)}` : ''})`,
    );
  const missed = report.tasks.flatMap((r) => r.schedules.filter((sc) => sc.missed.length > 0).map((sc) => ({ task: r.task, file: r.file, ...sc })));
  out.push('', `## ${t.reportMissed}`, '');
  if (missed.length === 0) out.push(t.reportNone);
  for (const m of missed)
    out.push(`- **${m.missed.length}/${m.due}** \`${cell(m.task)}\` ${cell(m.label)} (${m.file}:${m.line}): ${dateList(m.missed.map((x) => x.date))}`);
  const late = report.tasks.flatMap((r) => r.schedules.filter((sc) => sc.late.length > 0).map((sc) => ({ r, sc })));
  if (late.length > 0) out.push('', `## ${reportMessages(lang).scheduleLate}`, '');
  for (const { r, sc } of late)
    out.push(`- **${sc.late.length}/${sc.due}** \`${cell(r.task)}\` ${cell(sc.label)} (${r.file}:${sc.line}): ${cell(lateList(sc, lang))}`);
  const t9 = timeMessages(lang);
  out.push('', `## ${t9.promisesTitle}`, '');
  if (report.promises.made === 0) out.push(t.reportNone);
  else {
    const p = report.promises;
    out.push(t9.promisesCounts(p.made, p.kept, p.late, p.broken, p.open));
    if (p.items.length > 0) out.push('');
    for (const x of p.items) out.push(`- ${cell(promiseItemText(x, t9))} (${t.agendaRun} ${cell(x.run)}${x.user ? `, ${cell(x.user)}` : ''})`);
  }
  if (report.forks?.length) {
    const f9 = forkMessages(lang);
    out.push('', `## ${f9.reportTitle}`, '');
    for (const f of report.forks) out.push(`- [ ] ${cell(f9.reportLine(f.run, f.of, f.from))} (\`${cell(f.task)}\`${f.user ? `, ${cell(f.user)}` : ''})`);
    out.push('', f9.reportAdvice);
  }
  out.push('', `## ${t.reportReview}`, '');
  if (report.review.length === 0) out.push(t.reportNone);
  for (const r of report.review)
    out.push(
      `- ${cell(r.file)}${r.line ? `:${r.line}` : ''}${r.task ? ` \`${cell(r.task)}\`` : ''}: ${t.reviewed} ${r.reviewed ?? '—'}, ${t.deadline.toLowerCase()} ${r.dueOn}`,
    );
  out.push('');
  return out.join('\n');
}

function missedCount(r: TaskReport): string {
  const due = r.schedules.reduce((n, s) => n + s.due, 0);
  return due === 0 ? '—' : `${r.schedules.reduce((n, s) => n + s.missed.length, 0)}/${due}`;
}

/** «2026-12-03 (начато в 15:10, позже на 5 ч 40 мин)», the first few, then how many more. */
function lateList(sc: TaskReport['schedules'][number], lang: string): string {
  const r9 = reportMessages(lang);
  const items = sc.late.map((l) => r9.startedLate(l.date, l.startedTime, formatMs(l.lateMs, lang)));
  return items.length <= 4 ? items.join(', ') : `${items.slice(0, 4).join(', ')} … +${items.length - 4}`;
}

/** The first few dates, then how many more. */
function dateList(dates: string[], max = 8): string {
  return dates.length <= max ? dates.join(', ') : `${dates.slice(0, max).join(', ')} … +${dates.length - max}`;
}
