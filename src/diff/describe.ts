import type { NodeKind } from '../graph/types.js';
import type { Messages } from '../i18n/messages.js';
import type { PathChange, PathOutcome } from './types.js';

/** Words shared by the text and Markdown formats, in the instruction's language. */
export function kindLabel(kind: NodeKind, t: Messages): string {
  const labels: Record<NodeKind, string> = {
    step: t.step,
    decision: t.decision,
    jump: t.goto,
    end: t.end,
    escalation: t.escalate,
    checkpoint: t.checkpoint,
    wait: t.wait,
  };
  return labels[kind];
}

export function fieldLabel(field: string, t: Messages): string {
  const labels: Record<string, string> = {
    title: t.diffFieldTitle,
    file: t.file,
    kind: t.diffFieldKind,
    section: t.diffFieldSection,
    trigger: t.trigger,
    deadline: t.deadline,
    description: t.diffFieldDescription,
    reviewed: t.reviewed,
    review: t.diffFieldReview,
    schedule: t.schedule,
    role: t.diffFieldRole,
    lang: t.diffFieldLang,
    owner: t.diffFieldOwner,
    timezone: t.diffFieldTimezone,
    details: t.diffFieldDetails,
    links: t.diffFieldLinks,
    target: t.diffFieldTarget,
    return: t.diffFieldReturn,
    status: t.diffFieldStatus,
    value: t.checkpointValue,
    timeout: t.waitTimeout,
    leadsTo: t.diffFieldLeadsTo,
  };
  if (Object.hasOwn(labels, field)) return labels[field]!;
  if (field.startsWith('roles.')) return `${t.diffFieldRole} ${field.slice(6)}`;
  if (field.startsWith('section:')) return `${t.diffFieldSection} «${field.slice(8)}»`;
  return field;
}

function outcomeText(outcome: PathOutcome, t: Messages): string {
  switch (outcome.kind) {
    case 'end':
      return `${t.end} «${outcome.outcome || t.endDone}»${outcome.status !== 'done' ? ` (${outcome.status})` : ''}`;
    case 'jump':
      return `${t.goto} #${outcome.target}${outcome.title ? ` (${outcome.title})` : ''}`;
    case 'done':
      return t.diffOutcomeDone;
    case 'loop':
      return `${t.diffLoop} «${outcome.text}»`;
  }
}

/** `«question» = «answer» → …`, or "from the start" for a task without decisions. */
function answersText(path: PathChange, t: Messages): string {
  return path.answers.length ? path.answers.map((a) => `«${a.question}» = ${a.answers.map((x) => `«${x}»`).join(' / ')}`).join(' → ') : t.diffFromStart;
}

/** The sentence for one changed path. */
export function pathSentence(path: PathChange, t: Messages): string {
  const answers = answersText(path, t);
  if (path.status === 'changed') return `${answers} → ${t.diffNow}: ${outcomeText(path.after!, t)} (${t.diffWas}: ${outcomeText(path.before!, t)})`;
  if (path.status === 'added') return `${t.diffPathAdded}: ${answers} → ${outcomeText(path.after!, t)}`;
  return `${t.diffPathRemoved}: ${answers} → ${outcomeText(path.before!, t)}`;
}
