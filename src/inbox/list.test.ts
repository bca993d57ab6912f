import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDraft } from './draft.js';
import { listDrafts, parseDraft } from './list.js';

const root = mkdtempSync(join(tmpdir(), 'instr-inbox-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function draftText(meta: Record<string, string>, title: string, id: string): string {
  return `<!-- instr-inbox ${JSON.stringify(meta)} -->\n### ${title} {#${id}}\n\n::when[${title}]\n\n1. Извинились и предложили перенести встречу.\n`;
}

const now = Date.parse('2026-11-27T12:00:00Z');

describe('inbox drafts', () => {
  it('lists drafts oldest first with their age, and says which files are not drafts', async () => {
    const inbox = join(root, 'inbox');
    mkdirSync(inbox);
    writeFileSync(
      join(inbox, '2026-11-27-request-a1b2.md'),
      draftText(
        { captured: '2026-11-27T10:15:00.000Z', run: 'r1', task: 'request', node: 'request.s62e3ab', user: 'anna', lang: 'ru' },
        'Клиент пришёл без записи',
        'draft-20261127-a1b2',
      ),
    );
    writeFileSync(
      join(inbox, '2026-11-02-general-ffff.md'),
      draftText({ captured: '2026-11-02T08:00:00.000Z', run: 'r0', user: 'boris', lang: 'ru' }, 'Отключили свет в офисе', 'draft-20261102-ffff'),
    );
    writeFileSync(join(inbox, '2026-11-20-by-hand.md'), '### Клиент прислал документы почтой России\n');
    writeFileSync(join(inbox, 'broken.md'), '<!-- instr-inbox {"captured": -->\n### x\n');
    writeFileSync(join(inbox, 'notes.md'), 'just notes\n');
    writeFileSync(join(inbox, '.2026-11-27-request-0000.md.tmp'), 'partial');
    writeFileSync(join(inbox, 'README.txt'), 'not markdown');
    const { drafts, problems } = await listDrafts(root, now);
    expect(drafts.map((d) => [d.file, d.task, d.user, d.title, d.ageDays])).toEqual([
      ['inbox/2026-11-02-general-ffff.md', null, 'boris', 'Отключили свет в офисе', 25],
      ['inbox/2026-11-20-by-hand.md', null, null, 'Клиент прислал документы почтой России', 7],
      ['inbox/2026-11-27-request-a1b2.md', 'request', 'anna', 'Клиент пришёл без записи', 0],
    ]);
    expect(drafts[2]).toMatchObject({ id: 'draft-20261127-a1b2', run: 'r1', node: 'request.s62e3ab', captured: '2026-11-27T10:15:00.000Z' });
    expect(problems.map((p) => p.file)).toEqual(['inbox/broken.md', 'inbox/notes.md']);
  });

  it('reads back what `instr run` writes (the contract with src/inbox/draft.ts)', async () => {
    const other = mkdtempSync(join(tmpdir(), 'instr-inbox-contract-'));
    try {
      const file = writeDraft(
        other,
        {
          captured: '2026-11-20T09:00:00.000Z',
          run: 'r9',
          task: 'request',
          node: 'request.s1',
          user: 'anna',
          lang: 'ru',
          description: 'Клиент [VIP] просит *срочно* -- сегодня',
          actions: ['Позвонили директору'],
        },
        'beef',
      );
      const { drafts, problems } = await listDrafts(other, now);
      expect(problems).toEqual([]);
      expect(drafts).toEqual([
        {
          file,
          captured: '2026-11-20T09:00:00.000Z',
          run: 'r9',
          task: 'request',
          node: 'request.s1',
          user: 'anna',
          lang: 'ru',
          title: 'Клиент [VIP] просит *срочно* -- сегодня',
          id: 'draft-20261120-beef',
          ageDays: 7,
        },
      ]);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('has no drafts when there is no inbox folder', async () => {
    expect(await listDrafts(join(root, 'nowhere'), now)).toEqual({ drafts: [], problems: [] });
  });

  it("reads only the header's known fields, whatever else it holds", () => {
    const parsed = parseDraft('<!-- instr-inbox {"captured":"2026-11-01T00:00:00Z","user":42,"__proto__":{"x":1}} -->\n### T {#d}\n', 'x.md', now);
    expect(parsed).toMatchObject({ user: null, title: 'T', id: 'd', ageDays: 26 });
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });
});
