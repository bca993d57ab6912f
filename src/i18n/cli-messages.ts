/** The CLI's own lines around the findings (summaries, limits), in the instruction's language. */
import { resolveLanguage } from './language.js';

const en = {
  errorsFirst: (n: number) => `${n} error${n === 1 ? '' : 's'} in the instructions; fix them first (instr lint shows every problem)`,
  moreWarnings: (n: number, max: number) => `${n} warning${n === 1 ? '' : 's'}, more than --max-warnings ${max}`,
};

const ru: typeof en = {
  errorsFirst: (n) => `В инструкциях ${n} ${plural(n, 'ошибка', 'ошибки', 'ошибок')}; сначала исправьте их (instr lint покажет все проблемы)`,
  moreWarnings: (n, max) => `${n} ${plural(n, 'предупреждение', 'предупреждения', 'предупреждений')} — больше, чем --max-warnings ${max}`,
};

function plural(n: number, one: string, few: string, many: string): string {
  const form = new Intl.PluralRules('ru').select(n);
  return form === 'one' ? one : form === 'few' ? few : many;
}

export function cliMessages(lang: string | undefined): typeof en {
  return resolveLanguage(lang) === 'ru' ? ru : en;
}
