/** The inbox's words for questions and for reading one entry whole (ru / en). */
const en = {
  questionsTitle: 'Questions for the instruction’s owner',
  stepGone: 'this step is no longer in the instruction',
  step: 'Step',
  question: 'Question',
  asked: 'asked',
  run: 'run',
  empty: 'The inbox is empty: no drafts and no questions.',
};

const ru: typeof en = {
  questionsTitle: 'Вопросы к владельцу инструкции',
  stepGone: 'этого шага больше нет в инструкции',
  step: 'Шаг',
  question: 'Вопрос',
  asked: 'задан',
  run: 'прохождение',
  empty: 'Во входящих пусто: ни черновиков, ни вопросов.',
};

export type InboxMessages = typeof en;

export function inboxMessages(lang: string): InboxMessages {
  return lang.toLowerCase().startsWith('ru') ? ru : en;
}
