import type { Root } from 'mdast';
import type { Construct, Extension } from 'micromark-util-types';
import type { Processor } from 'unified';
import { lazy } from '../compile/lazy.js';
import { parseInChunks } from './chunk.js';
import { parsePlain } from './plain-parse.js';

// Loaded on the first parse: a run whose files all come from the cache never needs them.
const unifiedPackage = lazy<typeof import('unified')>('unified');
const remarkParsePackage = lazy<typeof import('remark-parse')>('remark-parse');
const remarkFrontmatterPackage = lazy<typeof import('remark-frontmatter')>('remark-frontmatter');
const directivePackage = lazy<typeof import('micromark-extension-directive')>('micromark-extension-directive');
const directiveMdastPackage = lazy<typeof import('mdast-util-directive')>('mdast-util-directive');

/**
 * Only *leaf* directives (`::name[label]{attributes}` on a line of their own) belong to the
 * language. Text directives are left out on purpose: with them every time of day in prose
 * («в 9:00», "at 18:30") parses as a directive named `00` or `30`. Container directives are left
 * out too: their fences make authors count colons, and nested unclosed fences are a parser
 * denial of service; a `:::` line is reported by the compiler instead.
 */
function leafDirectiveSyntax(): Extension {
  const flow: Record<number, Construct[]> = {};
  for (const [code, constructs] of Object.entries(directivePackage().directive().flow ?? {})) {
    // The container construct is the only `concrete` one (its content is not re-parsed as flow).
    flow[Number(code)] = [constructs ?? []].flat().filter((c): c is Construct => c !== undefined && c !== null && !c.concrete);
  }
  return { flow };
}

function remarkLeafDirectives(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(leafDirectiveSyntax());
  (data.fromMarkdownExtensions ??= []).push(directiveMdastPackage().directiveFromMarkdown());
}

let processor: Processor<Root> | undefined;

/** Markdown text → mdast syntax tree (CommonMark + YAML front matter + leaf directives), parsed in one piece. */
export function parseMarkdownWhole(text: string): Root {
  processor ??= unifiedPackage()
    .unified()
    .use(remarkParsePackage().default)
    .use(remarkFrontmatterPackage().default, ['yaml'])
    .use(remarkLeafDirectives) as unknown as Processor<Root>;
  return processor.parse(text);
}

/**
 * Markdown text → mdast syntax tree, parsed in one piece as parseMarkdownWhole does: by the plain
 * parser when the text is plain enough for it (plain-parse.ts), else by micromark.
 */
export function parseMarkdownPiece(text: string): Root {
  return parsePlain(text, parseMarkdownWhole) ?? parseMarkdownWhole(text);
}

/** Markdown text → mdast syntax tree; large texts are parsed chunk by chunk (chunk.ts), with the same result. */
export function parseMarkdown(text: string): Root {
  return parseInChunks(text, parseMarkdownPiece);
}
