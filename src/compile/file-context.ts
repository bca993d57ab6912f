import type { Nodes, Root, RootContent } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Node, Position, Task } from '../graph/types.js';
import { checkAttributes } from './attributes.js';
import type { DirectiveSpec } from './directives.js';
import { contentId, idPattern } from './ids.js';
import { collectLinks, plainText } from './inline.js';
import { positionOf } from './position.js';
import type { SourceFile } from './source.js';
import { fidelityMessages } from './fidelity-messages.js';
import type { Chain } from './flow-chain.js';

/** One file being compiled: its source, the nodes and diagnostics so far, and the helpers every part uses. */
export class FileContext {
  protected diagnostics: Diagnostic[] = [];
  protected readonly nodes: Record<string, Node> = Object.create(null) as Record<string, Node>;
  protected readonly usedIds = new Set<string>();
  protected readonly explicitIds = new Map<string, Position>();
  protected readonly tasks: Task[] = [];
  protected scope = '';
  protected taskId = '';
  protected say: ReturnType<typeof fidelityMessages> = fidelityMessages(undefined);

  constructor(
    protected readonly tree: Root,
    protected readonly source: SourceFile,
  ) {}

  protected report(
    rule: string,
    message: string,
    at: { line: number; column: number; endLine?: number; endColumn?: number } | Nodes,
    severity: Diagnostic['severity'] = 'error',
  ): void {
    const p = 'type' in at ? positionOf(at, this.source.path) : at;
    const d: Diagnostic = { file: this.source.display, line: p.line, column: p.column, rule, severity, message, source: 'compile' };
    if (p.endLine !== undefined) d.endLine = p.endLine;
    if (p.endColumn !== undefined) d.endColumn = p.endColumn;
    this.diagnostics.push(d);
  }

  protected pos(node: Nodes): Position {
    return positionOf(node, this.source.path);
  }

  protected sourceLine(line: number): string {
    let start = 0;
    for (let i = 1; i < line; i++) {
      const next = this.source.text.indexOf('\n', start);
      if (next === -1) return '';
      start = next + 1;
    }
    const end = this.source.text.indexOf('\n', start);
    return this.source.text.slice(start, end === -1 ? undefined : end);
  }

  protected add(node: Node, chain: Chain): void {
    if (chain.notes.length > 0) {
      node.before = chain.notes.map((n) => this.sliceNodes([n])).join('\n\n');
      const links = collectLinks(chain.notes as Nodes[], this.source.path);
      if (links.length > 0) node.links = [...links, ...(node.links ?? [])];
      chain.notes = [];
    }
    this.nodes[node.id] = node;
    chain.attach(node.id);
  }

  protected nodeId(kind: Parameters<typeof contentId>[0], text: string, explicit: string | undefined, at: Nodes): string {
    if (explicit !== undefined) {
      if (!idPattern.test(explicit)) this.report('bad-id', this.say('badId', { id: explicit }), at);
      else if (this.claimExplicitId(explicit, this.pos(at))) return explicit;
    }
    return contentId(kind, text, this.usedIds, this.scope);
  }

  protected checkAttributes(node: LeafDirective, spec: DirectiveSpec): Map<string, string> {
    return checkAttributes(node, spec, this.slice(node), (rule, message, at) => this.report(rule, message, at ?? node), this.say);
  }

  protected slice(node: Nodes): string {
    const p = node.position;
    if (!p || p.start.offset === undefined || p.end.offset === undefined) return plainText(node);
    return this.source.text.slice(p.start.offset, p.end.offset);
  }

  /** Markdown source of consecutive nodes, with the list indentation of their first line removed. */
  protected sliceNodes(nodes: RootContent[]): string {
    const first = nodes[0]?.position;
    const last = nodes[nodes.length - 1]?.position;
    if (!first || !last || first.start.offset === undefined || last.end.offset === undefined) return nodes.map((n) => plainText(n)).join('\n\n');
    const text = this.source.text.slice(first.start.offset, last.end.offset);
    const indent = first.start.column - 1;
    if (indent === 0) return text;
    const strip = new RegExp(`\\n[ \\t]{0,${indent}}`, 'g');
    return text.replace(strip, '\n');
  }

  protected claimExplicitId(id: string, at: Position): boolean {
    const first = this.explicitIds.get(id);
    if (first) {
      this.report('duplicate-id', this.say('duplicateId', { id, line: first.line, column: first.column }), at);
      return false;
    }
    this.explicitIds.set(id, at);
    this.usedIds.add(id);
    return true;
  }
}
