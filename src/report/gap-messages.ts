/** The report's words for situations not covered by the instruction (ru / en). */
const en = {
  title: 'Situations not in the instruction: what to add',
  decidedBy: 'decided by',
  endedRun: 'the run ended here',
  outsideStep: 'outside a step',
};

const ru: typeof en = {
  title: 'Ситуации, которых нет в инструкции: что добавить',
  decidedBy: 'решение принял(а)',
  endedRun: 'прохождение закончено здесь',
  outsideStep: 'вне шага',
};

export type GapMessages = typeof en;

export function gapMessages(lang: string): GapMessages {
  return lang.toLowerCase().startsWith('ru') ? ru : en;
}
