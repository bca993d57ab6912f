import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileSource, linkSources, sourceFromBytes } from '../compile/compile.js';
import type { Graph } from '../graph/types.js';
import { diffGraphs } from './diff-graphs.js';
import { mergeAlike } from './path-changes.js';
import type { GraphDiff, TaskChange } from './types.js';

const base = readFileSync('test/fixtures/diff/base/client.md', 'utf8');

function graphOf(files: Record<string, string>): Graph {
  const results = Object.entries(files).map(([path, text]) => {
    const made = sourceFromBytes(Buffer.from(text), path, path);
    if (!('source' in made)) throw new Error(made.diagnostic.message);
    return compileSource(made.source);
  });
  const { graph, diagnostics } = linkSources(results);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(errors.map((d) => `${d.file}:${d.line} ${d.message}`).join('\n'));
  return graph;
}

function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture does not contain: ${from}`);
  return text.replace(from, to);
}

function diff(after: Record<string, string>, before: Record<string, string> = { 'client.md': base }): GraphDiff {
  return diffGraphs(graphOf(before), graphOf(after), { base: { label: 'old' }, head: { label: 'new' } });
}

const task = (d: GraphDiff, id: string): TaskChange => {
  const found = d.tasks.find((t) => t.id === id);
  if (!found) throw new Error(`no change for ${id}: ${JSON.stringify(d.tasks.map((t) => t.id))}`);
  return found;
};

describe('diffGraphs', () => {
  it('finds nothing between a graph and itself', () => {
    const d = diff({ 'client.md': base });
    expect(d.changed).toBe(false);
    expect(d.tasks).toEqual([]);
    expect(d.documents).toEqual([]);
  });

  it('reports a step inserted in the middle as exactly one insertion', () => {
    const d = diff({
      'client.md': edit(base, '2. Сверить заявку с тарифом клиента.\n', '2. Сверить заявку с тарифом клиента.\n3. Уточнить у клиента желаемый срок.\n'),
    });
    expect(d.tasks).toHaveLength(1);
    const request = task(d, 'request');
    expect(request.nodes).toEqual([
      expect.objectContaining({ status: 'added', kind: 'step', after: expect.objectContaining({ text: 'Уточнить у клиента желаемый срок.' }) }),
    ]);
    expect(request.paths).toEqual([]);
    expect(d.summary).toMatchObject({ nodesAdded: 1, nodesRemoved: 0, nodesChanged: 0, tasksChanged: 1 });
  });

  it('pairs a reworded step and diffs it word by word, Cyrillic words whole', () => {
    const d = diff({ 'client.md': edit(base, '1. Сообщить клиенту стоимость работы по прайсу.', '1. Сообщить клиенту точную стоимость работ по прайсу.') });
    const [change] = task(d, 'request').nodes;
    expect(change).toMatchObject({ status: 'changed', kind: 'step' });
    expect(change!.text).toEqual([
      { op: 'same', text: 'Сообщить клиенту ' },
      { op: 'added', text: 'точную ' },
      { op: 'same', text: 'стоимость ' },
      { op: 'removed', text: 'работы' },
      { op: 'added', text: 'работ' },
      { op: 'same', text: ' по прайсу.' },
    ]);
    expect(d.summary.nodesAdded + d.summary.nodesRemoved).toBe(0);
  });

  it('reports a relabelled, an added and a removed option', () => {
    const relabelled = diff({ 'client.md': edit(base, '- Да, входит\n', '- Да, в тарифе\n') });
    expect(task(relabelled, 'request').nodes).toEqual([
      expect.objectContaining({ kind: 'decision', options: [{ status: 'relabelled', before: 'Да, входит', after: 'Да, в тарифе' }] }),
    ]);
    const added = diff({
      'client.md': edit(base, '  - Нет\n    ::goto[#invoice]\n', '  - Нет\n    ::goto[#invoice]\n  - Подумает\n    ::end[Клиент думает]\n'),
    });
    const request = task(added, 'request');
    expect(request.nodes).toEqual([
      expect.objectContaining({ kind: 'decision', options: [{ status: 'added', after: 'Подумает' }] }),
      expect.objectContaining({ status: 'added', kind: 'end' }),
    ]);
    expect(request.paths).toEqual([expect.objectContaining({ status: 'added', after: { kind: 'end', outcome: 'Клиент думает', status: 'done' } })]);
  });

  it('reports where a branch now leads: a jump that became an end, with the changed path', () => {
    const d = diff({ 'client.md': edit(base, '  - Нет\n    ::goto[#invoice]\n', '  - Нет\n    ::end[Клиент отказался]{status=cancelled}\n') });
    const request = task(d, 'request');
    expect(request.nodes).toEqual([
      expect.objectContaining({ status: 'changed', kind: 'end', fields: [{ field: 'leadsTo', before: '#invoice', after: '«Клиент отказался» (cancelled)' }] }),
    ]);
    expect(request.paths).toEqual([
      {
        status: 'changed',
        answers: [
          { question: 'Задача входит в тариф клиента?', answers: ['Нет, не входит'] },
          { question: 'Клиент согласен оплатить?', answers: ['Нет'] },
        ],
        before: { kind: 'jump', target: 'invoice', title: 'Выставить счёт' },
        after: { kind: 'end', outcome: 'Клиент отказался', status: 'cancelled' },
      },
    ]);
  });

  it('reports a retargeted jump', () => {
    const d = diff({ 'client.md': edit(base, '  - Нет\n    ::goto[#invoice]\n', '  - Нет\n    ::goto[#unhappy]\n') });
    const request = task(d, 'request');
    expect(request.nodes).toEqual([
      expect.objectContaining({ status: 'changed', kind: 'jump', fields: [{ field: 'target', before: '#invoice', after: '#unhappy' }] }),
    ]);
    expect(request.paths[0]).toMatchObject({ status: 'changed', before: { target: 'invoice' }, after: { target: 'unhappy' } });
  });

  it('reports a renamed task (same id, new title) without touching its nodes or the paths that jump to it', () => {
    const d = diff({ 'client.md': edit(base, '### Выставить счёт {#invoice}', '### Выставить счёт клиенту {#invoice}') });
    expect(d.tasks).toHaveLength(1);
    expect(task(d, 'invoice')).toMatchObject({ status: 'changed', beforeTitle: 'Выставить счёт', title: 'Выставить счёт клиенту', nodes: [], paths: [] });
  });

  it('reports a task moved to another file', () => {
    const start = base.indexOf('### Выставить счёт {#invoice}');
    const end = base.indexOf('### Заказать технику');
    const moved = base.slice(start, end);
    const billing = `---\nid: billing\ntitle: Счета\nlang: ru\n---\n\n## Счета {.tasks}\n\n${moved}`;
    const d = diff({ 'client.md': base.slice(0, start) + base.slice(end), 'billing.md': billing });
    expect(task(d, 'invoice')).toMatchObject({ status: 'changed', file: 'billing.md', beforeFile: 'client.md', nodes: [], paths: [] });
    expect(task(d, 'invoice').fields).toEqual([{ field: 'section', before: 'Задачи', after: 'Счета' }]);
    expect(d.documents).toEqual([expect.objectContaining({ id: 'billing', status: 'added' })]);
    expect(d.tasks.map((t) => t.id)).toEqual(['invoice']);
  });

  it('reports a changed schedule, deadline, wait, checkpoint and escalation role', () => {
    let text = edit(base, 'time="10:00"', 'time="11:00"');
    text = edit(text, '{deadline=P1D}', '{deadline=P2D}');
    text = edit(text, '::wait[Клиент оплатил счёт]{#paid deadline=P1W}', '::wait[Клиент оплатил счёт]{#paid deadline=P2W timeout=P3D}');
    text = edit(text, '{value="Номер платёжки"}', '');
    const d = diff({ 'client.md': text });
    expect(task(d, 'equipment').fields).toEqual([
      {
        field: 'schedule',
        before: 'В последнюю пятницу каждого месяца (FREQ=MONTHLY;BYDAY=-1FR 10:00)',
        after: 'В последнюю пятницу каждого месяца (FREQ=MONTHLY;BYDAY=-1FR 11:00)',
      },
    ]);
    expect(task(d, 'request').fields).toEqual([{ field: 'deadline', before: 'P1D', after: 'P2D' }]);
    const invoice = task(d, 'invoice').nodes;
    expect(invoice).toContainEqual(
      expect.objectContaining({
        kind: 'wait',
        fields: [
          { field: 'deadline', before: 'P1W', after: 'P2W' },
          { field: 'timeout', after: 'P3D' },
        ],
      }),
    );
    expect(invoice).toContainEqual(expect.objectContaining({ kind: 'checkpoint', fields: [{ field: 'value', before: 'Номер платёжки' }] }));
  });

  it('reports a step moved to another place in the flow', () => {
    let text = edit(base, '3. Записать заявку в CRM.\n', '');
    text = edit(
      text,
      '4. Когда задача выполнена, сообщить клиенту результат.\n',
      '4. Когда задача выполнена, сообщить клиенту результат.\n5. Записать заявку в CRM.\n',
    );
    const changes = task(diff({ 'client.md': text }), 'request').nodes;
    expect(changes).toEqual([expect.objectContaining({ status: 'changed', moved: true, after: expect.objectContaining({ text: 'Записать заявку в CRM.' }) })]);
  });

  it('reports removed tasks, added tasks and front-matter changes', () => {
    let text = edit(base, '    name: Ирина\n', '    name: Ирина Соколова\n');
    text = edit(text, 'reviewed: 2026-11-01', 'reviewed: 2026-12-01');
    text =
      text.slice(0, text.indexOf('### Клиент недоволен')) +
      '### Клиент просит скидку {#discount}\n\n::when[Клиент попросил скидку]\n\n1. Передать просьбу директору.\n\n' +
      text.slice(text.indexOf('## Нормы общения'));
    const d = diff({ 'client.md': text });
    expect(d.tasks.map((t) => [t.id, t.status])).toEqual([
      ['discount', 'added'],
      ['unhappy', 'removed'],
    ]);
    expect(d.documents).toEqual([
      expect.objectContaining({
        status: 'changed',
        fields: [
          { field: 'reviewed', before: '2026-11-01', after: '2026-12-01' },
          { field: 'roles.director', before: 'Директор; Ирина; phone: +7 900 000-00-00', after: 'Директор; Ирина Соколова; phone: +7 900 000-00-00' },
        ],
      }),
    ]);
  });
});

describe('mergeAlike', () => {
  it('joins paths with the same change that differ in one answer, and keeps the others apart', () => {
    const change = (first: string, second: string, target: string) => ({
      status: 'changed' as const,
      answers: [
        { question: 'A?', answers: [first] },
        { question: 'B?', answers: [second] },
      ],
      before: { kind: 'done' as const },
      after: { kind: 'jump' as const, target },
    });
    expect(mergeAlike([change('yes', 'no', 'x'), change('no', 'no', 'x'), change('yes', 'yes', 'y')])).toEqual([
      {
        ...change('yes', 'no', 'x'),
        answers: [
          { question: 'A?', answers: ['yes', 'no'] },
          { question: 'B?', answers: ['no'] },
        ],
      },
      change('yes', 'yes', 'y'),
    ]);
  });
});
