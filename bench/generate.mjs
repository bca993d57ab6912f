/**
 * Deterministic generator of realistic Russian instruction folders for `npm run bench` and for
 * tests: many tasks, nested decisions, cross-file jumps, escalations, checkpoints and waits.
 * Same seed → byte-identical files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a small seeded PRNG, good enough for text. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const verbs = [
  'Отправить',
  'Проверить',
  'Сверить',
  'Подготовить',
  'Согласовать',
  'Записать',
  'Позвонить',
  'Уточнить',
  'Передать',
  'Внести',
  'Распечатать',
  'Подписать',
  'Зарегистрировать',
  'Сообщить',
  'Запросить',
  'Оплатить',
  'Заполнить',
  'Переслать',
];
const objects = [
  'счёт клиенту',
  'акт сверки',
  'заявку в CRM',
  'договор с поставщиком',
  'выписку из банка',
  'первичные документы',
  'расчёт стоимости',
  'письмо бухгалтеру',
  'карточку клиента',
  'реестр платежей',
  'доверенность',
  'налоговую декларацию',
  'смету на технику',
  'график отпусков',
  'отчёт о выполнении',
  'протокол встречи',
];
const details = [
  'по электронной почте',
  'через чат в Telegram',
  'в системе 1С',
  'до 18:00 текущего дня',
  'в течение двух рабочих часов',
  'с копией директору',
  'по шаблону из папки «Образцы»',
  'с отметкой в журнале',
  'ответственному бухгалтеру',
  'по телефону +7 900 000-00-00',
  'в облачную папку клиента',
  'до конца рабочей недели',
];
const questions = [
  'Задача входит в тариф клиента?',
  'Клиент согласен оплатить?',
  'Документы пришли полностью?',
  'Сумма больше 100 000 ₽?',
  'Директор на месте?',
  'Клиент ответил в течение дня?',
  'Поставщик подтвердил наличие?',
  'Платёж поступил на счёт?',
  'Нужна подпись директора?',
  'Клиент новый?',
];
const answers = [
  ['Да', 'Нет'],
  ['Да, входит', 'Нет, не входит'],
  ['Согласен', 'Не согласен', 'Просит подумать'],
  ['Пришли', 'Не хватает части', 'Не пришли'],
];
const triggers = [
  'Клиент написал в чат или на почту',
  'Поступил звонок от клиента',
  'Пришло письмо из налоговой',
  'Наступил последний рабочий день месяца',
  'Бухгалтер сообщил о просрочке',
  'Поставщик прислал счёт',
  'Клиент пришёл в офис',
];
const ends = ['Клиент отказался', 'Задача передана бухгалтеру', 'Вопрос закрыт', 'Документы отправлены'];
const taskTitles = [
  'Обработать заявку клиента',
  'Выставить счёт',
  'Заказать технику',
  'Принять документы',
  'Провести сверку',
  'Ответить на претензию',
  'Поздравить клиента',
  'Оформить договор',
  'Передать отчётность',
  'Встретить клиента в офисе',
];

const pick = (rnd, list) => list[Math.floor(rnd() * list.length)];

function stepText(rnd) {
  return `${pick(rnd, verbs)} ${pick(rnd, objects)} ${pick(rnd, details)}.`;
}

/**
 * @param {object} o
 * @param {number} o.files how many files
 * @param {number} o.bytesPerFile approximate size of each file
 * @param {number} [o.seed]
 * @param {number} [o.mutate] share of steps (0..1) whose text is changed: a second version for diff
 * @returns {Array<{name: string, text: string}>}
 */
export function generateInstructions({ files, bytesPerFile, seed = 1, mutate = 0 }) {
  const out = [];
  const tasksPerFile = [];
  // First pass decides each file's task count from its size, so jumps can target other files.
  const approxTaskBytes = 2600;
  for (let f = 0; f < files; f++) tasksPerFile.push(Math.max(2, Math.round(bytesPerFile / approxTaskBytes)));
  const mutateRnd = random(seed * 7919 + 13);
  for (let f = 0; f < files; f++) {
    const rnd = random(seed * 1000 + f);
    const name = `part-${String(f + 1).padStart(3, '0')}.md`;
    const lines = [
      '---',
      `id: part-${f + 1}`,
      `title: Должностная инструкция клиентского менеджера, часть ${f + 1}`,
      'role: Клиентский менеджер',
      'lang: ru',
      'owner: director',
      'reviewed: 2026-11-01',
      'review: P6M',
      'roles:',
      '  director:',
      '    title: Директор',
      '    name: Ирина Соколова',
      '    contacts:',
      '      phone: "+7 900 000-00-00"',
      '      email: director@example.ru',
      '  accountant:',
      '    title: Главный бухгалтер',
      '    contacts:',
      '      email: buh@example.ru',
      '---',
      '',
      `# Клиентский менеджер, часть ${f + 1}`,
      '',
      '## Режим работы {.schedule}',
      '',
      'Рабочий день с 9:00 до 18:00 по московскому времени, обед с 13:00 до 14:00. Быть на связи в чате и по телефону весь рабочий день.',
      '',
      '## Ежедневные задачи {.tasks}',
      '',
    ];
    const count = tasksPerFile[f];
    for (let t = 0; t < count; t++) {
      if (t === Math.floor(count * 0.8)) lines.push('## Что делать, если… {.situations}', '');
      const id = `f${f + 1}-t${t + 1}`;
      lines.push(`### ${pick(rnd, taskTitles)} (${f + 1}.${t + 1}) {#${id}}`, '');
      lines.push(`::when[${pick(rnd, triggers)}]{deadline=P${1 + Math.floor(rnd() * 5)}D}`, '');
      if (t % 7 === 0) lines.push('::schedule[В последнюю пятницу каждого месяца]{rrule="FREQ=MONTHLY;BYDAY=-1FR" time="10:00"}', '');
      let n = 1;
      const step = (indent) => {
        let text = stepText(rnd);
        if (mutate > 0 && mutateRnd() < mutate) text = `${text.slice(0, -1)} и сообщить директору.`;
        return `${indent}${n++}. ${text}`;
      };
      for (let s = 0; s < 3; s++) lines.push(step(''));
      lines.push('');
      emitDecision(lines, rnd, '', 1, { f, t, files, tasksPerFile, step: (indent) => step(indent), resetN: () => (n = 1) });
      lines.push('');
      n = 4;
      lines.push(step(''), step(''));
      lines.push('');
      if (rnd() < 0.3) lines.push('::escalate[Клиент недоволен сроками]{role=director}', '');
      if (rnd() < 0.3) lines.push(`::wait[Директор согласовал заявку]{#${id}-ok deadline=P1W}`, '');
      lines.push(`::checkpoint[${pick(rnd, objects)} — отметка в журнале]`, '');
    }
    lines.push(
      '## Нормы общения {.norms}',
      '',
      'Здороваться первым, благодарить клиента за обращение, обращаться на «вы», пока клиент сам не предложит перейти на «ты».',
      '',
    );
    out.push({ name, text: lines.join('\n') });
  }
  return out;
}

function emitDecision(lines, rnd, indent, depth, ctx) {
  lines.push(`${indent}::decision[${pick(rnd, questions)}]`);
  const options = pick(rnd, answers);
  for (let o = 0; o < options.length; o++) {
    lines.push(`${indent}- ${options[o]}`);
    const inner = `${indent}  `;
    ctx.resetN();
    lines.push(ctx.step(inner), ctx.step(inner));
    if (depth < 3 && o === 0) {
      lines.push('');
      emitDecision(lines, rnd, inner, depth + 1, ctx);
    } else if (o === 1) {
      // a jump to a task in another file (or this one): cross-file links
      const other = (ctx.f + 1 + Math.floor(rnd() * ctx.files)) % ctx.files;
      const target = `f${other + 1}-t${1 + Math.floor(rnd() * ctx.tasksPerFile[other])}`;
      lines.push('', `${inner}::goto[#${target}]{return}`);
    } else if (o === 2) {
      lines.push('', `${inner}::end[${pick(rnd, ends)}]`);
    }
  }
}

/** Writes the generated files into `dir` (created); returns their total size in bytes. */
export function writeInstructions(dir, options) {
  mkdirSync(dir, { recursive: true });
  let total = 0;
  for (const { name, text } of generateInstructions(options)) {
    writeFileSync(join(dir, name), text);
    total += Buffer.byteLength(text);
  }
  return total;
}
