import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileSource, linkSources, sourceFromBytes } from '../compile/compile.js';
import type { StepNode } from '../graph/types.js';
import { draftMarkdown, writeDraft, type Draft } from './draft.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-inbox-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const draft: Draft = {
  captured: '2026-11-27T10:15:00.000Z',
  run: '20261127T101500Z-a1b2c3',
  task: 'request',
  node: 'request.s62e3ab',
  user: 'anna',
  lang: 'ru',
  description: 'Клиент прислал заявку [срочно] голосовым сообщением в 23:00 --> ночью',
  actions: ['Прослушал сообщение', '2. Ответил утром', '- записал в CRM'],
};

describe('inbox drafts', () => {
  it('writes the header comment and a situation in the instruction syntax', () => {
    const md = draftMarkdown(draft, 'a1b2');
    const [header, heading] = md.split('\n');
    const json = /^<!-- instr-inbox (.*) -->$/.exec(header!)![1]!;
    expect(json).not.toContain('-->');
    expect(JSON.parse(json)).toEqual({ captured: draft.captured, run: draft.run, task: 'request', node: 'request.s62e3ab', user: 'anna', lang: 'ru' });
    expect(heading).toBe('### Клиент прислал заявку \\[срочно\\] голосовым сообщением в 23:00 --\\> ночью {#draft-20261127-a1b2}');
    expect(md).toContain('::when[Клиент прислал заявку \\[срочно\\] голосовым сообщением в 23:00 --\\> ночью]');
  });

  it('is ready to paste: under a situations section it compiles to a situation with its trigger and steps', () => {
    const doc = `---\nid: x\ntitle: X\nlang: ru\n---\n\n## Что делать, если {.situations}\n\n${draftMarkdown(draft, 'a1b2').split('\n').slice(1).join('\n')}`;
    const loaded = sourceFromBytes(new TextEncoder().encode(doc), 'x.md', 'x.md');
    if (!('source' in loaded)) throw new Error('decode');
    const { graph, diagnostics } = linkSources([compileSource(loaded.source)]);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const task = graph.tasks[0]!;
    expect(task).toMatchObject({ id: 'draft-20261127-a1b2', kind: 'situation', trigger: { text: draft.description } });
    const first = graph.nodes[task.entry!] as StepNode;
    const second = graph.nodes[first.next!] as StepNode;
    const third = graph.nodes[second.next!] as StepNode;
    expect([first.text, second.text, third.text]).toEqual(draft.actions);
  });

  it('writes the file atomically under inbox/, named by date, task and hex, leaving no temp file', () => {
    const rel = writeDraft(temp, draft, 'beef');
    expect(rel).toBe('inbox/2026-11-27-request-beef.md');
    expect(readdirSync(join(temp, 'inbox'))).toEqual(['2026-11-27-request-beef.md']);
    const text = readFileSync(join(temp, rel), 'utf8');
    expect(text.startsWith('---')).toBe(false);
    expect(text).toBe(draftMarkdown(draft, 'beef'));
    expect(writeDraft(temp, { ...draft, task: null }, 'cafe')).toBe('inbox/2026-11-27-general-cafe.md');
  });
});
