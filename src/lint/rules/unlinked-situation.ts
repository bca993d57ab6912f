import { nodeList } from '../../analyze/flow.js';
import { outgoing } from '../../graph/query.js';
import type { DecisionNode, Node, Option, Task } from '../../graph/types.js';
import { Reachability } from '../../graph/reachability.js';
import { OverlapIndex } from '../../text/overlap-index.js';
import { stem, words } from '../../text/words.js';
import { quote } from '../describe.js';
import { defineRule, docsUrl } from '../rule.js';

/** Words that carry no situation of their own. */
const stopWords = [
  'и',
  'или',
  'в',
  'во',
  'на',
  'с',
  'со',
  'по',
  'не',
  'что',
  'к',
  'ко',
  'за',
  'от',
  'до',
  'для',
  'из',
  'о',
  'об',
  'а',
  'но',
  'это',
  'его',
  'её',
  'их',
  'мы',
  'вы',
  'он',
  'она',
  'они',
  'нам',
  'нас',
  'вам',
  'вас',
  'у',
  'же',
  'ли',
  'то',
  'как',
  'так',
  'если',
  'когда',
  'уже',
  'ещё',
  'все',
  'всё',
  'быть',
  'есть',
  'нет',
  'да',
  'при',
  'через',
  'после',
  'под',
  'над',
  'без',
  'также',
  'только',
  'этот',
  'эта',
  'эти',
  'тот',
  'та',
  'те',
  'свой',
  'наш',
  'ваш',
  'a',
  'an',
  'the',
  'and',
  'or',
  'of',
  'to',
  'in',
  'on',
  'at',
  'for',
  'with',
  'by',
  'from',
  'is',
  'are',
  'be',
  'not',
  'no',
  'yes',
  'it',
  'its',
  'this',
  'that',
  'if',
  'when',
  'as',
  'than',
  'then',
  'into',
  'out',
  'up',
  'our',
  'your',
  'their',
];
/** A word after these is negated: «не входит» is not «входит». */
const negations = new Set(['нет', 'не', 'без', 'no', 'not', 'without']);

/** At least this many shared word stems, and this share of the shorter text's stems. */
const minShared = 3;
const minShare = 0.6;

/**
 * Two tasks claim the same situation and nothing connects them: an option of one task's decision
 * (or its trigger) says what another task's `::when` says, but its branch never jumps to that
 * task, and neither task leads to the other. A newcomer in that branch never reaches the
 * procedure written for the situation («грозит расторгнуть договор» in a conflict, without a
 * way to the task for a client who wants to leave).
 *
 * Only situations ("what to do if") are claimed: a routine task starts by its own trigger.
 * Similarity is stemmed word overlap, clause by clause (a trigger is split at «;», «,», «—»,
 * «:»): at least 3 shared content stems making up at least 60 % of the shorter clause, and no
 * word negated in one and not in the other («ответила» / «не ответила»). A short option («Да»)
 * stands for its question; a negative one («Нет, …») is not compared. Scheduled tasks' triggers
 * are not compared with each other.
 */
export const rule = defineRule<object>({
  meta: {
    id: 'unlinked-situation',
    type: 'problem',
    description: "an option or trigger that describes another task's ::when without any ::goto between them",
    defaultSeverity: 'warn',
    docs: docsUrl('unlinked-situation'),
    schema: {},
    defaultOptions: {},
    messages: {
      option: {
        ru: 'Вариант {{label}} описывает ту же ситуацию, что и «Когда» задачи «{{title}}» (#{{id}}): {{trigger}}, — но не ведёт в неё. Добавьте ::goto[#{{id}}] или уберите повтор',
        en: 'Option {{label}} describes the same situation as the trigger of "{{title}}" (#{{id}}): {{trigger}}, but does not lead there. Add ::goto[#{{id}}] or remove the repetition',
      },
      trigger: {
        ru: '«Когда» задачи «{{own}}» описывает ту же ситуацию, что и «Когда» задачи «{{title}}» (#{{id}}): {{trigger}}, — но ни одна из них не ведёт в другую. Добавьте ::goto[#{{id}}] или уберите повтор',
        en: 'The trigger of "{{own}}" describes the same situation as the trigger of "{{title}}" (#{{id}}): {{trigger}}, but neither task leads to the other. Add ::goto[#{{id}}] or remove the repetition',
      },
    },
  },
  check(context) {
    const stops = new Set(stopWords.map(stem));
    const content = (text: string) => {
      const out = new Set<string>();
      let negated = false;
      for (const w of words(text)) {
        const lower = w.text.toLowerCase();
        if (negations.has(lower)) {
          negated = true;
          continue;
        }
        const s = stem(w.text);
        if (s.length > 1 && !stops.has(s) && !/^\d+$/.test(s)) out.add(negated ? `!${s}` : s);
        negated = false;
      }
      return out;
    };
    // which tasks lead to which: one pass over the jumps, then each question is a lookup
    const nodes = nodeList(context.index);
    const reachability = new Reachability(taskLinks(context.graph.tasks, nodes));
    const reaches = (from: string, to: string) => reachability.reaches(from, to);
    // every trigger clause's stems, stored once, indexed by stem: a claim meets only the clauses it shares words with
    const stored = new OverlapIndex(minShared, similar);
    const triggered = context.graph.tasks
      .filter((t) => t.trigger)
      .map((t) => ({ task: t, clauses: clauses(t.trigger!.text).map((c) => stored.add(content(c))) }));
    // a "what to do if" situation is what a branch must lead to; a routine task is started by its own trigger
    const situations = triggered.filter(({ task }) => task.kind === 'situation');
    const situationsWith = holders(situations);
    const claimersOf = new Map<readonly number[], number[]>();
    // the situations (in their order) with a clause similar to the claim, except the task's own
    const claimedBy = (claim: Set<string>, except: string) => {
      const clauseIds = stored.matching(claim);
      let claimers = claimersOf.get(clauseIds);
      if (!claimers) claimersOf.set(clauseIds, (claimers = union(clauseIds.map((id) => situationsWith.get(id) ?? []))));
      return claimers.map((at) => situations[at]!).filter(({ task }) => task.id !== except);
    };

    const about = (other: Task) => ({ title: other.title, id: other.id, trigger: { ru: quote(other.trigger!.text, 'ru'), en: quote(other.trigger!.text) } });

    // an option of a decision whose branch reaches none of the tasks that claim its situation
    for (const node of nodes) {
      if (node.kind !== 'decision') continue;
      for (const option of node.options) {
        const claim = optionClaim(node, option, content);
        if (!claim) continue;
        const claiming = claimedBy(claim, node.task);
        if (claiming.length === 0) continue;
        const targets = [...branchTargets(node, option, context.index.node)];
        const linked = claiming.some(({ task: other }) => targets.some((t) => t === other.id || reaches(t, other.id)));
        if (!linked)
          context.report({
            file: node.position.file,
            at: option.position,
            messageId: 'option',
            data: { label: { ru: quote(option.label, 'ru'), en: quote(option.label) }, ...about(claiming[0]!.task) },
          });
      }
    }
    // a trigger that repeats an earlier task's trigger, with no way from one task to the other
    // (scheduled tasks are exempt: two things to do at the start of the day are not one situation)
    const unscheduled = triggered.filter(({ task }) => task.schedules.length === 0);
    const unscheduledWith = holders(unscheduled);
    unscheduled.forEach(({ task, clauses: cs }, i) => {
      // the earlier tasks with a clause similar to one of this task's, in their order
      const similarEarlier = union(cs.flatMap((c) => stored.matching(stored.sets[c]!).map((id) => unscheduledWith.get(id) ?? [])));
      let earlier: Task | undefined;
      for (const at of similarEarlier) {
        if (at >= i) break;
        const other = unscheduled[at]!.task;
        if ((task.kind === 'situation' || other.kind === 'situation') && !reaches(task.id, other.id) && !reaches(other.id, task.id)) {
          earlier = other;
          break;
        }
      }
      if (!earlier) return;
      context.report({ file: task.file, at: task.trigger!.position, messageId: 'trigger', data: { own: task.title, ...about(earlier) } });
    });
  },
});

function similar(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  let shared = 0;
  for (const s of a) {
    if (b.has(s)) shared++;
    // «ответила» against «не ответила»: opposite situations
    else if (b.has(s.startsWith('!') ? s.slice(1) : `!${s}`)) return false;
  }
  return shared >= minShared && shared / Math.min(a.size, b.size) >= minShare;
}

/** A trigger's clauses: «…; …», «…, …», «… — …», «…: …» (a long trigger lists several situations). */
function clauses(text: string): string[] {
  const parts = text
    .split(/[;,—:]/)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length > 0 ? parts : [text];
}

/** What an option says happened: its own words, or, for a bare «Да», its question's. */
function optionClaim(decision: DecisionNode, option: Option, content: (text: string) => Set<string>): Set<string> | undefined {
  const first = words(option.label)[0]?.text.toLowerCase();
  if (first !== undefined && negations.has(first)) return undefined;
  const own = content(option.label);
  return own.size >= 2 ? own : new Set([...own, ...content(decision.question)]);
}

/** The tasks a branch jumps to, up to where the decision's branches join. */
function branchTargets(decision: DecisionNode, option: Option, node: (id: string | null | undefined) => Node | undefined): Set<string> {
  const targets = new Set<string>();
  const seen = new Set<string>();
  const stack: Array<string | null> = [option.next];
  while (stack.length > 0) {
    const id = stack.pop();
    if (id == null || id === decision.join || seen.has(id)) continue;
    seen.add(id);
    const n = node(id);
    if (!n) continue;
    if (n.kind === 'jump') {
      if (n.targetTask) targets.add(n.targetTask);
      if (n.return) stack.push(n.next);
      continue;
    }
    for (const edge of outgoing(n)) stack.push(edge.to);
  }
  return targets;
}

/** Task → the tasks its jumps enter. */
function taskLinks(tasks: readonly Task[], nodes: readonly Node[]): Map<string, Set<string>> {
  const links = new Map<string, Set<string>>(tasks.map((t) => [t.id, new Set<string>()]));
  for (const n of nodes) if (n.kind === 'jump' && n.targetTask && n.targetTask !== n.task) links.get(n.task)?.add(n.targetTask);
  return links;
}

/** Stored clause id → the positions (ascending) of the tasks in `list` whose trigger has that clause. */
function holders(list: ReadonlyArray<{ clauses: readonly number[] }>): Map<number, number[]> {
  const out = new Map<number, number[]>();
  list.forEach(({ clauses: ids }, at) => {
    for (const id of ids) {
      const positions = out.get(id);
      if (!positions) out.set(id, [at]);
      else if (positions[positions.length - 1] !== at) positions.push(at);
    }
  });
  return out;
}

/** Ascending lists merged into one ascending list, each number once. */
function union(lists: ReadonlyArray<readonly number[]>): number[] {
  if (lists.length === 1) return [...lists[0]!];
  return [...new Set(lists.flat())].sort((a, b) => a - b);
}
