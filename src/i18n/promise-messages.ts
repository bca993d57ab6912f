/** The words of `instr promise kept` and of the answers file's `kept:` (ru / en). */
const en = {
  usage: 'name the run: instr promise kept RUN (its id is in instr agenda, next to the promise)',
  noRun: (run: string, journal: string) => `no run "${run}" in the journal ${journal}`,
  noPromise: (run: string) => `the run ${run} made no promise to a client`,
  noneOpen: (run: string, list: string) => `the run ${run} owes no promise: ${list}`,
  several: (run: string, list: string) => `the run ${run} owes several promises; name one with --promise:\n${list}`,
  unknown: (what: string, run: string, list: string) => `the run ${run} made no promise "${what}"; its promises:\n${list}`,
  alreadyKept: (text: string, at: string) => `the promise «${text}» was already kept, ${at}`,
  dropped: (text: string) => `the promise «${text}» was dropped: its run was cancelled or discarded`,
  atFormat: (text: string) => `--at "${text}": a time such as 17:40 (today) or 2026-11-27 17:40`,
  atFuture: (text: string) => `--at "${text}" is later than now: a promise is marked kept once it has been kept`,
  beforeMade: (at: string, made: string) => `kept ${at}, before the promise was made (${made})`,
  noteTooLong: (max: number) => `--note is longer than ${max} characters`,
  locked: (run: string, pid: number) => `the run ${run} is being continued right now (process ${pid}); mark the promise there, or when it stops`,
  raced: (run: string) => `the run ${run} moved while the promise was being marked; run the command again`,
  kept: (text: string) => `The promise «${text}» is kept`,
  onTime: (due: string) => `on time (due ${due})`,
  late: (due: string) => `late (it was due ${due})`,
  noDue: 'no due time',
  stateKept: 'kept',
  stateLate: 'kept late',
  stateBroken: 'broken, not kept',
  stateOpen: 'open',
  stateDropped: 'dropped',
  due: 'due',
  journal: 'journal',
  listTitle: 'Promises to clients still owed',
  listNone: 'No promise to a client is owed.',
  listRun: 'run',
  /** Answers file: `PROMISE: { kept: … }` on a step that is no promise, or a bad time. */
  answerNotPromise: (key: string) => `"${key}": kept: is an answer for a promise step (::promise) only`,
  answerKeptValue: (key: string) => `"${key}": kept: takes true (kept now), a time such as "17:40" (today) or "2026-11-27 17:40"`,
  answerKeptFuture: (key: string, text: string) => `"${key}": kept: "${text}" is later than now`,
  answerKeptBefore: (key: string, text: string, made: string) =>
    `"${key}": kept: "${text}" is before the promise was made (${made}: a scripted run's answers are all given at its moment, --now; say kept: true, or keep it later with instr promise kept)`,
};

const ru: typeof en = {
  usage: 'назовите прохождение: instr promise kept ПРОХОЖДЕНИЕ (его номер — в instr agenda, рядом с обещанием)',
  noRun: (run, journal) => `в журнале ${journal} нет прохождения «${run}»`,
  noPromise: (run) => `в прохождении ${run} не давали обещаний клиенту`,
  noneOpen: (run, list) => `у прохождения ${run} нет невыполненных обещаний: ${list}`,
  several: (run, list) => `у прохождения ${run} несколько невыполненных обещаний; укажите одно в --promise:\n${list}`,
  unknown: (what, run, list) => `в прохождении ${run} нет обещания «${what}»; его обещания:\n${list}`,
  alreadyKept: (text, at) => `обещание «${text}» уже отмечено выполненным: ${at}`,
  dropped: (text) => `обещание «${text}» снято: его прохождение отменено или брошено`,
  atFormat: (text) => `--at «${text}»: время вида 17:40 (сегодня) или 2026-11-27 17:40`,
  atFuture: (text) => `--at «${text}» — позже, чем сейчас: обещание отмечают, когда оно уже выполнено`,
  beforeMade: (at, made) => `выполнено ${at} — раньше, чем обещание дали (${made})`,
  noteTooLong: (max) => `--note длиннее ${max} символов`,
  locked: (run, pid) => `прохождение ${run} сейчас продолжают (процесс ${pid}); отметьте обещание там или когда его закроют`,
  raced: (run) => `прохождение ${run} изменилось, пока отмечали обещание; повторите команду`,
  kept: (text) => `Обещание «${text}» выполнено`,
  onTime: (due) => `в срок (срок ${due})`,
  late: (due) => `с опозданием (срок был ${due})`,
  noDue: 'без срока',
  stateKept: 'выполнено',
  stateLate: 'выполнено с опозданием',
  stateBroken: 'не выполнено, срок прошёл',
  stateOpen: 'открыто',
  stateDropped: 'снято',
  due: 'срок',
  journal: 'журнал',
  listTitle: 'Невыполненные обещания клиентам',
  listNone: 'Невыполненных обещаний клиентам нет.',
  listRun: 'прохождение',
  answerNotPromise: (key) => `«${key}»: kept: — ответ только для шага-обещания (::promise)`,
  answerKeptValue: (key) => `«${key}»: kept: — true (выполнено сейчас), время «17:40» (сегодня) или «2026-11-27 17:40»`,
  answerKeptFuture: (key, text) => `«${key}»: kept: «${text}» — позже, чем сейчас`,
  answerKeptBefore: (key, text, made) =>
    `«${key}»: kept: «${text}» — раньше, чем обещание дали (${made}: все ответы файла даются в момент прохождения, --now; напишите kept: true или отметьте позже командой instr promise kept)`,
};

export type PromiseMessages = typeof en;

export function promiseMessages(lang: string): PromiseMessages {
  return lang.toLowerCase().startsWith('ru') ? ru : en;
}
