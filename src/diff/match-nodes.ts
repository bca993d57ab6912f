import type { DecisionNode, Node } from '../graph/types.js';
import { nodeFields, nodeSummary, nodeText } from './node-text.js';
import type { FieldChange, NodeChange, NodeRef, OptionChange } from './types.js';
import { similarity, wordDiff } from './word-diff.js';

export interface NodeMatch {
  changes: NodeChange[];
  /** Old node id → the new node it became. */
  nodeMap: Map<string, string>;
  /** `oldDecision\0oldOption` → the new option's id. */
  optionMap: Map<string, string>;
}

const terminal = (node: Node) => node.kind === 'jump' || node.kind === 'end';

/**
 * Pairs the nodes of one task before and after a change. Nodes with the same id are the same
 * node (explicit ids, and content-hash ids, which do not change when a step is inserted). Those
 * whose order in the flow still agrees are anchors (longest increasing subsequence); the others
 * moved. Between two anchors, a removed and an added node of the same kind are one reworded node
 * when their words are alike, or when each is the only one of its kind there; a removed jump or
 * end and an added one are one branch whose destination changed.
 */
export function matchNodes(before: Node[], after: Node[]): NodeMatch {
  const afterIndex = new Map(after.map((n, i) => [n.id, i]));
  const beforeIndex = new Map(before.map((n, i) => [n.id, i]));
  const common = after.filter((n) => beforeIndex.has(n.id));
  const anchors = new Set(longestIncreasing(common.map((n) => beforeIndex.get(n.id)!)).map((i) => before[i]!.id));

  const gapsBefore = gaps(before, anchors, afterIndex);
  const gapsAfter = gaps(after, anchors, beforeIndex);
  const pairs: Array<[Node, Node]> = [];
  for (const [gap, olds] of gapsBefore) pairs.push(...pairInGap(olds, gapsAfter.get(gap) ?? []));

  const nodeMap = new Map<string, string>();
  const optionMap = new Map<string, string>();
  const changes: Array<{ order: number; change: NodeChange }> = [];
  const paired = new Set<string>();
  const consider = (old: Node, now: Node, moved: boolean) => {
    nodeMap.set(old.id, now.id);
    paired.add(old.id).add(now.id);
    const change = compareNodes(old, now, optionMap);
    if (moved) change.moved = true;
    if (moved || change.text || change.fields.length || change.options.length) changes.push({ order: afterIndex.get(now.id)!, change });
  };
  for (const node of common) consider(before[beforeIndex.get(node.id)!]!, node, !anchors.has(node.id));
  for (const [old, now] of pairs) consider(old, now, false);
  for (const node of after)
    if (!paired.has(node.id))
      changes.push({ order: afterIndex.get(node.id)!, change: { status: 'added', kind: node.kind, after: ref(node), fields: [], options: [] } });
  // A removed node sorts just after the new position of the anchor before it.
  let lastAnchor = -1;
  for (const node of before) {
    if (anchors.has(node.id)) lastAnchor = afterIndex.get(node.id)!;
    else if (!paired.has(node.id))
      changes.push({ order: lastAnchor + 0.5, change: { status: 'removed', kind: node.kind, before: ref(node), fields: [], options: [] } });
  }
  changes.sort((a, b) => a.order - b.order);
  return { changes: changes.map((c) => c.change), nodeMap, optionMap };
}

/** Non-anchor nodes grouped by how many anchors come before them (the same gap on both sides). */
function gaps(nodes: Node[], anchors: Set<string>, otherIndex: Map<string, number>): Map<number, Node[]> {
  const out = new Map<number, Node[]>();
  let gap = 0;
  for (const node of nodes) {
    if (anchors.has(node.id)) gap++;
    else if (!otherIndex.has(node.id)) out.set(gap, [...(out.get(gap) ?? []), node]);
  }
  return out;
}

function pairInGap(olds: Node[], news: Node[]): Array<[Node, Node]> {
  const pairs: Array<[Node, Node]> = [];
  const usedOld = new Set<Node>();
  const usedNew = new Set<Node>();
  const take = (o: Node, n: Node) => {
    pairs.push([o, n]);
    usedOld.add(o);
    usedNew.add(n);
  };
  // 1. Alike words, best first.
  const scored: Array<{ o: Node; n: Node; score: number }> = [];
  for (const o of olds) for (const n of news) if (o.kind === n.kind && o.kind !== 'jump') scored.push({ o, n, score: similarity(nodeText(o), nodeText(n)) });
  scored.sort((a, b) => b.score - a.score);
  for (const { o, n, score } of scored) if (score >= 0.34 && !usedOld.has(o) && !usedNew.has(n)) take(o, n);
  // 2. The only one of its kind left on each side.
  for (const o of olds) {
    if (usedOld.has(o)) continue;
    const sameOld = olds.filter((x) => !usedOld.has(x) && x.kind === o.kind);
    const sameNew = news.filter((x) => !usedNew.has(x) && x.kind === o.kind);
    if (sameOld.length === 1 && sameNew.length === 1) take(o, sameNew[0]!);
  }
  // 3. A branch that jumped now ends, or the other way round.
  const termOld = olds.filter((x) => !usedOld.has(x) && terminal(x));
  const termNew = news.filter((x) => !usedNew.has(x) && terminal(x));
  if (termOld.length === 1 && termNew.length === 1) take(termOld[0]!, termNew[0]!);
  return pairs;
}

function compareNodes(old: Node, now: Node, optionMap: Map<string, string>): NodeChange {
  const change: NodeChange = { status: 'changed', kind: now.kind, before: ref(old), after: ref(now), fields: [], options: [] };
  if (old.kind !== now.kind) {
    change.fields.push({ field: 'leadsTo', before: describeTerminal(old), after: describeTerminal(now) });
    return change;
  }
  const a = nodeText(old);
  const b = nodeText(now);
  if (a !== b) change.text = wordDiff(a, b);
  change.fields = compareFields(nodeFields(old), nodeFields(now));
  if (old.kind === 'decision' && now.kind === 'decision') change.options = compareOptions(old, now, optionMap);
  return change;
}

export function compareFields(before: Record<string, string | undefined>, after: Record<string, string | undefined>): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const b = before[field];
    const a = after[field];
    if (b === a) continue;
    const change: FieldChange = { field };
    if (b !== undefined) change.before = b;
    if (a !== undefined) change.after = a;
    out.push(change);
  }
  return out;
}

/** Options by id (an explicit id, or the hash of the label), then the rest in order: relabelled. */
function compareOptions(old: DecisionNode, now: DecisionNode, optionMap: Map<string, string>): OptionChange[] {
  const out: OptionChange[] = [];
  const nowIds = new Set(now.options.map((o) => o.id));
  const oldIds = new Set(old.options.map((o) => o.id));
  for (const o of old.options) if (nowIds.has(o.id)) optionMap.set(`${old.id}\0${o.id}`, o.id);
  const restOld = old.options.filter((o) => !nowIds.has(o.id));
  const restNew = now.options.filter((o) => !oldIds.has(o.id));
  const n = Math.min(restOld.length, restNew.length);
  for (let i = 0; i < n; i++) {
    optionMap.set(`${old.id}\0${restOld[i]!.id}`, restNew[i]!.id);
    if (restOld[i]!.label !== restNew[i]!.label) out.push({ status: 'relabelled', before: restOld[i]!.label, after: restNew[i]!.label });
  }
  for (const o of restOld.slice(n)) out.push({ status: 'removed', before: o.label });
  for (const o of restNew.slice(n)) out.push({ status: 'added', after: o.label });
  return out;
}

function describeTerminal(node: Node): string {
  if (node.kind === 'end') return `«${node.outcome}»${node.status !== 'done' ? ` (${node.status})` : ''}`;
  return nodeSummary(node);
}

function ref(node: Node): NodeRef {
  return { id: node.id, kind: node.kind, text: nodeSummary(node), line: node.position.line };
}

/** A longest strictly increasing subsequence of `values` (the values, in order). */
function longestIncreasing(values: number[]): number[] {
  const tails: number[] = [];
  const prev = new Array<number>(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < values[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const out: number[] = [];
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = prev[i]!) out.push(values[i]!);
  return out.reverse();
}
