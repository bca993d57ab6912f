import type { Node as UnistNode } from 'unist';
import type { Position } from '../graph/types.js';

/** A unist node's position as the graph stores it; `file` is relative to the compiled root. */
export function positionOf(node: UnistNode, file: string): Position {
  const p = node.position;
  if (!p) return { file, line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 };
  return {
    file,
    line: p.start.line,
    column: p.start.column,
    endLine: p.end.line,
    endColumn: p.end.column,
    offset: p.start.offset ?? 0,
    endOffset: p.end.offset ?? 0,
  };
}

/** The smallest position covering both. */
export function spanPositions(a: Position, b: Position): Position {
  return { file: a.file, line: a.line, column: a.column, endLine: b.endLine, endColumn: b.endColumn, offset: a.offset, endOffset: b.endOffset };
}
