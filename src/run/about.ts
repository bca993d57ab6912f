/**
 * A run's subject («ООО Ромашка, акт сверки»): what tells five paused runs of one task apart. It is
 * user text: kept on one line, without control characters, and bounded; every screen that shows it
 * still passes it through terminalSafe.
 */
const maxAboutLength = 200;

/** The subject as journaled: one line, no control characters, at most maxAboutLength characters; undefined when empty. */
export function normalizeAbout(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const line = text
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return line ? [...line].slice(0, maxAboutLength).join('') : undefined;
}

/** Whether `instr run` asks for a subject at the start: not for routine scheduled tasks (the daily check), which need none. */
export function asksAbout(task: { schedules: readonly unknown[] }): boolean {
  return task.schedules.length === 0;
}
