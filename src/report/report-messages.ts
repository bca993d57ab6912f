/** The report's words for runs it cannot judge at its moment and for schedules kept late (ru / en). */

function ruPlural(n: number, one: string, few: string, many: string): string {
  const d = n % 10;
  const dd = n % 100;
  if (d === 1 && dd !== 11) return one;
  if (d >= 2 && d <= 4 && (dd < 12 || dd > 14)) return few;
  return many;
}

const en = {
  futureRuns: (n: number, now: string) =>
    `${n} ${n === 1 ? 'run' : 'runs'} in the journal ${n === 1 ? 'is' : 'are'} dated after the moment this report judges at (${now}) and not counted`,
  futureHint: (n: number, command: string) => `to see ${n === 1 ? 'it' : 'them'}: ${command}`,
  scheduleLate: 'Scheduled, but started late',
  startedLate: (date: string, time: string, late: string) => `${date} (started at ${time}, ${late} late)`,
};

const ru: typeof en = {
  futureRuns: (n: number, now: string) =>
    `${n} ${ruPlural(n, 'прохождение', 'прохождения', 'прохождений')} в журнале ${n === 1 ? 'датировано' : 'датированы'} позже момента, на который составлен отчёт (${now}), и не ${n === 1 ? 'учтено' : 'учтены'}`,
  futureHint: (n: number, command: string) => `чтобы ${n === 1 ? 'его' : 'их'} увидеть: ${command}`,
  scheduleLate: 'По расписанию, но начато с опозданием',
  startedLate: (date: string, time: string, late: string) => `${date} (начато в ${time}, позже на ${late})`,
};

export type ReportMessages = typeof en;

export function reportMessages(lang: string): ReportMessages {
  return lang.toLowerCase().startsWith('ru') ? ru : en;
}
