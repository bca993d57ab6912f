import type { ChalkInstance } from 'chalk';
import { messages } from '../i18n/messages.js';
import { terminalSafe } from '../text/terminal-safe.js';
import { localDateTime, parseIsoDate } from '../schedule/zone.js';
import type { Agenda, AgendaItem } from './build.js';
import { resolveLanguage } from '../i18n/language.js';
import { cell } from '../render/markdown-cell.js';
import { timeMessages } from '../i18n/time-messages.js';
import { statusWord } from '../journal/run-status.js';

/** «пятница, 27 ноября 2026 г.» / "Friday, November 27, 2026" for a YYYY-MM-DD. */
export function longDate(date: string, lang: string): string {
  const t = parseIsoDate(date);
  if (t === null) return date;
  return new Intl.DateTimeFormat(locale(lang), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(t);
}

/** A short local date and time of an ISO instant in a zone: «20.11 12:00». */
function shortDateTime(iso: string, zone: string, lang: string): string {
  return new Intl.DateTimeFormat(locale(lang), {
    day: '2-digit',
    month: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: zone,
  }).format(new Date(iso));
}

function locale(lang: string): string {
  return resolveLanguage(lang) === 'ru' ? 'ru-RU' : 'en-GB';
}

function what(item: AgendaItem, lang: string): string {
  const t = messages(lang);
  switch (item.kind) {
    case 'schedule': {
      const text = item.who?.length ? `${item.label} — ${item.who.join(', ')}` : item.label;
      return item.movedFrom !== undefined ? `${text} (${timeMessages(lang).shortenedDay(item.movedFrom)})` : text;
    }
    case 'wait':
      // what to do, when the wait has steps for its timeout; else "chase: the event"
      return item.action !== undefined ? `${item.label} — ${item.action}` : `${t.agendaChase}: ${item.label}`;
    case 'deadline':
      return `${t.agendaDeadlineAfter} «${item.label}»`;
    case 'task-deadline':
      return `${t.agendaTaskDeadline}: ${item.label}`;
    case 'paused':
      return `${t.agendaPausedUntil}: ${item.label}`;
    case 'promise':
      return `${timeMessages(lang).promise}: ${item.label}`;
  }
}

function when(item: AgendaItem, lang: string): string {
  if (item.overdue) return shortDateTime(item.at, item.zone, lang);
  return item.time ?? messages(lang).agendaAllDay;
}

/** The run's last activity in its instruction's zone, as every time on screen (UTC only in JSON). */
function lastAt(r: Agenda['open'][number]): string {
  return localDateTime(Date.parse(r.lastAt), r.zone);
}

/** The task's title, and what the run is about when the user said: «Обработать заявку клиента — ООО Ромашка». */
function titled(x: { title: string; about?: string }): string {
  return x.about ? `${x.title} — ${x.about}` : x.title;
}

function runNote(item: AgendaItem, lang: string): string {
  if (!item.run) return '';
  return `${messages(lang).agendaRun} ${item.run}${item.user ? `, ${item.user}` : ''}`;
}

/**
 * The days a screen shows, each under its heading: only days with something on them. A range of
 * one day is shown even when empty (its heading then says «nothing is due»); a longer range with
 * nothing at all is one line.
 */
function shownDays(agenda: Agenda): Agenda['dates'] {
  return agenda.days === 1 ? agenda.dates : agenda.dates.filter((d) => d.items.length > 0);
}

export function agendaText(agenda: Agenda, lang: string, c: ChalkInstance): string {
  const t = messages(lang);
  const out: string[] = [];
  const days = shownDays(agenda);
  const width = Math.max(8, ...days.flatMap((d) => d.items.map((i) => when(i, lang).length)));
  const zones = new Set(days.flatMap((d) => d.items.map((i) => i.zone)));
  const zoneNote = (item: AgendaItem) => (zones.size > 1 ? ` · ${item.zone}` : '');
  for (const day of days) {
    out.push(c.bold(longDate(day.date, lang)));
    if (day.items.length === 0) out.push(`  ${c.dim(t.agendaNothing)}`);
    for (const item of day.items) {
      const time = when(item, lang).padEnd(width);
      const flag = item.overdue
        ? `${c.red(t.agendaOverdue)} `
        : item.done === 'done'
          ? `${c.green(`✓ ${t.agendaDoneMark}`)} `
          : item.done === 'started'
            ? `${c.yellow(t.agendaStartedMark)} `
            : '';
      out.push(`  ${item.overdue ? c.red(time) : time}  ${flag}${c.cyan(terminalSafe(item.task))}  ${terminalSafe(titled(item))}`);
      const note = runNote(item, lang);
      out.push(
        `  ${' '.repeat(width)}  ${terminalSafe(what(item, lang))}  ${c.dim(`${terminalSafe(item.file)}:${item.line}${zoneNote(item)}${note ? ` · ${terminalSafe(note)}` : ''}`)}`,
      );
      if (item.keep !== undefined) out.push(`  ${' '.repeat(width)}  ${c.dim(`${timeMessages(lang).promiseKeepHint}:`)} ${terminalSafe(item.keep)}`);
    }
    out.push('');
  }
  if (days.length === 0) out.push(c.dim(t.agendaNothing), '');
  if (agenda.open.length > 0) {
    out.push(c.bold(t.agendaOpenRuns));
    for (const r of agenda.open) {
      const state =
        r.state === 'waiting' ? `${t.agendaWaiting} «${terminalSafe(r.event ?? '')}»` : r.state === 'paused' ? statusWord('paused', lang) : t.agendaActive;
      out.push(`  ${c.cyan(terminalSafe(r.task))}  ${terminalSafe(titled(r))}  ${c.yellow(state)}`);
      out.push(
        `    ${c.dim(`${t.agendaRun} ${terminalSafe(r.run)}${r.user ? `, ${terminalSafe(r.user)}` : ''} · ${t.agendaLast} ${lastAt(r)}${r.step ? ` · ${t.step} ${r.step}` : r.node ? ` · ${terminalSafe(r.node)}` : ''}`)}`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}

export function agendaMarkdown(agenda: Agenda, lang: string): string {
  const t = messages(lang);
  const out: string[] = [`# ${t.agendaTitle}`, ''];
  const days = shownDays(agenda);
  const zones = new Set(days.flatMap((d) => d.items.map((i) => i.zone)));
  if (days.length === 0) out.push(t.agendaNothing, '');
  for (const day of days) {
    out.push(`## ${longDate(day.date, lang)}`, '');
    if (day.items.length === 0) {
      out.push(t.agendaNothing, '');
      continue;
    }
    out.push(`| ${t.agendaTime} | ${t.tasks} | ${t.agendaWhat} | ${t.agendaWhere} |`, '|---|---|---|---|');
    for (const item of day.items) {
      const time = item.overdue
        ? `**${t.agendaOverdue}** ${when(item, lang)}`
        : item.done
          ? `${when(item, lang)} ${item.done === 'done' ? `✓ ${t.agendaDoneMark}` : t.agendaStartedMark}`
          : when(item, lang);
      const note = runNote(item, lang);
      const keep = item.keep !== undefined ? `; ${timeMessages(lang).promiseKeepHint}: \`${cell(item.keep)}\`` : '';
      out.push(
        `| ${time} | \`${cell(item.task)}\` ${cell(titled(item))} | ${cell(what(item, lang))}${note ? ` (${cell(note)})` : ''}${keep} | ${cell(item.file)}:${item.line}${zones.size > 1 ? ` (${item.zone})` : ''} |`,
      );
    }
    out.push('');
  }
  if (agenda.open.length > 0) {
    out.push(`## ${t.agendaOpenRuns}`, '');
    for (const r of agenda.open) {
      const state = r.state === 'waiting' ? `${t.agendaWaiting} «${cell(r.event ?? '')}»` : r.state === 'paused' ? statusWord('paused', lang) : t.agendaActive;
      out.push(
        `- \`${cell(r.task)}\` ${cell(titled(r))}: ${state}; ${t.agendaRun} ${cell(r.run)}${r.user ? `, ${cell(r.user)}` : ''}, ${t.agendaLast} ${lastAt(r)}`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}
