/**
 * What a wait's two durations mean, in words a newcomer acts on (friend test: «срок после события:
 * 1 неделя; ждать не дольше: 3 дня» was not understood). `timeout`: how long to wait for the event;
 * past it, the wait's «время вышло» steps are taken, or, without them, the wait is overdue (the
 * agenda lists it) and one finds out why. `deadline`: once the event happened, the steps after the
 * wait are due within it, counted from the event.
 */
import { formatDuration } from './duration.js';
import { resolveLanguage } from './language.js';

/**
 * «если за 3 дня этого не случилось — шаги «Время вышло, оплаты нет»»; `onTimeout` true: the
 * steps are printed right below («— шаги ниже»).
 */
export function waitTimeoutText(timeout: string, lang: string | undefined, onTimeout?: string | true): string {
  const span = formatDuration(timeout, lang, 'accusative');
  if (resolveLanguage(lang) === 'ru') {
    const then = onTimeout === true ? 'шаги ниже' : onTimeout ? `шаги «${onTimeout}»` : 'выяснить, в чём дело: повестка напомнит';
    return `если за ${span} этого не случилось — ${then}`;
  }
  const then = onTimeout === true ? 'the steps below' : onTimeout ? `the steps "${onTimeout}"` : 'find out why: the agenda will remind you';
  return `if it has not happened within ${span} — ${then}`;
}

/** «когда случилось — следующие шаги сделать за 1 неделю после события». */
export function waitDeadlineText(deadline: string, lang: string | undefined): string {
  const span = formatDuration(deadline, lang, 'accusative');
  return resolveLanguage(lang) === 'ru'
    ? `когда случилось — следующие шаги сделать за ${span} после события`
    : `once it has happened — the next steps within ${span} of it`;
}
