import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkDirective);

/** Markdown text → mdast syntax tree (CommonMark + YAML front matter + generic directives). */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
