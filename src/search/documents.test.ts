import { describe, expect, it } from 'vitest';
import { compilePaths } from '../compile/compile.js';
import { searchDocuments } from './documents.js';
import { readTemplates } from './templates.js';

describe('searchDocuments', () => {
  it('gives every piece its fields in the order stored and printed by --json (the bundled instructions and their templates)', async () => {
    const { graph, root } = await compilePaths(['instructions'], { cwd: process.cwd(), cache: false });
    const templates = await readTemplates(graph, root);
    const docs = searchDocuments(graph, templates);
    const ofGraph = ['task', 'section', 'title', 'file', 'lang', 'kind', 'id', 'text', 'line'];
    const ofTemplate = ['kind', 'id', 'task', 'section', 'title', 'text', 'file', 'line', 'lang'];
    expect(docs.length).toBeGreaterThan(100);
    expect(templates.length).toBeGreaterThan(0);
    for (const d of docs) expect(Object.keys(d), `${d.file}:${d.line} ${d.kind}`).toEqual(d.kind === 'template' ? ofTemplate : ofGraph);
  });
});
