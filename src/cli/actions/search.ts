import { exists } from '../../fs/exists.js';
import { join, relative, resolve } from 'node:path';
import { ExitError, exitCodes } from '../errors.js';
import { type Io } from '../io.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { loadInstructions } from '../load.js';
import { openSearch } from '../search-setup.js';
import { jsonText } from '../../render/json-text.js';
import { gapSection } from '../../search/gap.js';
import { searchMessages } from '../../search/messages.js';
import { search, type SearchHit } from '../../search/search.js';
import { snippet } from '../../search/snippet.js';

export interface SearchFlags {
  json?: boolean;
  limit?: string;
  lang?: string;
  config?: string;
}

export async function searchCommand(args: string[], flags: SearchFlags, io: Io): Promise<number> {
  const { words, paths } = await splitArgs(args, io.cwd);
  const limit = flags.limit === undefined ? 10 : Number(flags.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw new ExitError(`--limit must be a whole number from 1 to 1000, not "${terminalSafe(flags.limit ?? '')}"`, exitCodes.usage);
  const query = words.join(' ');
  if (!/[\p{L}\p{N}]/u.test(query)) throw new ExitError('give the words to search for, e.g. instr search клиент кричит', exitCodes.usage);
  const { graph, root, diagnostics } = await loadInstructions(paths, io, { requireClean: false });
  const lang = flags.lang ?? graph.documents[0]?.lang;
  const t = searchMessages(lang);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) io.err(`instr: ${errors} ${t.incomplete}\n`);
  const { index, synonyms } = await openSearch(graph, root, io, flags.config);
  const hits = search(index, query, { synonyms, limit });
  const fileOf = (file: string) => relative(io.cwd, join(root, file)) || file;
  if (flags.json) {
    io.out(
      jsonText(
        hits.map((h) => ({
          kind: h.doc.kind,
          id: h.doc.id,
          task: h.doc.task,
          section: h.doc.section,
          title: h.doc.title,
          text: h.doc.text,
          file: fileOf(h.doc.file),
          line: h.doc.line,
          score: h.score,
        })),
      ),
    );
    return hits.length > 0 ? exitCodes.ok : exitCodes.findings;
  }
  if (hits.length === 0) {
    io.out(`${t.nothingFound} «${terminalSafe(query)}».\n${t.seeList}\n`);
    const gap = gapSection(graph, lang);
    io.out(gap ? `${t.gapProcedure} «${terminalSafe(gap.section.title)}»: ${fileOf(gap.file)}:${gap.section.position.line}\n` : `${t.gapFallback}\n`);
    return exitCodes.findings;
  }
  const extra = paths.length === 1 && paths[0] === 'instructions' ? '' : ` ${paths.map(shellWord).join(' ')}`;
  hits.forEach((hit, i) => io.out(renderHit(hit, i + 1, io, searchMessages(flags.lang ?? hit.doc.lang), fileOf, extra)));
  return exitCodes.ok;
}

function renderHit(hit: SearchHit, n: number, io: Io, t: ReturnType<typeof searchMessages>, fileOf: (f: string) => string, extra: string): string {
  const c = io.color;
  const { doc } = hit;
  const where = doc.task ? `#${doc.task}` : doc.section ? `#${doc.section}` : '';
  const mark = c.level > 0 ? (s: string) => c.bold.yellow(s) : (s: string) => `[${s}]`;
  const lines = [`${c.dim(`${n}.`)} ${c.bold(terminalSafe(doc.title))} ${c.dim(where)}`];
  lines.push(
    `   ${c.cyan(t.kinds[doc.kind])}: ${snippet(doc.text, hit.marks, 160)
      .map((p) => (p.marked ? mark(terminalSafe(p.text)) : terminalSafe(p.text)))
      .join('')}`,
  );
  lines.push(`   ${c.dim(`${fileOf(doc.file)}:${doc.line}`)}`);
  if (doc.task && doc.kind !== 'template')
    lines.push(`   ${c.green(`instr run ${doc.task}${extra}`)}  ${c.dim('·')}  ${c.green(`instr show ${doc.task}${extra}`)}`);
  // a template: show the file itself (the task that links it is named above, after #)
  else if (doc.kind === 'template') lines.push(`   ${c.green(`instr show ${shellWord(doc.id)}${extra}`)}`);
  else if (doc.task) lines.push(`   ${c.green(`instr show ${doc.task}${extra}`)}`);
  return `${lines.join('\n')}\n\n`;
}

/** Trailing arguments that name an existing file or folder are the instructions; the rest are the words. */
async function splitArgs(args: string[], cwd: string): Promise<{ words: string[]; paths: string[] }> {
  const paths: string[] = [];
  let end = args.length;
  while (end > 1 && (await exists(resolve(cwd, args[end - 1]!)))) paths.unshift(args[--end]!);
  return { words: args.slice(0, end), paths: paths.length > 0 ? paths : ['instructions'] };
}

function shellWord(word: string): string {
  return /^[\w./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
