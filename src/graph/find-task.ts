import { stem, words } from '../text/words.js';
import type { Graph, Task } from './types.js';

/**
 * Tasks matching what a user typed: an exact id wins; otherwise every word of the query must
 * match a word of the title or trigger in any inflected form (Snowball stems, prefix allowed), so
 * «заявка», «заявку» and «заявки» all find «Обработать заявку клиента».
 */
export function findTasks(graph: Graph, query: string): Task[] {
  const q = query.trim();
  const exact = graph.tasks.find((t) => t.id === q || t.id === q.replace(/^#/, ''));
  if (exact) return [exact];
  const wanted = words(q).map((w) => stem(w.text));
  if (wanted.length === 0) return [];
  const scored: Array<{ task: Task; score: number }> = [];
  for (const task of graph.tasks) {
    const titleStems = words(task.title).map((w) => stem(w.text));
    const otherStems = words(`${task.id.replace(/-/g, ' ')} ${task.trigger?.text ?? ''}`).map((w) => stem(w.text));
    let score = 0;
    let all = true;
    for (const want of wanted) {
      if (titleStems.some((s) => s === want)) score += 3;
      else if (titleStems.some((s) => s.startsWith(want) || (want.length >= 4 && want.startsWith(s)))) score += 2;
      else if (otherStems.some((s) => s === want || s.startsWith(want))) score += 1;
      else all = false;
    }
    if (all) scored.push({ task, score });
  }
  scored.sort((a, b) => b.score - a.score);
  return scored.map((s) => s.task);
}
