import { describe, expect, it } from 'vitest';
import type { Graph, Position, Task } from '../graph/types.js';
import { reviewStatus, statusOf } from './staleness.js';

const pos: Position = { file: 'a.md', line: 1, column: 1, endLine: 1, endColumn: 2, offset: 0, endOffset: 1 };

function task(id: string, review?: Task['review']): Task {
  return { id, kind: 'task', title: id, file: 'a.md', document: 'doc', section: 'S', position: pos, schedules: [], entry: null, ...(review ? { review } : {}) };
}

const graph: Graph = {
  format: 'instr-graph',
  version: 1,
  documents: [
    { file: 'a.md', id: 'doc', title: 'Doc', lang: 'en', roles: {}, sections: [], comments: [], hash: '', review: { reviewed: '2026-01-31', period: 'P1M' } },
  ],
  tasks: [task('inherits'), task('own', { reviewed: '2026-10-01', period: 'P3M' }), task('half', { reviewed: '2026-02-20' })],
  nodes: {},
};

describe('reviewStatus', () => {
  it('adds the period in calendar months (clamped to the month end) and counts days overdue', () => {
    const r = reviewStatus(graph, '2026-03-05');
    expect(r.documents[0]).toMatchObject({ reviewed: '2026-01-31', period: 'P1M', dueOn: '2026-02-28', overdue: true, daysOverdue: 5 });
  });
  it('is not overdue on the due day itself', () => {
    expect(reviewStatus(graph, '2026-02-28').documents[0]).toMatchObject({ overdue: false, daysOverdue: 0 });
  });
  it('judges a task by its own review, filling a missing part from the document', () => {
    const r = reviewStatus(graph, '2026-03-05');
    const byId = new Map(r.tasks.map((t) => [t.task, t]));
    expect(byId.get('inherits')).toMatchObject({ own: false, dueOn: '2026-02-28', overdue: true });
    expect(byId.get('own')).toMatchObject({ own: true, dueOn: '2027-01-01', overdue: false });
    expect(byId.get('half')).toMatchObject({ own: true, period: 'P1M', dueOn: '2026-03-20', overdue: false });
  });
  it('gives no due date without a review date, a period, or with a malformed one', () => {
    expect(statusOf(undefined, '2026-01-01')).toEqual({ reviewed: null, period: null, dueOn: null, overdue: false, daysOverdue: 0 });
    expect(statusOf({ reviewed: '2026-01-01' }, '2027-01-01').dueOn).toBeNull();
    expect(statusOf({ reviewed: '2026-02-30', period: 'P1D' }, '2027-01-01').dueOn).toBeNull();
    expect(statusOf({ reviewed: '2026-01-01', period: 'P1D' }, 'garbage').overdue).toBe(false);
  });
});
