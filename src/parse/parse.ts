import type { Root } from 'mdast';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { directive } from 'micromark-extension-directive';
import type { Construct, Extension } from 'micromark-util-types';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

/**
 * Only *leaf* directives (`::name[label]{attributes}` on a line of their own) belong to the
 * language. Text directives are left out on purpose: with them every time of day in prose
 * («в 9:00», "at 18:30") parses as a directive named `00` or `30`. Container directives are left
 * out too: their fences make authors count colons, and nested unclosed fences are a parser
 * denial of service; a `:::` line is reported by the compiler instead.
 */
function leafDirectiveSyntax(): Extension {
  const flow: Record<number, Construct[]> = {};
  for (const [code, constructs] of Object.entries(directive().flow ?? {})) {
    // The container construct is the only `concrete` one (its content is not re-parsed as flow).
    flow[Number(code)] = [constructs ?? []].flat().filter((c): c is Construct => c !== undefined && c !== null && !c.concrete);
  }
  return { flow };
}

function remarkLeafDirectives(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(leafDirectiveSyntax());
  (data.fromMarkdownExtensions ??= []).push(directiveFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkLeafDirectives);

/** Markdown text → mdast syntax tree (CommonMark + YAML front matter + leaf directives). */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
