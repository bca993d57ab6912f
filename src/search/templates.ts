import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Graph } from '../graph/types.js';
import { decodeUtf8 } from '../parse/decode.js';
import { linkedTemplates, type TemplateFile } from './documents.js';
import { frontMatterLines } from './front-matter.js';

const maxTemplateBytes = 1024 * 1024;

/** The Markdown templates the instructions link to, read from under the compiled root; missing or odd ones are left out (lint reports broken links). */
export async function readTemplates(graph: Graph, root: string): Promise<TemplateFile[]> {
  const out: TemplateFile[] = [];
  for (const path of [...linkedTemplates(graph).keys()].sort()) {
    const text = await readTemplate(root, path);
    // another instruction linked from the one searched (a single file was given): not a template
    if (text !== null && !isInstruction(text)) out.push({ path, text });
  }
  return out;
}

/** One linked template's text; null when it is missing, too large or not UTF-8. */
export async function readTemplate(root: string, path: string): Promise<string | null> {
  try {
    const file = join(root, path);
    if ((await stat(file)).size > maxTemplateBytes) return null;
    const decoded = decodeUtf8(await readFile(file));
    return decoded.ok ? decoded.text : null;
  } catch {
    return null;
  }
}

/** An instruction file (front matter with its own `id:`), not a template. */
function isInstruction(text: string): boolean {
  const lines = frontMatterLines(text);
  return lines > 0 && /^id:[ \t]*\S/m.test(text.split('\n').slice(0, lines).join('\n'));
}
