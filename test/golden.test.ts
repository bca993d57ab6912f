import { describe, expect, it } from 'vitest';
import { compilePaths } from '../src/compile/compile.js';

/**
 * The client manager's instruction is the product's showcase and its first test: it must compile
 * clean, and its graph is kept as a golden file so every change to the compiler or to the
 * instruction shows up in review. After an intended change: `npx vitest run test/golden.test.ts -u`.
 */
describe('the bundled instructions', () => {
  it('compile clean into the golden graph', async () => {
    const { graph, diagnostics } = await compilePaths(['instructions/client-manager.md'], { cwd: process.cwd() });
    expect(diagnostics).toEqual([]);
    await expect(`${JSON.stringify(graph, null, 2)}\n`).toMatchFileSnapshot('golden/client-manager.graph.json');
  });

  it('have the four required sections and the tasks the seed describes', async () => {
    const { graph, diagnostics } = await compilePaths(['instructions'], { cwd: process.cwd() });
    expect(diagnostics).toEqual([]);
    const manager = graph.documents.find((d) => d.id === 'client-manager')!;
    expect(manager.lang).toBe('ru');
    expect(manager.sections.map((s) => s.kind).filter(Boolean)).toEqual(['intro', 'gaps', 'schedule', 'tasks', 'situations', 'norms']);
    expect(manager.sections.every((s) => /^[a-z][a-z0-9-]*$/.test(s.id))).toBe(true);
    expect(manager.sections.find((s) => s.kind === 'norms')!.blocks.some((b) => b.kind === 'list' && b.text.includes('Анна Сергеевна'))).toBe(true);
    const ids = graph.tasks.filter((t) => t.file === 'client-manager.md').map((t) => t.id);
    expect(ids.length).toBeGreaterThanOrEqual(12);
    expect(ids).toEqual(expect.arrayContaining(['request', 'invoice', 'equipment', 'office-visit']));
    const equipment = graph.tasks.find((t) => t.id === 'equipment')!;
    expect(equipment.schedules[0]!.rrule).toBe('FREQ=MONTHLY;BYDAY=-1FR');
    expect(Object.values(graph.nodes).some((n) => n.task === 'equipment' && n.kind === 'wait' && n.deadline === 'P1W')).toBe(true);
    // The firm writes in Russian; English instructions are covered by the test fixtures.
    expect(graph.documents.find((d) => d.id === 'office-administrator')!.lang).toBe('ru');
  });
});
