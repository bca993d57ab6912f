import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { compilePaths } from '../compile/compile.js';
import type { Graph } from '../graph/types.js';
import { normalizeKey, parseAnswers, scriptedAnswer, unknownKeys, type AnswersFile } from './answers.js';
import { currentPrompt, startRun } from './engine.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
let graph: Graph;
beforeAll(async () => {
  graph = (await compilePaths([`${root}test/fixtures/run/flow.md`], { cwd: root })).graph;
});

function parsed(text: string): AnswersFile {
  const r = parseAnswers(text);
  if ('error' in r) throw new Error(r.error.code);
  return r.answers;
}

function open(nodeId: string) {
  const state = { ...startRun(graph, 'request', 'T'), node: nodeId, status: 'active' as const };
  const prompt = currentPrompt(graph, state);
  if (prompt.kind === 'finished') throw new Error('finished');
  return prompt;
}

describe('answers file', () => {
  it('matches prompts by id or by text, ignoring case, spaces and end punctuation', () => {
    expect(normalizeKey('  Is it   in the Tariff? ')).toBe('is it in the tariff');
    // a link's place as `instr show` prints it, which the run's prompt leaves out
    expect(normalizeKey('Фразы — в скрипте приветствия (instr show greeting-script).')).toBe('фразы — в скрипте приветствия');
    expect(normalizeKey('See the rules (https://example.com/rules) first')).toBe('see the rules first');
    expect(normalizeKey('See the form (templates/form.md ✗)')).toBe('see the form');
    expect(normalizeKey('Ask (politely) twice')).toBe('ask (politely) twice');
    const a = parsed('"is it in the tariff": No\ngreet: { skip: already greeted }\ninvoice-number: INV-7\npaid: true\n');
    expect(scriptedAnswer(open('in-tariff'), a)).toEqual({ answers: [{ type: 'choose', option: 'No' }] });
    expect(scriptedAnswer(open('greet'), a)).toEqual({ answers: [{ type: 'skip', reason: 'already greeted' }] });
    expect(scriptedAnswer(open('result'), a)).toEqual({ answers: [{ type: 'done' }] });
    expect(scriptedAnswer(open('invoice-number'), a)).toEqual({ answers: [{ type: 'confirm', confirmed: true, value: 'INV-7' }] });
    expect(scriptedAnswer(open('paid'), a)).toEqual({ answers: [{ type: 'arrived' }] });
    expect(scriptedAnswer(open('big'), a)).toEqual({ answers: [{ type: 'ack' }] });
  });

  it('gives a missing decision or checkpoint as missing, and an unanswered wait as suspend', () => {
    const a = parsed('{}');
    expect(scriptedAnswer(open('in-tariff'), a)).toEqual({ missing: 'in-tariff' });
    expect(scriptedAnswer(open('confirmed'), a)).toEqual({ missing: 'confirmed' });
    expect(scriptedAnswer(open('paid'), a)).toEqual({ suspend: true });
  });

  it('takes a wait’s answer in Russian too, and refuses a word it does not know instead of waiting silently', () => {
    const answer = (text: string) => scriptedAnswer(open('paid'), parsed(`paid: ${text}\n`));
    expect(answer('да')).toEqual({ answers: [{ type: 'arrived' }] });
    expect(answer('Уже произошло')).toEqual({ answers: [{ type: 'arrived' }] });
    expect(answer('нет')).toEqual({ suspend: true });
    expect(answer('false')).toEqual({ suspend: true });
    expect(answer('"11:00"')).toEqual({ happened: '11:00', at: { line: 1, column: 1 } });
    expect(answer('maybe')).toEqual({ waitWord: 'maybe', key: 'paid', at: { line: 1, column: 1 } });
    // a mapping (a step's form, given to a wait) is quoted as written, not as "[object Object]"
    expect(answer('{ skip: later }')).toEqual({ waitWord: '{"skip":"later"}', key: 'paid', at: { line: 1, column: 1 } });
  });

  it('notes a question, then does the step; a checkpoint answered false is not confirmed', () => {
    const a = parsed('"Greet the client.": { unclear: how formally? }\nconfirmed: false\n');
    expect(scriptedAnswer(open('greet'), a)).toEqual({ answers: [{ type: 'unclear', note: 'how formally?' }, { type: 'done' }] });
    expect(scriptedAnswer(open('confirmed'), a)).toEqual({ unconfirmed: true });
  });

  it('reads a checkpoint with the waits’ yes / no words, and refuses any other word at its line (friend test, issue 15)', () => {
    const answer = (node: string, text: string) => scriptedAnswer(open(node), parsed(`${node}: ${text}\n`));
    for (const no of ['false', 'no', 'нет', 'Нет', 'ещё нет']) expect(answer('confirmed', no)).toEqual({ unconfirmed: true });
    for (const yes of ['true', 'yes', 'да', 'Да', 'готово']) expect(answer('confirmed', yes)).toEqual({ answers: [{ type: 'confirm', confirmed: true }] });
    // quoted, YAML gives the strings "true" and "false": the same answers
    expect(answer('confirmed', '"true"')).toEqual({ answers: [{ type: 'confirm', confirmed: true }] });
    expect(answer('confirmed', '"false"')).toEqual({ unconfirmed: true });
    expect(answer('confirmed', 'maybe')).toEqual({
      error: { code: 'checkpointWord', args: { key: 'confirmed', value: 'maybe' }, at: { line: 1, column: 1 } },
    });
    // a checkpoint that asks for a value takes it; «нет» there is still not confirmed
    expect(answer('invoice-number', 'INV-8')).toEqual({ answers: [{ type: 'confirm', confirmed: true, value: 'INV-8' }] });
    expect(answer('invoice-number', 'нет')).toEqual({ unconfirmed: true });
  });

  it('finds keys that name nothing in the instruction', () => {
    expect(unknownKeys(graph, parsed('in-tarif: yes\nin-tariff: yes\n'))).toEqual([{ key: 'in-tarif', at: { line: 1, column: 1 } }]);
  });

  it('rejects hostile or malformed YAML with a message, never a crash', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...Array.from(
        { length: 9 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`,
      ),
    ].join('\n');
    expect(parseAnswers(bomb)).toMatchObject({ error: { code: 'aliases' } });
    expect(parseAnswers('- a\n- b\n')).toMatchObject({ error: { code: 'notMapping', at: { line: 1, column: 1 } } });
    expect(parseAnswers('a: 1\na: 2\n')).toMatchObject({ error: { code: 'duplicate', args: { key: 'a' }, at: { line: 2, column: 1 } } });
    expect(parseAnswers('x: 1\ngreet: { frob: 1 }')).toMatchObject({
      error: { code: 'unknownAnswer', args: { key: 'greet', word: 'frob' }, at: { line: 2, column: 1 } },
    });
    const proto = parsed('__proto__: { skip: x }\n');
    expect(({} as Record<string, unknown>)['skip']).toBeUndefined();
    expect(proto.entries.get('__proto__')).toEqual({ key: '__proto__', value: { skip: 'x' }, at: { line: 1, column: 1 } });
  });
});
