import { describe, expect, it } from 'vitest';
import { compilePaths } from '../compile/compile.js';
import { indexGraph } from '../graph/query.js';
import { checklist } from './checklist.js';

describe('a checklist shows the contacts of the roles its steps name', () => {
  it("puts the role's contacts under «Написать директору…», not under the client's director or a quote", async () => {
    const { graph } = await compilePaths(['test/fixtures/lint/undefined-role/invalid-ru.md'], { cwd: process.cwd(), cache: false, workers: 0 });
    const index = indexGraph(graph);
    const lines = checklist(index, graph.tasks[0]!);
    const contacts = lines.map((l, i) => [l, lines[i - 1]] as const).filter(([l]) => l.kind === 'contact');
    expect(contacts.map(([l, before]) => [before?.text, l.text])).toEqual([
      ['Написать директору в рабочий чат, что клиент ждёт.', '☎ Директор — Ирина Соколова · телефон: +7 900 111-22-33'],
    ]);
    expect(contacts[0]![0].depth).toBe(1);
  });
});
