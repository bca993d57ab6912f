/**
 * `instr inbox` with a team journal: the "not covered" captures of every machine, as the server
 * keeps them, next to this machine's draft files. A capture whose draft file is here is listed once.
 */
import type { Io } from '../io.js';
import type { Graph } from '../../graph/types.js';
import { draftAgeDays, type Draft } from '../../inbox/list.js';
import { chooseJournal } from '../../journal/choose.js';
import { openJournal } from './journal-store.js';

/** A capture known from the server only: its text travels with it. */
export interface RemoteDraft extends Draft {
  description: string;
  actions: string[];
  /** The file is on the machine of the person who captured it. */
  remote: true;
}

export async function serverDrafts(
  io: Io,
  flag: string | undefined,
  lang: string,
  graph: Graph,
  local: readonly Draft[],
  now: number = Date.now(),
): Promise<RemoteDraft[]> {
  if ((await chooseJournal(io.cwd, flag)).kind !== 'postgres') return [];
  const journal = await openJournal(io, flag, lang);
  try {
    if (journal.store.kind !== 'postgres') return [];
    const { PostgresStore } = await import('../../journal/postgres/store.js');
    if (!(journal.store instanceof PostgresStore)) return [];
    const here = new Set(local.map((d) => `${d.run ?? ''}\u0000${d.file}`));
    const out: RemoteDraft[] = [];
    for (const d of await journal.store.drafts()) {
      if (here.has(`${d.run}\u0000${d.draft}`)) continue;
      const captured = Date.parse(d.at);
      const node = d.node !== null && Object.hasOwn(graph.nodes, d.node) ? graph.nodes[d.node] : undefined;
      const title = d.description.replace(/\s+/g, ' ').trim();
      out.push({
        file: d.draft,
        captured: Number.isFinite(captured) ? new Date(captured).toISOString() : d.at,
        run: d.run,
        task: node?.task ?? d.task,
        node: d.node,
        user: d.user,
        lang: d.lang,
        title: [...title].length > 80 ? `${[...title].slice(0, 79).join('').trimEnd()}…` : title,
        id: null,
        ageDays: Number.isFinite(captured) ? draftAgeDays(captured, now) : 0,
        description: d.description,
        actions: d.action.split('\n').filter((a) => a.trim() !== ''),
        remote: true,
      });
    }
    return out;
  } finally {
    await journal.store.close();
  }
}
