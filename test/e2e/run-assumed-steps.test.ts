/**
 * `instr run --answers` on the bundled instructions, friend test round 11: the steps a scripted
 * run took as done because its answers file did not mention them, and a step skipped with a
 * reason. A journal in a temporary folder, every moment given with --now.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { answersFolder, officeMorningLines } from './office-morning-answers.js';

const { temp, answers } = answersFolder('instr-assumed-');
const officeMorning = answers('office-morning', officeMorningLines);

describe('instr run --answers: steps the file does not mention', () => {
  it('says which steps were taken as done by default, and a step the file skips with a reason is skipped', async () => {
    const journal = join(temp, 'assumed.jsonl');
    const file = answers('assumed', [
      '"Зайти в переговорную: вытереть стол, поставить стулья у стола, убрать со стола чужие документы и отнести их владельцу": { skip: 31 декабря — выходной }',
      ...readFileSync(officeMorning, 'utf8').trim().split('\n'),
    ]);
    const run = await runCli(['run', 'office-morning', '--answers', file, '--journal', journal, '--now', '2026-12-31T10:00', '--json']);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as {
      skipped: Array<{ reason: string }>;
      assumed: Array<{ text: string }>;
      path: Array<{ node: string; answer?: string }>;
    };
    expect(summary.skipped).toEqual([expect.objectContaining({ reason: '31 декабря — выходной' })]);
    expect(summary.assumed.map((a) => a.text)).toContain('Проверить на кухне: чистые чашки — не меньше 6, чай, кофе, сахар, вода в кулере.');
    expect(summary.assumed.map((a) => a.text)).not.toContain(
      'Зайти в переговорную: вытереть стол, поставить стулья у стола, убрать со стола чужие документы и отнести их владельцу.',
    );
    const doneSteps = summary.path.filter((p) => p.answer === 'done').length;
    expect(summary.assumed.length).toBe(doneSteps); // the file answers no step as done explicitly
    const text = await runCli(['run', 'office-morning', '--answers', file, '--journal', journal, '--now', '2026-12-31T10:05', '--lang', 'en'], {
      columns: 400,
    });
    expect(text.stdout).toContain('Taken as done: the answers file does not mention these steps:\n  ✓ Проверить на кухне');
    expect(text.stdout).toContain(
      'To skip one, write in the answers file: "Проверить на кухне: чистые чашки — не меньше 6, чай, кофе, сахар, вода в кулере.": { skip: the reason }',
    );
  });

  it('lists nothing when every step is answered', async () => {
    const journal = join(temp, 'all.jsonl');
    const show = await runCli(['compile', 'instructions']);
    expect(show.code).toBe(0);
    const graph = JSON.parse(show.stdout) as { nodes: Record<string, { kind: string; task: string }> };
    const steps = Object.entries(graph.nodes)
      .filter(([, n]) => n.kind === 'step' && n.task === 'office-morning')
      .map(([id]) => `${id}: done`);
    const file = answers('all', [...steps, ...readFileSync(officeMorning, 'utf8').trim().split('\n')]);
    const run = await runCli(['run', 'office-morning', '--answers', file, '--journal', journal, '--now', '2026-12-02T09:40', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).not.toHaveProperty('assumed');
  });
});
