import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { compilePaths } from '../compile/compile.js';
import type { Graph } from '../graph/types.js';
import { bindScenarios } from './bind.js';
import { coverage } from './coverage.js';
import { executeScenario } from './execute.js';
import { compare } from './expect.js';
import { failureText } from './failure-text.js';
import { parseScenarioText } from './load.js';
import { suggestScenarios, suggestionsYaml } from './suggest.js';
import type { BoundScenario } from './types.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../test/fixtures/scenario/${name}`, import.meta.url));
let ru: Graph;
let en: Graph;

beforeAll(async () => {
  ru = (await compilePaths([fixture('basic/request.md')])).graph;
  en = (await compilePaths([fixture('loop/approve.md')])).graph;
});

function bind(graph: Graph, yaml: string) {
  const loaded = parseScenarioText(yaml, 's.yaml');
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
  return bindScenarios(loaded.loaded, graph);
}

function only(graph: Graph, yaml: string): BoundScenario {
  const { scenarios, diagnostics } = bind(graph, yaml);
  expect(diagnostics).toEqual([]);
  expect(scenarios).toHaveLength(1);
  return scenarios[0]!;
}

function check(graph: Graph, yaml: string) {
  const scenario = only(graph, yaml);
  const run = executeScenario(graph, scenario, 200);
  const failures = compare(scenario, run, (n) => `${n.position.file}:${n.position.line}`);
  return { run, failures, texts: failures.map((f) => failureText(f.code, f.params, 'en')) };
}

describe('binding a scenario to the instructions', () => {
  it('reports an unknown task, answer, option and path entry at their lines', () => {
    const { scenarios, diagnostics } = bind(
      ru,
      [
        'scenarios:',
        '  - name: no such task',
        '    task: nope',
        '    expect: {status: done}',
        '  - name: bad answers',
        '    task: request',
        '    answers:',
        '      Нет такого решения: Да',
        '      in-tariff: Может быть',
        '      Сумма больше 100 000 ₽: true',
        '      Счёт выставлен: true',
        '    expect:',
        '      path: [Поздороваться…, Чего-то нет]',
        '  - name: no task at all',
        '    expect: {status: done}',
      ].join('\n'),
    );
    expect(scenarios).toEqual([]);
    const lines = diagnostics.map((d) => [d.line, d.message]);
    expect(lines).toEqual([
      [3, expect.stringContaining('No task "nope"')],
      [8, expect.stringContaining('No decision, checkpoint, step or wait "Нет такого решения"')],
      [9, expect.stringContaining('"Может быть" is not an option of "Задача входит в тариф клиента?"; options: Да, входит | Нет, не входит')],
      [10, expect.stringContaining('is an escalation')],
      [11, expect.stringContaining('asks for a value (Номер счёта); give the value instead of true')],
      [13, expect.stringContaining('no node "Чего-то нет"')],
      [14, expect.stringContaining('names no task')],
    ]);
    expect(diagnostics.every((d) => d.file === 's.yaml' && d.rule === 'scenario-binding')).toBe(true);
  });

  it('treats a __proto__ answer key as an unknown prompt', () => {
    const { scenarios, diagnostics } = bind(ru, 'task: request\nscenarios:\n  - name: A\n    answers:\n      __proto__: Да\n    expect: {status: done}\n');
    expect(scenarios).toEqual([]);
    expect(diagnostics[0]).toMatchObject({ line: 5, message: expect.stringContaining('No decision, checkpoint, step or wait "__proto__"') });
  });

  it('refuses two answers to the same prompt', () => {
    const { diagnostics } = bind(
      ru,
      'task: request\nscenarios:\n  - name: A\n    answers:\n      in-tariff: Да, входит\n      Задача входит в тариф клиента?: Нет, не входит\n    expect: {status: done}\n',
    );
    expect(diagnostics.map((d) => [d.line, d.message])).toEqual([
      [6, 'Задача входит в тариф клиента?" answers the same prompt as "in-tariff"; keep one of them (a list answers successive visits)'.replace(/^/, '"')],
    ]);
  });

  it('matches texts without case, ё, spacing or final punctuation, and by prefix with …', () => {
    const scenario = only(
      ru,
      'task: request\nscenarios:\n  - name: A\n    answers:\n      "  задача ВХОДИТ в тариф клиента ": нет, не входит\n      клиент согласен оплатить: да\n      СЧЕТ выставлен: "1"\n    expect:\n      path-includes: [сверить заявку…]\n',
    );
    expect(scenario.answers.map((a) => [...a.nodes])).toEqual([['in-tariff'], [expect.stringMatching(/^request\.d/)], [expect.stringMatching(/^invoice\.c/)]]);
  });
});

describe('running a scenario', () => {
  it('passes when the path, status and outcome are as expected', () => {
    const { run, failures } = check(
      ru,
      'task: request\nscenarios:\n  - name: refused\n    answers:\n      in-tariff: Нет, не входит\n      Клиент согласен оплатить?: Нет\n    expect:\n      status: cancelled\n      outcome: Клиент отказался\n      path: [Поздороваться…, Сверить заявку…, in-tariff, Сообщить клиенту стоимость…, Клиент согласен оплатить?, Клиент отказался]\n',
    );
    expect(failures).toEqual([]);
    expect(run.status).toBe('cancelled');
  });

  it('follows a jump with return, defaults waits and escalations, and takes checkpoint values', () => {
    const { run, failures } = check(
      ru,
      'task: request\nscenarios:\n  - name: pays\n    answers:\n      in-tariff: extra\n      Клиент согласен оплатить?: Да\n      Счёт выставлен: 2026-17\n    expect:\n      status: done\n      path-includes: [Выставить счёт, Сумма больше 100 000 ₽, paid, Счёт выставлен, Когда задача выполнена…]\n      path-excludes: [Клиент отказался]\n',
    );
    expect(failures).toEqual([]);
    expect(run.visited.map((n) => n.kind)).toContain('escalation');
  });

  it('names the first diverging step, with the instruction line and the scenario line', () => {
    const { failures, texts } = check(
      ru,
      'task: request\nscenarios:\n  - name: wrong\n    answers:\n      in-tariff: Да, входит\n    expect:\n      status: cancelled\n      path:\n        - Поздороваться…\n        - Сверить заявку…\n        - in-tariff\n        - Сообщить клиенту стоимость работы по прайсу\n',
    );
    expect(texts).toEqual([
      'Expected status cancelled, got done',
      'Path, item 4: expected «Сообщить клиенту стоимость работы по прайсу», got «Поставить задачу ответственному бухгалтеру.»',
    ]);
    expect(failures[1]).toMatchObject({ code: 'path-differs', at: 'request.md:27', where: { file: 's.yaml', line: 12 } });
  });

  it('says when the path is longer or shorter than the run, and when an included node never comes', () => {
    const shorter = check(ru, 'task: request\nscenarios:\n  - name: A\n    answers: {in-tariff: "Да, входит"}\n    expect:\n      path: [Поздороваться…]\n');
    expect(shorter.texts).toEqual(['Path, item 2: expected the run to end, but it went on to «Сверить заявку с тарифом клиента.»']);
    const longer = check(
      ru,
      'task: request\nscenarios:\n  - name: A\n    answers: {in-tariff: "Нет, не входит", Клиент согласен оплатить?: Нет}\n    expect:\n      path: [Поздороваться…, Сверить…, in-tariff, Сообщить…, Клиент согласен оплатить?, Клиент отказался, Когда задача выполнена…]\n',
    );
    expect(longer.texts).toEqual(['Path, item 7: expected «Когда задача выполнена…», but the run ended after «Клиент отказался»']);
    const order = check(
      ru,
      'task: request\nscenarios:\n  - name: A\n    answers: {in-tariff: "Да, входит"}\n    expect:\n      path-includes: [in-tariff, Поздороваться…]\n',
    );
    expect(order.texts).toEqual(['Expected «Поздороваться…» after «in-tariff», but the run went through it before']);
    const never = check(
      ru,
      'task: request\nscenarios:\n  - name: A\n    answers: {in-tariff: "Да, входит"}\n    expect:\n      path-includes: [Выставить счёт]\n      path-excludes: [Поставить задачу…]\n',
    );
    expect(never.texts).toEqual([
      'Expected the run to go through «Выставить счёт», but it never did',
      'The run went through «Поставить задачу ответственному бухгалтеру.», which the scenario excludes',
    ]);
  });

  it('fails, never hangs, when a decision has no answer, naming the decision and its options', () => {
    const { run, failures, texts } = check(
      ru,
      'task: request\nscenarios:\n  - name: A\n    answers: {in-tariff: "Нет, не входит"}\n    expect: {status: cancelled}\n',
    );
    expect(run.status).toBe('stuck');
    expect(texts).toEqual(['No answer for the decision «Клиент согласен оплатить?»; options: Да | Нет']);
    expect(failures[0]!.at).toBe('request.md:31');
  });

  it('needs a value for a checkpoint that asks for one', () => {
    const { texts } = check(en, 'task: delivery\nscenarios:\n  - name: A\n    expect: {status: done}\n');
    expect(texts).toEqual(['No answer for the checkpoint «Invoice number from the delivery note», which asks for: Invoice number']);
  });

  it('stops at a wait answered false with status waiting', () => {
    const { run, failures } = check(
      en,
      'task: delivery\nscenarios:\n  - name: A\n    answers: {arrived: false}\n    expect: {status: waiting, path: [Agree on a delivery time, The goods arrived]}\n',
    );
    expect(failures).toEqual([]);
    expect(run.status).toBe('waiting');
  });

  it('records skips and unclear notes and goes on', () => {
    const { run, failures } = check(
      en,
      'task: delivery\nscenarios:\n  - name: A\n    answers:\n      Agree on a delivery time: {unclear: Which phone number?}\n      Put the goods on the shelf: {skip: No room left}\n      Invoice number from the delivery note: 4711\n      The goods match the order: true\n    expect: {status: done}\n',
    );
    expect(failures).toEqual([]);
    expect(run.visited.map((n) => n.id)).toEqual(['delivery.sb300c1', 'arrived', 'delivery.c369282', 'delivery.c8345a9', 'delivery.sa5a934']);
  });

  it('pauses at a checkpoint answered false, as instr run does: the run never goes on past it (friend test)', () => {
    const answers = '    answers:\n      Invoice number from the delivery note: 4711\n      The goods match the order: false\n';
    const paused = check(en, `task: delivery\nscenarios:\n  - name: A\n${answers}    expect: {status: paused, path-excludes: [Put the goods on the shelf]}\n`);
    expect(paused.failures).toEqual([]);
    expect(paused.run.status).toBe('paused');
    expect(paused.run.visited.at(-1)?.id).toBe('delivery.c8345a9');
    // the old rule (false, then on to the end) is a failure that names both statuses
    const done = check(en, `task: delivery\nscenarios:\n  - name: A\n${answers}    expect: {status: done}\n`);
    expect(done.texts).toEqual(['Expected status done, got paused']);
  });

  it('gives the answers of a list to successive visits of a decision', () => {
    const { failures, run } = check(
      en,
      'task: approve\nscenarios:\n  - name: A\n    answers: {approved: [No, No, Yes]}\n    expect: {status: done, outcome: Layout approved}\n',
    );
    expect(failures).toEqual([]);
    expect(run.visited.filter((n) => n.id === 'send')).toHaveLength(3);
  });

  it('fails when an answer is never asked for, or a list has more answers than visits', () => {
    const { texts, failures } = check(
      ru,
      'task: request\nscenarios:\n  - name: A\n    answers:\n      in-tariff: ["Да, входит", "Нет, не входит"]\n      Клиент согласен оплатить?: Да\n    expect: {status: done}\n',
    );
    expect(texts).toEqual([
      '«in-tariff» has 2 answers, but the run asked only 1 times',
      'The answer to «Клиент согласен оплатить?» was never asked for: the run did not get there',
    ]);
    expect(failures[1]!.where).toMatchObject({ line: 6 });
  });

  it('stops a scenario that loops with a message', () => {
    const { texts } = check(en, 'task: approve\nscenarios:\n  - name: A\n    answers: {approved: No}\n    expect: {status: done}\n');
    expect(texts[0]).toBe(
      'The scenario loops: it comes back to «Send the layout to the client.» with the same answers and would go round forever; give a list of answers to the decision that repeats',
    );
    const long = executeScenario(
      en,
      only(en, 'task: approve\nscenarios:\n  - name: A\n    answers: {approved: [No, No, No, No, No, No, Yes]}\n    expect: {status: done}\n'),
      5,
    );
    expect(long.status).toBe('stuck');
    expect(long.stuck).toMatchObject({ code: 'too-many-prompts', params: { count: 5 } });
  });
});

describe('coverage', () => {
  it('counts, for every decision option, the scenarios that chose it', () => {
    const { scenarios } = bind(
      ru,
      'task: request\nscenarios:\n  - name: A\n    answers: {in-tariff: "Да, входит"}\n    expect: {status: done}\n  - name: B\n    answers: {in-tariff: "Нет, не входит", Клиент согласен оплатить?: Нет}\n    expect: {status: cancelled}\n',
    );
    const runs = scenarios.map((s) => executeScenario(ru, s));
    const result = coverage(
      ru,
      runs.map((r) => r.chosen),
    );
    expect(result.total).toBe(4);
    expect(result.covered).toBe(3);
    expect(result.options.map((o) => [o.decision.question, o.option.label, o.scenarios])).toEqual([
      ['Задача входит в тариф клиента?', 'Да, входит', 1],
      ['Задача входит в тариф клиента?', 'Нет, не входит', 1],
      ['Клиент согласен оплатить?', 'Да', 0],
      ['Клиент согласен оплатить?', 'Нет', 1],
    ]);
    expect(result.options[2]!.option.position.line).toBe(32);
  });
});

describe('suggestions for what no scenario reaches', () => {
  it('writes scenarios that pass and reach every option left, loops included', () => {
    for (const graph of [ru, en]) {
      const missing = coverage(graph, []).options;
      const yaml = suggestionsYaml(suggestScenarios(graph, missing));
      const { scenarios, diagnostics } = bind(graph, yaml);
      expect(diagnostics).toEqual([]);
      const runs = scenarios.map((s) => ({ s, run: executeScenario(graph, s) }));
      for (const { s, run } of runs) expect(compare(s, run, () => '')).toEqual([]);
      const after = coverage(
        graph,
        runs.map((r) => r.run.chosen),
      );
      expect(after.covered).toBe(after.total);
    }
  });

  it('answers a loop with a list and a value checkpoint with a placeholder', () => {
    const yaml = suggestionsYaml(
      suggestScenarios(
        en,
        coverage(en, []).options.filter((o) => o.option.label === 'No'),
      ),
    );
    expect(yaml).toContain('approved:\n        - No\n        - Yes');
    expect(yaml).toContain('outcome: Layout approved');
    const ruYaml = suggestionsYaml(
      suggestScenarios(
        ru,
        coverage(ru, []).options.filter((o) => o.option.label === 'Да'),
      ),
    );
    expect(ruYaml).toContain('Счёт выставлен: <Номер счёта>');
  });
});
