import { describe, expect, it } from 'vitest';
import { graphForRole } from './role-filter.js';
import type { Graph } from './types.js';

function graph(): Graph {
  const doc = (file: string, id: string, role: string, roles: Record<string, { title: string }> = {}) => ({ file, id, role, roles });
  return {
    documents: [
      doc('a.md', 'client-manager', 'Клиентский менеджер', { 'office-admin': { title: 'Администратор офиса' } }),
      doc('b.md', 'office-administrator', 'Администратор офиса'),
    ],
    tasks: [
      { id: 'request', file: 'a.md' },
      { id: 'water', file: 'b.md' },
    ],
  } as unknown as Graph; // only the fields graphForRole reads
}

describe('graphForRole (friend test round 5: --role client-manager was refused)', () => {
  it('takes the role title in any case or word form, the instruction id and a roles: id', () => {
    const tasks = (role: string) => graphForRole(graph(), role)?.tasks.map((t) => t.id) ?? null;
    expect(tasks('Клиентский менеджер')).toEqual(['request']);
    expect(tasks('клиентского МЕНЕДЖЕРА')).toEqual(['request']);
    expect(tasks('client-manager')).toEqual(['request']);
    expect(tasks('office-admin')).toEqual(['water']);
    expect(tasks('office-administrator')).toEqual(['water']);
    expect(tasks('бухгалтер')).toBeNull();
    expect(tasks('  ')).toBeNull();
  });
});
