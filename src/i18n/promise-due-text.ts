/**
 * A promise's deadline as a person reads it, in the instruction's language: `next-workday 12:00`
 * → «до 12:00 следующего рабочего дня», `2wh` → «за 2 рабочих часа», and an `after` rule
 * `15:00 -> next-workday 12:00` → «если позже 15:00 — до 12:00 следующего рабочего дня».
 * What cannot be read is shown as written (lint reports it).
 */
import { parsePromiseAfter, parsePromiseDue, type PromiseDue } from '../calendar/promise-due.js';
import { formatDuration } from './duration.js';
import { resolveLanguage } from './language.js';

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function dueText(due: PromiseDue, ru: boolean, lang: string): string {
  if (due.kind === 'span') return ru ? `за ${formatDuration(due.text, lang)}` : `within ${formatDuration(due.text, lang)}`;
  const at = clock(due.minutes);
  if (due.day === 'today') return ru ? `сегодня до ${at}` : `today by ${at}`;
  return ru ? `до ${at} следующего рабочего дня` : `by ${at} on the next working day`;
}

export function promiseDueText(promise: { due: string; after?: string }, lang: string | undefined): string {
  const ru = resolveLanguage(lang) === 'ru';
  const code = ru ? 'ru' : 'en';
  const due = parsePromiseDue(promise.due);
  const first = due ? dueText(due, ru, code) : promise.due;
  if (promise.after === undefined) return first;
  const after = parsePromiseAfter(promise.after);
  if (!after) return `${first}; ${promise.after}`;
  const second = dueText(after.due, ru, code);
  return ru ? `${first}; если позже ${clock(after.from)} — ${second}` : `${first}; if made after ${clock(after.from)}: ${second}`;
}
