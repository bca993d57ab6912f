import type { ListItem, RootContent, Table } from 'mdast';
import type { Block } from '../graph/types.js';
import { plainText } from './inline.js';
import { positionOf } from './position.js';

/**
 * A section's prose as structured blocks: what `show`, the run's references and search read
 * without parsing Markdown again. Thematic breaks and HTML comments carry no words and are left out.
 */
export function toBlocks(nodes: RootContent[], file: string): Block[] {
  const blocks: Block[] = [];
  for (const node of nodes) {
    const position = positionOf(node, file);
    switch (node.type) {
      case 'heading':
        blocks.push({ kind: 'heading', depth: node.depth, text: plainText(node), position });
        break;
      case 'list': {
        const items = node.children.map((item) => itemText(item));
        blocks.push({ kind: 'list', text: items.join('\n'), items, position });
        break;
      }
      case 'table': {
        const rows = tableRows(node);
        blocks.push({ kind: 'table', text: rows.map((r) => r.join(' | ')).join('\n'), rows, position });
        break;
      }
      case 'code':
        blocks.push({ kind: 'code', text: node.value, position });
        break;
      case 'blockquote':
        blocks.push({ kind: 'quote', text: plainText(node), position });
        break;
      case 'html': {
        const text = node.value.replace(/<!--[\s\S]*?-->/g, '').trim();
        if (text) blocks.push({ kind: 'html', text, position });
        break;
      }
      case 'leafDirective':
      case 'containerDirective':
        blocks.push({ kind: 'directive', text: plainText(node), position });
        break;
      case 'thematicBreak':
      case 'yaml':
      case 'definition':
        break;
      default: {
        const text = plainText(node);
        if (text) blocks.push({ kind: 'paragraph', text, position });
      }
    }
  }
  return blocks;
}

function itemText(item: ListItem): string {
  return plainText(item);
}

function tableRows(table: Table): string[][] {
  return table.children.map((row) => row.children.map((cell) => plainText(cell)));
}
