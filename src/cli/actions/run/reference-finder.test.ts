import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { compilePaths } from '../../../compile/compile.js';
import type { Graph } from '../../../graph/types.js';
import { taskSheet } from '../../../run/reference-search.js';
import { searchDocuments } from '../../../search/documents.js';
import { searchMessages } from '../../../search/messages.js';
import { buildIndex, search } from '../../../search/search.js';
import { compileSynonyms } from '../../../search/synonyms.js';
import { readTemplates } from '../../../search/templates.js';
import { Chalk } from 'chalk';
import { foundFromHits } from './reference-finder.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
let graph: Graph;
let find: (q: string) => ReturnType<typeof foundFromHits>;

beforeAll(async () => {
  graph = (await compilePaths([`${root}instructions/client-manager.md`], { cwd: root })).graph;
  const index = buildIndex(searchDocuments(graph, await readTemplates(graph, `${root}instructions`)));
  const synonyms = compileSynonyms(graph.documents.flatMap((d) => d.synonyms ?? []));
  find = (q) => foundFromHits(graph, search(index, q, { synonyms, limit: 40 }), searchMessages('ru'));
});

describe('search from inside a run', () => {
  it('turns hits into tasks, sections and templates to open, each once, best first', () => {
    const found = find('скидка');
    expect(found.length).toBeGreaterThan(1);
    const keys = found.map((f) => (f.kind === 'task' ? `task ${f.task.id}` : f.kind === 'file' ? `file ${f.path}` : `section ${f.section.title}`));
    expect(new Set(keys).size).toBe(keys.length);
    // the task whose answer is «просит скидку» is among the results, with the matching text
    const request = found.find((f) => f.kind === 'task' && f.task.id === 'request');
    expect(request?.context).toMatch(/скидк/i);
  });

  it('finds a reference section by its words, and a linked template as a file', () => {
    const norms = find('на «вы»').find((f) => f.kind === 'section');
    expect(norms?.kind === 'section' && norms.section.title).toBe('Нормы общения');
    const template = find('приветствия').find((f) => f.kind === 'file');
    expect(template?.kind === 'file' && template.path).toBe('templates/greeting-script.md');
  });

  it('returns nothing for words the instruction does not have', () => {
    expect(find('квантовая хромодинамика')).toEqual([]);
  });

  it('shows a task as its checklist and how to run it later, not as a jump', () => {
    const task = graph.tasks.find((t) => t.id === 'request')!;
    const lines = taskSheet(graph, task, 'ru', new Chalk({ level: 0 }), 'Пройти эту задачу позже:');
    expect(lines[0]).toContain('#request');
    expect(lines.some((l) => /^1\. /.test(l.trim()))).toBe(true);
    expect(lines).toContain('Пройти эту задачу позже: instr run request');
  });
});
