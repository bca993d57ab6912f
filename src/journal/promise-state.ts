/** Where a promise to a client stands at a moment: the one rule the agenda, the report and the scenarios share. */
export type PromiseState = 'kept' | 'late' | 'broken' | 'open' | 'dropped';

/** Where a promise stands at `now`: kept on time, kept late, broken (due passed, not kept), open, or dropped. */
export function promiseState(p: { due: number | null; keptAt?: number; dropped?: boolean }, now: number): PromiseState {
  if (p.keptAt !== undefined) return p.due !== null && p.keptAt > p.due ? 'late' : 'kept';
  if (p.dropped) return 'dropped';
  return p.due !== null && p.due < now ? 'broken' : 'open';
}
