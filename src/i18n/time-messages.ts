/**
 * The words of working time on screen (ru / en): shortened days, promises, a run's subject.
 * Kept apart from the main catalogue so that the features that use them stay in one place.
 */
const en = {
  /** An agenda item moved on a shortened pre-holiday day: «сокращённый день, по расписанию 17:30». */
  shortenedDay: (from: string) => `shortened day, scheduled ${from}`,
  promise: 'Promise',
  promiseStep: 'A promise to the client: done = you gave it; it stays in the agenda until it is kept',
  promiseKeptChoice: 'Promise kept:',
  promiseKeptNoted: 'Noted: the promise is kept.',
  promiseDue: 'due',
  promiseMade: 'Promised',
  promiseKept: 'kept',
  promiseKeptLate: 'kept late',
  promiseBroken: 'broken',
  promiseOpen: 'open',
  promisesTitle: 'Promises to clients',
  promisesCounts: (made: number, kept: number, late: number, broken: number, open: number) =>
    `made ${made} · kept on time ${kept} · kept late ${late} · broken ${broken} · open ${open}`,
  promiseAsk: (text: string, due: string) => `Was the promise kept: «${text}» (due ${due})?`,
  promiseYes: 'Yes, kept',
  promiseNo: 'No, not kept',
  promiseLater: 'Not yet',
  promiseKeepHint: 'when kept',
  promiseOwed: 'on the agenda until it is kept',
  promiseDropped: 'dropped',
  /** What kept a promise, so that a newcomer sees why it is no longer owed. */
  promiseKeptByStep: (step: string) => `by step ${step}`,
  promiseKeptByWait: (event: string) => `when «${event}» happened`,
  promiseKeptByEnd: 'the task was done',
  promiseKeptByAnswer: 'marked kept',
  about: 'About',
  aboutAsk: 'What is this run about (a client, a request; optional, Enter to skip)?',
};

const ru: typeof en = {
  shortenedDay: (from) => `сокращённый день, по расписанию ${from}`,
  promise: 'Обещание',
  promiseStep: 'Обещание клиенту: «Сделано» — вы его дали; оно в повестке, пока не выполнено',
  promiseKeptChoice: 'Обещание выполнено:',
  promiseKeptNoted: 'Записано: обещание выполнено.',
  promiseDue: 'срок',
  promiseMade: 'Обещано',
  promiseKept: 'выполнено',
  promiseKeptLate: 'выполнено с опозданием',
  promiseBroken: 'не выполнено',
  promiseOpen: 'открыто',
  promisesTitle: 'Обещания клиентам',
  promisesCounts: (made, kept, late, broken, open) =>
    `дано ${made} · выполнено в срок ${kept} · с опозданием ${late} · не выполнено ${broken} · открыто ${open}`,
  promiseAsk: (text, due) => `Обещание выполнено: «${text}» (срок ${due})?`,
  promiseYes: 'Да, выполнено',
  promiseNo: 'Нет, не выполнено',
  promiseLater: 'Ещё нет',
  promiseKeepHint: 'когда выполните',
  promiseOwed: 'в повестке, пока не выполнено',
  promiseDropped: 'снято',
  promiseKeptByStep: (step) => `шагом ${step}`,
  promiseKeptByWait: (event) => `когда наступило «${event}»`,
  promiseKeptByEnd: 'задача завершена',
  promiseKeptByAnswer: 'отмечено выполненным',
  about: 'О чём',
  aboutAsk: 'О чём это прохождение (клиент, заявка; необязательно, Enter — пропустить)?',
};

export type TimeMessages = typeof en;

export function timeMessages(lang: string): TimeMessages {
  return lang.toLowerCase().startsWith('ru') ? ru : en;
}
