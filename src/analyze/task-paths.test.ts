import { describe, expect, it } from 'vitest';
import { compilePaths } from '../compile/compile.js';
import { indexGraph } from '../graph/query.js';
import { taskPaths } from './task-paths.js';

const index = indexGraph((await compilePaths(['test/fixtures/diff/base'])).graph);

describe('taskPaths', () => {
  it('enumerates every path of a task as answers → where it leads', () => {
    const { paths, capped } = taskPaths(index, index.tasks.get('request')!);
    expect(capped).toBe(false);
    expect(paths.map((p) => [p.answers.map((a) => a.label), p.end.kind])).toEqual([
      [['Да, входит'], 'done'],
      [['Нет, не входит', 'Да'], 'done'],
      [['Нет, не входит', 'Нет'], 'jump'],
    ]);
    expect(paths[2]!.end).toMatchObject({ kind: 'jump', target: 'invoice', targetTask: 'invoice' });
    // A jump with return is passed through: the path goes on after it to the join.
    const called = paths[1]!.nodes.map((id) => index.node(id)!.kind);
    expect(called.slice(-3)).toEqual(['jump', 'step', 'checkpoint']);
  });

  it('records waits on the way and a task without decisions has one path', () => {
    const { paths } = taskPaths(index, index.tasks.get('invoice')!);
    expect(paths).toHaveLength(1);
    expect(paths[0]).toMatchObject({ answers: [], waits: ['Клиент оплатил счёт'], end: { kind: 'done' } });
  });

  it('stops at the limit and says so', () => {
    const { paths, capped } = taskPaths(index, index.tasks.get('request')!, 2);
    expect(paths).toHaveLength(2);
    expect(capped).toBe(true);
  });
});
