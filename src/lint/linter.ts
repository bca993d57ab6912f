import { stat } from 'node:fs/promises';
import { readRegularFile } from '../fs/safe-open.js';
import { dirname, join, relative, resolve } from 'node:path';
import { decodedText, sourceFromBytes, type CompileResult } from '../compile/compile-paths.js';
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { indexGraph } from '../graph/query.js';
import type { LintConfig } from './config-types.js';
import { suppressionsFrom, type Suppressions } from './disable-comments.js';
import { formatMessage, type AnyRule, type Lang, type Place, type Report, type RuleContext, type RuleMeta } from './rule.js';
import { rules as allRules } from './rules/index.js';
import { sourceText, type SourceText } from './source-text.js';
import { resolveLanguage } from '../i18n/language.js';
import { fileLanguage } from '../compile/result-language.js';

export interface LintOptions {
  config: LintConfig;
  /** `YYYY-MM-DD`: the day reviews and inbox drafts are aged against. */
  today: string;
  /** Run only these rules (`--rule`); compiler errors are always kept. */
  only?: readonly string[];
  /** Paths in diagnostics are relative to this folder. */
  cwd: string;
  /** The rules to run (default: all of them); tests pass their own. */
  rules?: readonly AnyRule[];
  /** Language of the messages (`--lang`); default: each instruction's own. */
  lang?: string;
  /** The files' texts by root-relative path, when they are not on disk (the rule tester). */
  sources?: ReadonlyMap<string, string>;
}

/**
 * Runs the lint rules on a compiled result. The compiler's own diagnostics are kept as they are
 * (they cannot be switched off); rule findings get their severity from the config, and inline
 * `instr-disable` comments can silence them. A rule that throws becomes one `rule-error`.
 */
export async function lintCompiled(result: CompileResult, options: LintOptions): Promise<Diagnostic[]> {
  const { graph, root } = result;
  const index = indexGraph(graph);
  const repository = await repositoryTop(root);
  const texts = options.sources ? givenSources(options.sources) : await readSources(result, options.cwd);
  const displayOf = (file: string) => texts.get(file)?.display ?? toDisplay(resolve(root, file), options.cwd);
  const out: Diagnostic[] = [...result.diagnostics];
  const langOf = new Map<string, string | undefined>(graph.documents.map((d) => [d.file, d.lang]));
  // a file whose front matter failed has no document: the language its text is written in (read once)
  const langOfFile = (file: string) => {
    if (!langOf.has(file)) langOf.set(file, fileLanguage(root, file));
    return langOf.get(file);
  };
  const suppressions = new Map<string, Suppressions>();
  for (const doc of graph.documents) if (doc.comments.length > 0) suppressions.set(doc.file, suppressionsFrom(doc.comments));

  for (const rule of options.rules ?? allRules) {
    const id = rule.meta.id;
    const configured = options.config.rules[id];
    if (options.only && !options.only.includes(id)) continue;
    const level = configured?.level === 'off' && options.only ? rule.meta.defaultSeverity : (configured?.level ?? rule.meta.defaultSeverity);
    if (level === 'off') continue;
    const severity = level === 'error' ? 'error' : 'warning';
    const found: Array<{ file: string; diagnostic: Diagnostic }> = [];
    const lang = (file: string) => toLang(options.lang ?? langOfFile(file));
    const context: RuleContext = {
      graph,
      index,
      root,
      repository,
      today: options.today,
      config: options.config,
      options: { ...rule.meta.defaultOptions, ...configured?.options },
      source: (file) => texts.get(file),
      lang,
      report: (r: Report) =>
        void found.push({ file: r.file, diagnostic: toDiagnostic(r, rule.meta, lang(r.file), severity, texts.get(r.file), displayOf(r.file)) }),
    };
    try {
      await rule.check(context);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      out.push({
        file: displayOf(graph.documents[0]?.file ?? ''),
        line: 1,
        column: 1,
        rule: 'rule-error',
        severity: 'error',
        message: `Rule "${id}" failed: ${detail}; its findings are missing. This is a bug in instr; please report it`,
        source: 'lint',
      });
      continue;
    }
    for (const { file, diagnostic } of found) {
      if (suppressions.get(file)?.isSuppressed(id, diagnostic.line)) continue;
      out.push(diagnostic);
    }
  }
  return dedupe(out).sort(compareDiagnostics);
}

/** Russian for Russian instructions, English for everything else. */
function toLang(lang: string | undefined): Lang {
  return resolveLanguage(lang);
}

function toDiagnostic(r: Report, meta: RuleMeta, lang: Lang, severity: Diagnostic['severity'], text: SourceText | undefined, display: string): Diagnostic {
  const at = place(r.at, text);
  const message = formatMessage(meta, r.messageId, r.data, lang);
  const d: Diagnostic = { file: display, line: at.line, column: at.column, rule: meta.id, severity, message, messageId: r.messageId, source: 'lint' };
  if (at.endLine !== undefined) d.endLine = at.endLine;
  if (at.endColumn !== undefined) d.endColumn = at.endColumn;
  return d;
}

function place(at: Place, text: SourceText | undefined): { line: number; column: number; endLine?: number; endColumn?: number } {
  if ('line' in at) return at;
  if (!text) return { line: 1, column: 1 };
  const start = text.locate(at.offset);
  if (at.endOffset === undefined) return start;
  const end = text.locate(at.endOffset);
  return { ...start, endLine: end.line, endColumn: end.column };
}

function givenSources(sources: ReadonlyMap<string, string>): Map<string, SourceText> {
  return new Map([...sources].map(([file, text]) => [file, sourceText(file, file, text)]));
}

/** Reads every compiled file's text again (the compiler may have served it from its cache). */
async function readSources(result: CompileResult, cwd: string): Promise<Map<string, SourceText>> {
  const texts = new Map<string, SourceText>();
  // Only files that compiled to a document: rules read nothing else (and a file the compiler
  // refused, e.g. for its size, is not read again).
  const files = new Set(result.graph.documents.map((d) => d.file));
  await Promise.all(
    [...files].map(async (file) => {
      const abs = resolve(result.root, file);
      const display = toDisplay(abs, cwd);
      const decodedBefore = decodedText(result, file);
      if (decodedBefore !== undefined) {
        texts.set(file, sourceText(file, display, decodedBefore));
        return;
      }
      try {
        const decoded = sourceFromBytes(await readRegularFile(abs, 64 * 1024 * 1024), file, display);
        if ('source' in decoded) texts.set(file, sourceText(file, display, decoded.source.text));
      } catch {
        // unreadable: the compiler has reported it already
      }
    }),
  );
  return texts;
}

function toDisplay(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return (rel || abs).split('\\').join('/');
}

/** The git top-level above `dir` (a folder holding `.git`), else `dir` itself. */
async function repositoryTop(dir: string): Promise<string> {
  let current = resolve(dir);
  for (;;) {
    try {
      await stat(join(current, '.git'));
      return current;
    } catch {
      // not here
    }
    const parent = dirname(current);
    if (parent === current) return resolve(dir);
    current = parent;
  }
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.file}\0${d.line}\0${d.column}\0${d.rule}\0${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
