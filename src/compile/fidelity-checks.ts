import type { Code, List, Nodes, Paragraph, RootContent } from 'mdast';
import { directiveSpec } from './directives.js';
import { plainText } from './inline.js';
import { splitTrailingAttributes } from '../parse/trailing-attributes.js';
import { DocumentSections } from './document-sections.js';

/** Text the author wrote that the flow would lose or misread: each is reported, never dropped in silence. */
export class FidelityChecks extends DocumentSections {
  /** A paragraph that was meant as a directive: a `:::` container, or `:when[…]` with one colon. Reports it. */
  protected reportDirectiveLike(paragraph: Paragraph): boolean {
    const source = this.slice(paragraph);
    const container = /^:::+\s*([A-Za-z][\w-]*)?/.exec(source);
    if (container) {
      const name = container[1] ?? '';
      this.report('container-directive', this.say('containerDirective', { name }), paragraph);
      return true;
    }
    const single = /^:([A-Za-z][\w-]*)[[{]/.exec(source);
    if (single && directiveSpec(single[1]!)) {
      this.report('unknown-directive', this.say('oneColon', { name: single[1]! }), paragraph);
      return true;
    }
    return false;
  }

  /** Prose left after the last node of a task or branch: nothing would show it. */
  protected reportOrphans(notes: RootContent[], where: string): void {
    for (const node of notes) {
      const what = node.type === 'heading' ? this.say('whatHeading') : node.type === 'paragraph' ? this.say('whatParagraph') : this.say('whatBlock');
      this.report('orphan-prose', this.say('orphanProse', { what, where }), node);
    }
  }

  /** An indented code block that holds a step or a directive: the author meant a nested step. */
  protected reportIndentedCode(node: Code, contentIndent: number): boolean {
    const line = this.sourceLine(node.position?.start.line ?? 1);
    if (/^\s*(```|~~~)/.test(line)) return false;
    const body = node.value.trimStart();
    const thing = /^(\d+[.)]|[-*+])\s/.test(body) ? this.say('thingStep') : /^::?[A-Za-z]/.test(body) ? this.say('thingDirective') : null;
    if (!thing) return false;
    const n = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
    const fix = contentIndent > 0 ? this.say('indentedCodeOption', { k: contentIndent }) : this.say('indentedCodeTop');
    this.report('indented-code', this.say('indentedCode', { thing, n, fix }), node);
    return true;
  }

  /** `- Yes` / `1. Step` / `- No` flush left: the steps end the options list and the branch stays empty. */
  protected reportFlushLeft(options: List, after: RootContent | undefined, then: RootContent | undefined): void {
    if (after?.type !== 'list' || after.ordered === options.ordered) return;
    if (then?.type !== 'list' || then.ordered !== options.ordered) return;
    const last = options.children[options.children.length - 1];
    const label = last?.children[0]?.type === 'paragraph' ? plainText(last.children[0]) : '';
    const indent = last?.children[0]?.position ? last.children[0].position.start.column - 1 : 2;
    this.report('indentation', this.say('flushLeft', { label, k: indent }), after);
  }

  /** A `:end[…]` (or `::end[…]`) line swallowed by a step's or an option's paragraph. */
  protected reportAbsorbedDirective(source: string, at: Nodes, key: 'stepDirective' | 'optionLabelDirective', label = ''): boolean {
    const lines = source.split('\n').slice(1);
    for (const raw of lines) {
      const m = /^\s*:{1,2}([A-Za-z][\w-]*)[[{]/.exec(raw);
      if (m && directiveSpec(m[1]!)) {
        this.report('absorbed-directive', this.say(key, { line: raw.trim(), name: m[1]!, label }), at);
        return true;
      }
    }
    return false;
  }

  /** Trailing `{…}` on a step or option may hold only an id; anything else would vanish. */
  protected reportExtraAttributes(split: ReturnType<typeof splitTrailingAttributes>, at: Nodes, what: 'step' | 'option'): void {
    const extras = [...split.classes.map((c) => `.${c}`), ...[...split.attributes].map(([k, v]) => (v ? `${k}=${v}` : k))];
    for (const attr of extras) {
      if (what === 'option') {
        this.report('unknown-attribute', this.say('optionAttribute', { attr }), at);
        continue;
      }
      const deadline = split.attributes.get('deadline');
      const fix = attr.startsWith('deadline=') && deadline ? this.say('deadlineFix', { value: deadline }) : this.say('dropFix');
      this.report('unknown-attribute', this.say('stepAttribute', { attr, fix }), at);
    }
  }
}
