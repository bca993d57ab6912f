import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DecisionNode, JumpNode, Node, StepNode } from '../graph/types.js';
import { compilePaths, compileSource, linkSources, sourceFromBytes } from './compile.js';

const fixtures = fileURLToPath(new URL('../../test/fixtures/compile/', import.meta.url));
const compileFixture = (...names: string[]) =>
  compilePaths(
    names.map((n) => `${fixtures}${n}`),
    { cwd: fixtures },
  );

function inMemory(text: string, path = 'mem.md') {
  const loaded = sourceFromBytes(new TextEncoder().encode(text), path, path);
  if (!('source' in loaded)) throw new Error(loaded.diagnostic.message);
  return linkSources([compileSource(loaded.source)]);
}

function byKind<K extends Node['kind']>(nodes: Record<string, Node>, kind: K): Array<Extract<Node, { kind: K }>> {
  return Object.values(nodes).filter((n): n is Extract<Node, { kind: K }> => n.kind === kind);
}

describe('compile: the constructs of the language', () => {
  it('compiles tasks, triggers, steps, decisions, jumps, ends, escalations, checkpoints, waits and schedules', async () => {
    const { graph, diagnostics } = await compileFixture('request.md');
    expect(diagnostics).toEqual([]);
    expect(graph.tasks.map((t) => t.id)).toEqual(['request', 'invoice', 'equipment']);
    const request = graph.tasks[0]!;
    expect(request.trigger).toMatchObject({ text: 'Клиент написал в чат', deadline: 'P1D', position: { line: 26, column: 1 } });
    const first = graph.nodes[request.entry!] as StepNode;
    expect(first).toMatchObject({ kind: 'step', text: 'Поздороваться и поблагодарить за заявку.', position: { file: 'request.md', line: 28, column: 1 } });
    const second = graph.nodes[first.next!] as StepNode;
    expect(second.details).toContain('тариф в карточке клиента');
    expect(second.links?.[0]).toMatchObject({ url: 'templates/x.md', resolved: 'templates/x.md' });
    const decision = graph.nodes[second.next!] as DecisionNode;
    expect(decision).toMatchObject({ id: 'in-tariff', explicitId: true, question: 'Задача входит в тариф клиента?' });
    expect(decision.options.map((o) => o.label)).toEqual(['Да, входит', 'Нет, не входит']);
    // join: both branches continue with step 3
    const join = graph.nodes[decision.join!] as StepNode;
    expect(join.text).toBe('Когда задача выполнена, сообщить клиенту результат.');
    const yesStep = graph.nodes[decision.options[0]!.next!] as StepNode;
    expect(yesStep.next).toBe(join.id);
    const inner = byKind(graph.nodes, 'decision').find((d) => d.question === 'Клиент согласен оплатить?')!;
    const jump = graph.nodes[inner.options[0]!.next!] as JumpNode;
    expect(jump).toMatchObject({ kind: 'jump', target: 'invoice', return: true, targetTask: 'invoice', next: join.id });
    expect(jump.targetNode).toBe(graph.tasks[1]!.entry);
    const end = graph.nodes[inner.options[1]!.next!]!;
    expect(end).toMatchObject({ kind: 'end', outcome: 'Клиент отказался', status: 'cancelled' });
    const checkpoint = graph.nodes[join.next!]!;
    expect(checkpoint).toMatchObject({ kind: 'checkpoint', text: 'Клиент подтвердил, что получил результат', next: null });

    expect(byKind(graph.nodes, 'escalation')[0]).toMatchObject({ role: 'director', reason: 'Сумма больше 100 000 ₽' });
    expect(byKind(graph.nodes, 'wait')[0]).toMatchObject({ id: 'paid', event: 'Клиент оплатил счёт', deadline: 'P1W' });
    expect(byKind(graph.nodes, 'checkpoint').find((c) => c.value)).toMatchObject({ value: 'Номер счёта' });
    expect(graph.tasks[2]!.schedules).toEqual([
      expect.objectContaining({ label: 'В последнюю пятницу каждого месяца', rrule: 'FREQ=MONTHLY;BYDAY=-1FR', time: '10:00' }),
    ]);
    expect(graph.documents[0]!.sections.map((s) => [s.title, s.kind ?? null])).toEqual([
      ['Режим работы', 'schedule'],
      ['Задачи', 'tasks'],
    ]);
    expect(graph.documents[0]!.sections[0]!.content).toBe('С 9:00 до 18:00.');
    expect(graph.documents[0]!.roles['director']).toEqual({ title: 'Директор', name: 'Ирина', contacts: { phone: '+7 900 000-00-00' } });
  });

  it('nests decisions three deep without re-fencing and joins every branch', async () => {
    const { graph, diagnostics } = await compileFixture('nested.md');
    expect(diagnostics).toEqual([]);
    const outer = graph.nodes['is-client'] as DecisionNode;
    expect(outer.options.map((o) => o.id)).toEqual(['yes', expect.stringMatching(/^o[0-9a-f]{6}$/), expect.stringMatching(/^o[0-9a-f]{6}$/)]);
    const join = graph.nodes[outer.join!] as StepNode;
    expect(join.text).toBe('Say goodbye and hang up.');
    // the empty "Wrong number" branch goes straight to the join
    expect(outer.options[2]!.next).toBe(join.id);
    const second = graph.nodes[outer.options[0]!.next!] as DecisionNode;
    const third = graph.nodes[second.options[0]!.next!] as DecisionNode;
    expect(third.question).toBe('Is the request urgent?');
    for (const option of third.options) expect((graph.nodes[option.next!] as StepNode).next).toBe(join.id);
    expect(second.join).toBe(join.id);
  });

  it('compiles a folder into one graph and resolves jumps across files', async () => {
    const { graph, diagnostics, files } = await compileFixture('multi');
    expect(diagnostics).toEqual([]);
    expect(files).toEqual(['a.md', 'b.md']);
    const jump = byKind(graph.nodes, 'jump')[0]!;
    expect(jump).toMatchObject({ target: 'finish', targetFile: 'b.md', targetTask: 'finish', return: true });
    expect(graph.nodes['send-summary']).toMatchObject({ kind: 'step', text: 'Send the summary by e-mail', position: { file: 'b.md' } });
  });

  it('keeps node ids stable when a step is inserted', () => {
    const before = '---\nid: s\ntitle: S\nlang: en\n---\n## T {.tasks}\n### T {#t}\n::when[x]\n\n1. One.\n2. Two.\n3. Three.\n';
    const after = before.replace('2. Two.', '2. Inserted.\n3. Two.');
    const ids = (text: string) => Object.values(inMemory(text).graph.nodes).map((n) => `${n.id}=${(n as StepNode).text}`);
    const a = ids(before);
    const b = ids(after);
    for (const id of a) expect(b).toContain(id);
    expect(b.length).toBe(a.length + 1);
  });

  it('treats CRLF and a UTF-8 BOM exactly like LF', () => {
    const text = readFileSync(`${fixtures}request.md`, 'utf8');
    const lf = JSON.stringify(inMemory(text).graph);
    const crlf = JSON.stringify(inMemory(`\ufeff${text.replace(/\n/g, '\r\n')}`).graph).replace(/"hash":"[0-9a-f]+"/g, '');
    expect(crlf).toBe(lf.replace(/"hash":"[0-9a-f]+"/g, ''));
  });

  it('keeps times of day in prose and labels (no text directives)', () => {
    const { graph, diagnostics } = inMemory(
      '---\nid: t\ntitle: T\nlang: ru\n---\n## З {.tasks}\n### Утро {#morning}\n::when[Пришло 9:00]\n::schedule[Каждый рабочий день в 9:30]{rrule="FREQ=DAILY" time="09:30"}\n\n1. Открыть офис в 8:45, до 18:00 не закрывать.\n',
    );
    expect(diagnostics).toEqual([]);
    expect(graph.tasks[0]!.trigger!.text).toBe('Пришло 9:00');
    expect(graph.tasks[0]!.schedules[0]!.label).toBe('Каждый рабочий день в 9:30');
    expect((graph.nodes[graph.tasks[0]!.entry!] as StepNode).text).toBe('Открыть офис в 8:45, до 18:00 не закрывать.');
  });

  it('reports a one-colon directive and a container directive instead of taking them as text', () => {
    const { diagnostics } = inMemory(
      '---\nid: t\ntitle: T\nlang: en\n---\n## T {.tasks}\n### T {#t}\n::when[x]\n\n:::note\n\n1. One.\n\n:end[Bye]\n\n:::decision[Q]\n- A\n:::\n',
    );
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual([
      '10:1 container-directive',
      '14:1 unknown-directive',
      '16:1 container-directive',
    ]);
  });

  it('is deterministic', async () => {
    const a = JSON.stringify((await compileFixture('request.md')).graph);
    const b = JSON.stringify((await compileFixture('request.md')).graph);
    expect(a).toBe(b);
  });
});

describe('compile: diagnostics for bad input', () => {
  const summary = (list: Array<{ file: string; line: number; column: number; rule: string }>) => list.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`);

  it('reports every broken directive with its rule, line and column', async () => {
    const { diagnostics } = await compileFixture('bad/directives.md');
    expect(summary(diagnostics)).toEqual([
      'bad/directives.md:16:1 unknown-directive',
      'bad/directives.md:18:1 too-few-options',
      'bad/directives.md:22:1 too-few-options',
      'bad/directives.md:24:1 dangling-jump',
      'bad/directives.md:26:1 unknown-role',
      'bad/directives.md:28:18 bad-duration',
      'bad/directives.md:30:1 duplicate-id',
      'bad/directives.md:36:1 task-without-id',
      'bad/directives.md:43:1 duplicate-trigger',
      'bad/directives.md:44:20 bad-schedule',
      'bad/directives.md:46:1 too-few-options',
      'bad/directives.md:47:1 option-without-label',
      'bad/directives.md:51:1 container-directive',
      'bad/directives.md:55:12 bad-attribute',
    ]);
    for (const d of diagnostics) expect(d.severity).toBe('error');
    const messages = diagnostics.map((d) => d.message).join('\n');
    expect(messages).toContain('Unknown directive "::frobnicate"');
    expect(messages).toContain('Role "ghost" is not defined');
    expect(messages).toContain('ISO 8601 duration');
    expect(messages).toContain('{#third}');
    expect(messages).toContain('never occurs');
  });

  it('reports front matter problems at the key', async () => {
    const { diagnostics } = await compileFixture('bad/front-matter.md');
    expect(summary(diagnostics)).toEqual([
      'bad/front-matter.md:2:1 front-matter',
      'bad/front-matter.md:2:5 front-matter',
      'bad/front-matter.md:4:1 front-matter',
      'bad/front-matter.md:5:11 bad-date',
      'bad/front-matter.md:6:9 bad-duration',
    ]);
    const text = diagnostics.map((d) => d.message).join('\n');
    expect(text).toContain('Missing required key "lang"');
    expect(text).toContain('Unknown key "colour"');
  });

  it('reports duplicate YAML keys and a missing front matter', async () => {
    expect(summary((await compileFixture('bad/yaml-duplicate.md')).diagnostics)).toEqual(['bad/yaml-duplicate.md:3:1 front-matter']);
    expect(summary((await compileFixture('bad/no-front-matter.md')).diagnostics)).toEqual(['bad/no-front-matter.md:1:1 front-matter']);
  });

  it('does not let one broken file hide the problems of another', async () => {
    const { diagnostics } = await compileFixture('broken-folder');
    expect(summary(diagnostics)).toEqual(['broken-folder/broken.md:2:14 front-matter', 'broken-folder/good.md:15:1 dangling-jump']);
  });

  it('refuses invalid UTF-8 with the byte offset', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('---\nid: x\n'), 0xff, 0x0a]);
    const loaded = sourceFromBytes(bytes, 'x.md', 'x.md');
    expect(loaded).toMatchObject({ diagnostic: { rule: 'encoding', line: 3, column: 1, message: expect.stringContaining('byte offset 10') } });
  });
});
