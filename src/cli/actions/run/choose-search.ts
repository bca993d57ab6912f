/** The run menu without a task: the same search as `instr search`, over tasks and sections. */
import search, { Separator } from '@inquirer/search';
import type { ChalkInstance } from 'chalk';
import type { Graph, Section, Task } from '../../../graph/types.js';
import { terminalSafe } from '../../../text/terminal-safe.js';
import { sectionId } from '../../../graph/section-id.js';
import type { SearchMessages } from '../../../search/messages.js';
import type { SearchHit } from '../../../search/search.js';
import { inquirerTheme } from '../../../run/interactive.js';
import type { RunMessages } from '../../../run/messages.js';

/** What the newcomer picked: a task to run, a section to read, the list of tasks, or "not in the instruction". */
export type MenuPick = { task: Task } | { section: Section; file: string } | { list: true } | { gap: true };

interface Choice {
  value: MenuPick;
  name: string;
  short: string;
  description?: string;
}

const maxResults = 20;

export async function chooseBySearch(
  graph: Graph,
  find: (query: string) => SearchHit[],
  t: RunMessages,
  s: SearchMessages,
  color: ChalkInstance,
): Promise<MenuPick> {
  const tasks = new Map(graph.tasks.map((x) => [x.id, x]));
  const sections = new Map<string, { section: Section; file: string }>();
  for (const d of graph.documents)
    for (const sec of d.sections) if (sec.content.trim()) sections.set(`${d.file}\0${sectionId(sec)}`, { section: sec, file: d.file });
  const taskChoice = (task: Task, description?: string): Choice => ({
    value: { task },
    name: `${terminalSafe(task.title)} (#${task.id})`,
    short: terminalSafe(task.title),
    description: terminalSafe(description ?? task.trigger?.text ?? ''),
  });
  const sectionChoice = (entry: { section: Section; file: string }, description?: string): Choice => ({
    value: entry,
    name: `${terminalSafe(entry.section.title)} (${s.kinds.section})`,
    short: terminalSafe(entry.section.title),
    description: terminalSafe(description ?? ''),
  });
  const sectionOf = (id: string, file?: string) => (file ? sections.get(`${file}\0${id}`) : [...sections.values()].find((e) => sectionId(e.section) === id));
  const everything = (): Array<Choice | Separator> => [...graph.tasks.map((x) => taskChoice(x)), ...[...sections.values()].map((e) => sectionChoice(e))];
  return search<MenuPick>({
    message: t.pickTask,
    pageSize: 12,
    theme: inquirerTheme(color, t),
    source: (term) => {
      const q = (term ?? '').trim();
      if (!q) return everything();
      const exact = tasks.get(q.replace(/^#/, ''));
      if (exact) return [taskChoice(exact)];
      const out: Choice[] = [];
      const seen = new Set<string>();
      for (const hit of find(q)) {
        const { doc } = hit;
        const describe = `${s.kinds[doc.kind]}: ${doc.text}`;
        const task = doc.task ? tasks.get(doc.task) : undefined;
        const section = !task && doc.section ? sectionOf(doc.section, doc.kind === 'template' ? undefined : doc.file) : undefined;
        const key = task ? `task ${task.id}` : section ? `section ${section.file} ${doc.section}` : '';
        if (!key || seen.has(key)) continue;
        seen.add(key);
        out.push(task ? taskChoice(task, describe) : sectionChoice(section!, describe));
        if (out.length >= maxResults) break;
      }
      if (out.length > 0) return out;
      // inquirer would say "No results found" in English; say it in the instruction's language and offer a way on
      return [
        new Separator(s.nothingMenu),
        { value: { list: true }, name: s.menuList, short: s.menuList },
        { value: { gap: true }, name: s.menuGap, short: s.menuGap },
      ];
    },
  });
}
