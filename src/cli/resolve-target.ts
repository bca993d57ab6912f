import { findTargets, targetId, targetTitle, type Target } from '../graph/find-target.js';
import type { Document, Graph } from '../graph/types.js';
import { fill, showMessages, type ShowMessages } from '../i18n/show-messages.js';
import { ExitError, exitCodes } from './errors.js';
import { safe } from './io.js';

export interface LinkedFile {
  path: string;
  document: Document | undefined;
}

/** The one thing a user named for `instr show`; exit 2 with the candidates when none or several match. */
export function resolveTarget(graph: Graph, query: string, files: LinkedFile[], lang?: string): Target {
  const matches = findTargets(graph, query, files);
  if (matches.length === 1) return matches[0]!;
  const language = lang ?? matches[0]?.document?.lang ?? graph.documents[0]?.lang;
  const t = showMessages(language);
  if (matches.length === 0) {
    const known: Target[] = [];
    for (const document of graph.documents) {
      known.push({ kind: 'document', document });
      for (const section of document.sections) if (section.kind !== 'intro') known.push({ kind: 'section', section, document });
    }
    for (const task of graph.tasks) known.push({ kind: 'task', task, document: graph.documents.find((d) => d.file === task.file) });
    for (const f of files) known.push({ kind: 'file', path: f.path, document: f.document });
    throw new ExitError(`${fill(t.notFound, { q: safe(query) })} ${t.known}\n${candidateLines(known, t)}\n${t.showHint}`, exitCodes.usage);
  }
  throw new ExitError(`${fill(t.ambiguous, { q: safe(query) })}\n${candidateLines(matches, t)}`, exitCodes.usage);
}

export function kindLabel(target: Target, t: ShowMessages): string {
  switch (target.kind) {
    case 'task':
      return target.task.kind === 'situation' ? t.kindSituation : t.kindTask;
    case 'section':
      return t.kindSection;
    case 'document':
      return t.kindDocument;
    case 'file':
      return t.kindFile;
  }
}

function candidateLines(targets: Target[], t: ShowMessages): string {
  const width = Math.min(32, Math.max(...targets.map((x) => targetId(x).length)));
  return targets.map((x) => `  ${safe(targetId(x)).padEnd(width)}  ${safe(targetTitle(x))} (${kindLabel(x, t)}${x.document ? `, ${safe(x.document.file)}` : ''})`).join('\n');
}
