/** The inbox's words for questions and for reading one entry whole (ru / en). */
const en = {
  questionsTitle: 'Questions for the instruction’s owner',
  stepGone: 'this step is no longer in the instruction',
  step: 'Step',
  question: 'Question',
  asked: 'asked',
  run: 'run',
  empty: 'The inbox is empty: no drafts and no questions.',
  answer: 'Answer',
  answeredBy: 'answered',
  answered: 'Question {id} is answered; instr inbox no longer lists it as open.',
  journal: 'journal',
  answerUsage: 'Name the question to answer: instr inbox answer Q-ID --note "the answer"',
  answerNeedsNote: 'Say the answer with --note "…": it is kept in the journal for whoever asked',
  answerTooLong: 'The answer is longer than {n} characters; put the details into the instruction and say where',
  noQuestion: 'No question has the id "{q}".',
  answeredHidden: 'answered questions not shown: {n} (instr inbox --all)',
  symlink: 'is a symbolic link; instr does not follow it (remove the link)',
  badHeader: 'the instr-inbox header on the first line is not valid JSON',
  notDraft: 'not an inbox draft: no <!-- instr-inbox {…} --> header on the first line',
  noCaptured: 'the header has no valid "captured" time',
};

const ru: typeof en = {
  questionsTitle: 'Вопросы к владельцу инструкции',
  stepGone: 'этого шага больше нет в инструкции',
  step: 'Шаг',
  question: 'Вопрос',
  asked: 'задан',
  run: 'прохождение',
  empty: 'Во входящих пусто: ни черновиков, ни вопросов.',
  answer: 'Ответ',
  answeredBy: 'ответ дан',
  answered: 'На вопрос {id} дан ответ; instr inbox больше не показывает его как открытый.',
  journal: 'журнал',
  answerUsage: 'Укажите вопрос, на который отвечаете: instr inbox answer Q-ID --note "ответ"',
  answerNeedsNote: 'Напишите ответ в --note "…": он сохранится в журнале для того, кто спрашивал',
  answerTooLong: 'Ответ длиннее {n} знаков; перенесите подробности в инструкцию и напишите, где они',
  noQuestion: 'Нет вопроса с id «{q}».',
  answeredHidden: 'вопросов с ответом не показано: {n} (instr inbox --all)',
  symlink: 'это символическая ссылка; instr по ней не переходит (удалите ссылку)',
  badHeader: 'заголовок instr-inbox в первой строке — не корректный JSON',
  notDraft: 'не черновик: в первой строке нет заголовка <!-- instr-inbox {…} -->',
  noCaptured: 'в заголовке нет правильного времени «captured»',
};

export type InboxMessages = typeof en;

export function inboxMessages(lang: string): InboxMessages {
  return lang.toLowerCase().startsWith('ru') ? ru : en;
}
