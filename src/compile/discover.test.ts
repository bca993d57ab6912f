import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discover } from './discover.js';

const dir = mkdtempSync(join(tmpdir(), 'instr-discover-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const doc = '---\nid: a\ntitle: A\nlang: en\n---\n\n# A\n';
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

describe('discover', () => {
  it('finds instructions in a folder by their front matter, in UTF-8 or, to report it, in UTF-16', async () => {
    writeFileSync(join(dir, 'plain.md'), doc);
    writeFileSync(join(dir, 'bom.md'), `\uFEFF${doc}`);
    writeFileSync(join(dir, 'utf16le.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(doc, 'utf16le')]));
    writeFileSync(join(dir, 'utf16be.md'), Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(doc)]));
    writeFileSync(join(dir, 'utf16le-no-bom.md'), Buffer.from(doc, 'utf16le'));
    writeFileSync(join(dir, 'readme.md'), '# Not an instruction\n');
    writeFileSync(join(dir, 'readme-utf16.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Not one either\n', 'utf16le')]));
    const { files } = await discover([dir], dir);
    expect(files.map((f) => f.slice(dir.length + 1)).sort()).toEqual(['bom.md', 'plain.md', 'utf16be.md', 'utf16le-no-bom.md', 'utf16le.md']);
  });
});
