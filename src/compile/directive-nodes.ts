import type { ListItem, RootContent } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import type { DecisionNode, Node, Option, StepNode, WaitNode } from '../graph/types.js';
import { endStatuses, type DirectiveSpec } from './directives.js';
import { contentId, idPattern } from './ids.js';
import { collectLinks, plainText } from './inline.js';
import { splitTrailingAttributes } from '../parse/trailing-attributes.js';
import { FidelityChecks } from './fidelity-checks.js';
import { Chain, type Setter } from './flow-chain.js';

/** The flow's directives: a decision with its options, and the one-line nodes (jump, wait, end…). */
export abstract class DirectiveNodes extends FidelityChecks {
  protected abstract compileInto(children: RootContent[], chain: Chain, contentIndent?: number): void;
  protected abstract compileItem(item: ListItem, chain: Chain): void;

  protected decision(node: LeafDirective, spec: DirectiveSpec, items: ListItem[] | null, chain: Chain): void {
    const attrs = this.checkAttributes(node, spec);
    const question = plainText(node.children);
    if (!question) this.report('missing-label', this.say('decisionNoQuestion'), node);
    if (!items) {
      this.report('too-few-options', this.say('decisionNoOptions', { question }), node);
      return;
    }
    const id = this.nodeId('decision', question, attrs.get('id'), node);
    const decision: DecisionNode = { id, kind: 'decision', task: this.taskId, position: this.pos(node), question, options: [] };
    if (attrs.get('id') === id) decision.explicitId = true;
    const links = collectLinks(node.children, this.source.path);
    if (links.length > 0) decision.links = links;
    this.add(decision, chain);
    chain.lastStep = null;

    const optionIds = new Set<string>();
    const after: Setter[] = [(next) => (decision.join = next)];
    const firstColumn = items[0]?.position?.start.column ?? 1;
    let previous: { label: string; indent: number } | null = null;
    for (const item of items) {
      const [first, ...rest] = item.children;
      const itemColumn = item.position?.start.column ?? firstColumn;
      if (previous && itemColumn > firstColumn) {
        this.report('indentation', this.say('optionIndent', { n: itemColumn - 1, question, label: previous.label, k: previous.indent }), item);
      }
      if (first?.type === 'paragraph') {
        const source = this.slice(first);
        if (!this.reportAbsorbedDirective(source, first, 'optionLabelDirective', source.trim().split('\n')[0]!.trim()) && /\n/.test(source.trim())) {
          this.report('option-label-lines', this.say('optionLabelLines', { line: source.trim().split('\n')[1]!.trim() }), first);
        }
      }
      const labelSource = first?.type === 'paragraph' ? splitTrailingAttributes(plainText(first)) : null;
      if (labelSource && labelSource.at !== undefined) this.reportExtraAttributes(labelSource, first!, 'option');
      if (!labelSource || !labelSource.text) {
        this.report('option-without-label', this.say('optionWithoutLabel', { question }), item);
        continue;
      }
      const explicit = labelSource.id;
      let optionId: string;
      if (explicit !== undefined && idPattern.test(explicit) && !optionIds.has(explicit)) {
        optionId = explicit;
        optionIds.add(explicit);
      } else {
        if (explicit !== undefined) this.report('bad-id', this.say('badOptionId', { id: explicit }), item);
        optionId = contentId('option', labelSource.text, optionIds, '');
      }
      const option: Option = { id: optionId, label: labelSource.text, position: this.pos(item), next: null };
      if (optionId === explicit) option.explicitId = true;
      decision.options.push(option);
      const branch = new Chain();
      const indent = first?.position ? first.position.start.column - 1 : 0;
      previous = { label: labelSource.text, indent };
      this.compileInto(first?.type === 'paragraph' ? rest : item.children, branch, indent);
      if (!branch.started && branch.notes.length > 0) {
        option.note = branch.notes.map((n) => this.sliceNodes([n])).join('\n\n');
        branch.notes = [];
      }
      this.reportOrphans(branch.notes, this.say('whereBranch', { option: labelSource.text }));
      if (branch.started) {
        option.next = branch.entry;
        after.push(...branch.pending);
      } else after.push((next) => (option.next = next));
    }
    if (decision.options.length < 2) {
      this.report('too-few-options', this.say('tooFewOptions', { question, n: decision.options.length }), node);
    }
    chain.pending = after;
  }

  protected flowNode(node: LeafDirective, spec: DirectiveSpec, chain: Chain, timeoutItems: ListItem[] | null = null): void {
    const attrs = this.checkAttributes(node, spec);
    const label = plainText(node.children);
    if (spec.label === 'required' && !label) {
      this.report('missing-label', this.say('missingLabel', { name: node.name }), node);
      return;
    }
    const base = { task: this.taskId, position: this.pos(node) };
    const links = collectLinks(node.children, this.source.path);
    const explicit = attrs.get('id');
    const finish = <T extends Node>(n: T, continues: boolean): T => {
      if (explicit !== undefined && n.id === explicit) n.explicitId = true;
      if (links.length > 0) n.links = links;
      this.add(n, chain);
      chain.lastStep = null;
      chain.pending = continues && 'next' in n ? [(next) => ((n as { next: string | null }).next = next)] : [];
      return n;
    };
    switch (node.name) {
      case 'goto': {
        const target = /^(?:([^#\s]+\.md))?#?([^#\s]+)$/i.exec(label);
        if (!target || !idPattern.test(target[2]!)) {
          this.report('bad-jump-target', this.say('badJumpTarget', { label }), node);
          return;
        }
        const returns = attrs.has('return');
        const id = this.nodeId('jump', `${label} ${returns ? 'return' : ''}`, explicit, node);
        const jump: Node = { ...base, id, kind: 'jump', target: target[2]!, return: returns, next: null };
        if (target[1] !== undefined) jump.targetFile = target[1];
        finish(jump, returns);
        return;
      }
      case 'end': {
        const status = (attrs.get('status') ?? 'done') as (typeof endStatuses)[number];
        finish({ ...base, id: this.nodeId('end', `${status} ${label}`, explicit, node), kind: 'end', outcome: label, status }, false);
        return;
      }
      case 'escalate': {
        const role = attrs.get('role');
        if (role === undefined) return;
        finish({ ...base, id: this.nodeId('escalation', `${role} ${label}`, explicit, node), kind: 'escalation', role, reason: label, next: null }, true);
        return;
      }
      case 'checkpoint': {
        const checkpoint: Node = { ...base, id: this.nodeId('checkpoint', label, explicit, node), kind: 'checkpoint', text: label, next: null };
        const value = attrs.get('value');
        if (value !== undefined) checkpoint.value = value;
        finish(checkpoint, true);
        return;
      }
      case 'promise': {
        const due = attrs.get('due');
        if (due === undefined) return;
        const promise: StepNode['promise'] & object = { due };
        const after = attrs.get('after');
        const kept = attrs.get('kept');
        if (after !== undefined) promise.after = after;
        const keptBy = kept?.split(/[\s,]+/).filter(Boolean) ?? [];
        if (keptBy.length > 0) promise.kept = [keptBy[0]!, ...keptBy.slice(1)];
        const step: StepNode = { ...base, id: this.nodeId('step', label, explicit, node), kind: 'step', text: label, markdown: label, promise, next: null };
        finish(step, true);
        return;
      }
      case 'wait': {
        const wait: Node = { ...base, id: this.nodeId('wait', label, explicit, node), kind: 'wait', event: label, next: null };
        const deadline = attrs.get('deadline');
        const timeout = attrs.get('timeout');
        if (deadline !== undefined) wait.deadline = deadline;
        if (timeout !== undefined) wait.timeout = timeout;
        finish(wait, true);
        if (timeoutItems) this.timeoutBranch(wait as WaitNode, timeoutItems);
        return;
      }
    }
  }

  /**
   * The steps for when a wait's timeout runs out, written like a decision's option under the wait:
   * `- Время вышло, оплаты нет` and the steps nested under it. They end back at the wait, which is
   * then chased again; an `::end` or `::goto` in them leaves it.
   */
  private timeoutBranch(wait: WaitNode, items: ListItem[]): void {
    const [item, ...extra] = items;
    for (const other of extra) this.report('wait-timeout-branch', this.say('timeoutOneBranch', { event: wait.event }), other);
    if (!item) return;
    const [first, ...rest] = item.children;
    const label = first?.type === 'paragraph' ? plainText(first) : '';
    if (!label) {
      this.report('option-without-label', this.say('timeoutNoLabel', { event: wait.event }), item);
      return;
    }
    const branch = new Chain();
    const indent = first?.position ? first.position.start.column - 1 : 0;
    this.compileInto(rest, branch, indent);
    this.reportOrphans(branch.notes, this.say('whereBranch', { option: label }));
    const option: Option = { id: 'timeout', label, position: this.pos(item), next: branch.started ? branch.entry : wait.id };
    for (const set of branch.pending) set(wait.id);
    wait.onTimeout = option;
  }
}
